/**
 * Save the diagram as a PNG: the command's work (loaded when first run), for a lecturer's slides or a
 * student's notes. The image is the diagram panel as it is on screen, at twice its size: its title and step
 * line, the wires, the strips, the labels with their numbers, and the colour legend; not the line on how to
 * select a unit (an image can't), nor the row of layer buttons (the image says which layer it shows), nor
 * the empty bands the lecture view leaves above and below a diagram shaped unlike its box.
 *
 * It is drawn, not photographed: a browser has no API to picture a page. Everything is read from the page
 * at one moment (during playback the page moves on while fonts load and images decode): the SVG layers as
 * copies with their computed styles, to which the page's fonts are added (an SVG drawn as an image sees no
 * stylesheet, and no font that isn't in it); the strips painted again at the image's resolution, by the
 * painter the diagram hands over (shownDiagram.ts); the HTML text as words, each in its font and colour
 * where it stands.
 */
import { announce } from '../../state/announce';
import type { ShownDiagram } from './shownDiagram';

/** Image pixels per CSS pixel: sharp on a projector or a high-density screen, whatever the page's. */
const IMAGE_SCALE = 2;

/** What an SVG element's look depends on, copied from its computed style into the copy's style attribute. */
const SVG_STYLE = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-dashoffset',
  'stroke-linejoin', 'stroke-linecap', 'opacity', 'font-family', 'font-size', 'font-weight', 'font-style',
  'font-variant-numeric', 'text-anchor', 'dominant-baseline', 'letter-spacing', 'visibility', 'vector-effect',
];

/** Parts of the live diagram that aren't the picture: the hover tip, the pulse running along a wire, the click targets. */
const NOT_PICTURED = '.hover-tip, .wire-pulse, .strip-hit';

/** The file's name: what it shows, e.g. gatescope-lstm-h8-t12-unit3-step2.png. */
export function imageName(cell: string, H: number, t: number, unit: number, layer: number | null, step: number | null): string {
  const parts = ['gatescope', cell.replace(/_/g, '-'), `h${H}`, `t${t + 1}`, `unit${unit}`, layer === null ? '' : `layer${layer + 1}`, step === null ? '' : `step${step + 1}`];
  return parts.filter(Boolean).join('-') + '.png';
}

/** A word of the page's text, in its font and colour, its box placed in the image. */
interface Word { text: string; font: string; colour: string; letterSpacing: string; x: number; top: number; height: number }
/** A legend swatch: its colours, evenly spaced (as Legend.tsx writes them), and its box in the image. */
interface Swatch { colours: string[]; x: number; y: number; width: number; height: number }
/** Where a point of the page goes in the image. */
type Place = (x: number, y: number) => [number, number];

/**
 * The words of `el` (none hidden for sight, as a screen reader's text, nor a button's), each with its own
 * box: a line that wraps is drawn as it wraps, and a bold word stays bold.
 */
function wordsOf(el: Element, place: Place): Word[] {
  const words: Word[] = [];
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    const text = node.textContent ?? '';
    if (!parent || parent.closest('.visually-hidden, button')) continue;
    const cs = getComputedStyle(parent);
    const font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    for (const m of text.matchAll(/\S+/g)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const box = range.getClientRects()[0];
      if (!box) continue;
      const [x, top] = place(box.left, box.top);
      words.push({ text: m[0], font, colour: cs.color, letterSpacing: cs.letterSpacing, x, top, height: box.height });
    }
  }
  return words;
}

function drawWord(ctx: CanvasRenderingContext2D, w: Word): void {
  ctx.font = w.font;
  ctx.fillStyle = w.colour;
  // The title's letter spacing (the canvas's own is 0: its words came out narrower than the page's).
  if ('letterSpacing' in ctx) ctx.letterSpacing = w.letterSpacing === 'normal' ? '0px' : w.letterSpacing;
  const m = ctx.measureText(w.text);
  // Centred on the line box, as the page centres its glyphs (the font's box where the browser has it).
  const ascent = Number.isFinite(m.fontBoundingBoxAscent) ? m.fontBoundingBoxAscent : m.actualBoundingBoxAscent;
  const descent = Number.isFinite(m.fontBoundingBoxDescent) ? m.fontBoundingBoxDescent : m.actualBoundingBoxDescent;
  ctx.fillText(w.text, w.x, w.top + (w.height - ascent - descent) / 2 + ascent);
}

function drawSwatch(ctx: CanvasRenderingContext2D, s: Swatch): void {
  const g = ctx.createLinearGradient(s.x, 0, s.x + s.width, 0);
  s.colours.forEach((c, k) => g.addColorStop(k / (s.colours.length - 1), c));
  ctx.fillStyle = g;
  ctx.beginPath();
  if (typeof ctx.roundRect === 'function') ctx.roundRect(s.x, s.y, s.width, s.height, 3);
  else ctx.rect(s.x, s.y, s.width, s.height);
  ctx.fill();
}

/** A copy of an SVG layer that draws alone: computed styles inlined, what isn't picture left out. */
function standalone(svg: SVGSVGElement, width: number, height: number, families: Set<string>): SVGSVGElement {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const to = [copy, ...Array.from(copy.querySelectorAll('*'))];
  const gone: Element[] = [];
  from.forEach((el, i) => {
    const cs = getComputedStyle(el);
    // Inside <defs> (the arrowhead's marker) nothing is displayed where it stands, yet all of it is used.
    if ((cs.display === 'none' && !el.closest('defs')) || el.matches(NOT_PICTURED)) return gone.push(to[i]);
    to[i].setAttribute('style', SVG_STYLE.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';'));
    to[i].removeAttribute('class');
    if (el instanceof SVGTextContentElement) families.add(cs.fontFamily.split(',')[0].replace(/["']/g, '').trim());
  });
  for (const el of gone) el.remove();
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  return copy;
}

function base64(bytes: ArrayBuffer): string {
  const u8 = new Uint8Array(bytes);
  let s = '';
  for (let i = 0; i < u8.length; i += 0x8000) s += String.fromCharCode(...u8.subarray(i, i + 0x8000));
  return btoa(s);
}

/** The page's @font-face rules for a family, their files inlined as data URLs: each family fetched once. */
const faces = new Map<string, Promise<string>>();
function fontFaces(family: string): Promise<string> {
  let found = faces.get(family);
  if (!found) {
    const rules: CSSFontFaceRule[] = [];
    for (const sheet of Array.from(document.styleSheets)) {
      try {
        for (const r of Array.from(sheet.cssRules)) {
          if (r instanceof CSSFontFaceRule && r.style.getPropertyValue('font-family').replace(/["']/g, '').trim() === family) rules.push(r);
        }
      } catch {
        // another origin's sheet: none of ours
      }
    }
    found = Promise.all(rules.map(inlinedFace)).then((list) => list.join(''));
    faces.set(family, found);
  }
  return found;
}

/** One @font-face rule with its file as a data URL; '' if the file can't be had (the text then falls back). */
async function inlinedFace(r: CSSFontFaceRule): Promise<string> {
  const url = /url\(["']?([^"')]+)["']?\)/.exec(r.style.getPropertyValue('src'))?.[1];
  if (!url) return '';
  let src = url;
  if (!url.startsWith('data:')) {
    const res = await fetch(new URL(url, r.parentStyleSheet?.href ?? location.href)).catch(() => null);
    if (!res?.ok) return '';
    src = `data:${res.headers.get('content-type') ?? 'font/woff2'};base64,${base64(await res.arrayBuffer())}`;
  }
  const descriptors = ['font-family', 'font-weight', 'font-style', 'unicode-range']
    .map((p) => [p, r.style.getPropertyValue(p)]).filter(([, v]) => v).map(([p, v]) => `${p}:${v}`);
  return `@font-face{${descriptors.join(';')};src:url(${src})}`;
}

async function svgImage(svg: SVGSVGElement, fonts: string): Promise<HTMLImageElement> {
  const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
  style.textContent = fonts;
  svg.insertBefore(style, svg.firstChild);
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return img;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Everything the picture needs, read from the page at one moment. */
interface Snapshot {
  name: string;
  width: number;
  height: number;
  background: string;
  words: Word[];
  swatches: Swatch[];
  /** The diagram's layers in their order (wires, strips, labels), placed: its box where its drawing starts. */
  layers: Array<SVGSVGElement | HTMLCanvasElement>;
  box: { x: number; y: number; width: number; height: number };
  families: Set<string>;
}

function snapshot(shown: ShownDiagram | null): Snapshot | null {
  const panel = document.querySelector<HTMLElement>('section.diagram-panel');
  const box = panel?.querySelector<HTMLElement>('.diagram');
  if (!shown || !panel || !box) return null;
  const pr = panel.getBoundingClientRect();
  const pad = parseFloat(getComputedStyle(panel).paddingLeft) || 12;
  const br = box.getBoundingClientRect();
  const { fit } = shown;
  const drawnTop = br.top + fit.offsetY;
  const drawnBottom = drawnTop + fit.height * fit.scale;
  // Vertical bands of the page left out of the image: the layer buttons (down to the diagram's box), and
  // the box's empty bands above and below its drawing.
  const layerRow = panel.querySelector('.layer-row')?.getBoundingClientRect();
  const cuts: Array<[number, number]> = [[br.top, drawnTop], [drawnBottom, br.bottom]];
  if (layerRow) cuts.push([layerRow.top, br.top]);
  const place: Place = (x, y) => [x - pr.left, y - pr.top - cuts.reduce((s, [a, b]) => s + Math.max(0, Math.min(y, b) - a), 0)];

  const words: Word[] = [];
  const head = panel.querySelector('.diagram-head');
  if (head) words.push(...wordsOf(head, place));
  // The lecture view's title leaves out the layer (its row of buttons says it there): the image says it.
  const title = head?.querySelector('.panel-title');
  if (shown.numLayers > 1 && title && !title.textContent?.includes('layer')) {
    const cs = getComputedStyle(title);
    const tr = title.getBoundingClientRect();
    const [x, top] = place(tr.right, tr.top);
    words.push({
      text: `· layer ${shown.layer + 1} of ${shown.numLayers}`, font: `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`,
      colour: cs.color, letterSpacing: cs.letterSpacing, x: x + parseFloat(cs.fontSize) * 0.35, top, height: tr.height,
    });
  }
  const swatches: Swatch[] = [];
  const bars = Array.from(panel.querySelectorAll('.legend-bar'));
  for (const bar of bars) {
    for (const part of Array.from(bar.children)) {
      if (!part.matches('.legend-swatch')) {
        words.push(...wordsOf(part, place));
        continue;
      }
      const colours = getComputedStyle(part).backgroundImage.match(/rgba?\([^)]*\)/g) ?? [];
      const r = part.getBoundingClientRect();
      const [x, y] = place(r.left, r.top);
      if (colours.length > 1) swatches.push({ colours, x, y, width: r.width, height: r.height });
    }
  }
  const bottom = Math.max(br.bottom, ...bars.map((b) => b.getBoundingClientRect().bottom));

  const [bx, drawnY] = place(br.left, drawnTop);
  const families = new Set<string>();
  const [pw, ph] = [Math.round(br.width * IMAGE_SCALE), Math.round(br.height * IMAGE_SCALE)];
  const layers = Array.from(box.children).flatMap((el): Array<SVGSVGElement | HTMLCanvasElement> => {
    if (el instanceof SVGSVGElement) return [standalone(el, pw, ph, families)];
    if (!el.matches('canvas.diagram-strips')) return [];
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [pw, ph];
    shown.paintStrips(canvas.getContext('2d')!, IMAGE_SCALE);
    return [canvas];
  });
  return {
    name: imageName(shown.cell, shown.hiddenSize, shown.t, shown.unit, shown.numLayers > 1 ? shown.layer : null, shown.step),
    width: pr.width,
    height: place(0, bottom)[1] + pad,
    background: getComputedStyle(panel).backgroundColor,
    words, swatches, layers, families,
    box: { x: bx, y: drawnY - fit.offsetY, width: br.width, height: br.height },
  };
}

/** The picture (see the file) and its file's name, or null if there is no diagram to picture. */
async function diagramPicture(shown: { current: ShownDiagram | null }): Promise<{ canvas: HTMLCanvasElement; name: string } | null> {
  await document.fonts.ready;
  const shot = snapshot(shown.current);
  if (!shot) return null;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(shot.width * IMAGE_SCALE);
  canvas.height = Math.round(shot.height * IMAGE_SCALE);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('the browser gave no canvas to draw on');
  const fonts = (await Promise.all([...shot.families].map(fontFaces))).join('');
  const images = await Promise.all(shot.layers.map((l) => (l instanceof SVGSVGElement ? svgImage(l, fonts) : l)));
  ctx.scale(IMAGE_SCALE, IMAGE_SCALE);
  ctx.fillStyle = shot.background;
  ctx.fillRect(0, 0, shot.width, shot.height);
  const { x, y, width, height } = shot.box;
  for (const img of images) {
    // The strips' cells stay one colour each, wherever the box falls between pixels.
    ctx.imageSmoothingEnabled = img instanceof HTMLImageElement;
    ctx.drawImage(img, x, y, width, height);
  }
  ctx.imageSmoothingEnabled = true;
  for (const w of shot.words) drawWord(ctx, w);
  for (const s of shot.swatches) drawSwatch(ctx, s);
  return { canvas, name: shot.name };
}

/** A save in progress: a held S key repeats, and each would start another. */
let saving: Promise<boolean> | null = null;

/**
 * Saves the picture of the diagram `shown` (see the file) as a PNG download, and says so; false, and
 * nothing said, if there is no diagram to picture.
 */
export function saveDiagramImage(shown: { current: ShownDiagram | null }): Promise<boolean> {
  saving ??= save(shown).finally(() => { saving = null; });
  return saving;
}

async function save(shown: { current: ShownDiagram | null }): Promise<boolean> {
  try {
    const picture = await diagramPicture(shown);
    if (!picture) return false;
    const blob = await new Promise<Blob | null>((resolve) => picture.canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the browser could not encode the image');
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = picture.name;
    a.hidden = true;
    document.body.append(a); // some browsers follow a link's click only when it is in the page
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000); // after the browser has taken the file
    announce(`Diagram saved as ${picture.name}`);
  } catch (err) {
    announce(`The diagram could not be saved as an image (${err instanceof Error ? err.message : String(err)})`);
  }
  return true;
}
