/**
 * Save the diagram as a PNG: the command's work (loaded when first run), for a lecturer's slides or a
 * student's notes. The image is the diagram panel as it is on screen, at twice its size: its title and step
 * line, the wires, the strips, the labels with their numbers, and the colour legend (not the line on how to
 * select a unit, which an image can't do).
 *
 * It is drawn, not photographed: a browser has no API to picture a page. The SVG layers are drawn from
 * copies with their computed styles and the page's fonts written into them (an SVG drawn as an image sees
 * no stylesheet, and no font that isn't in it); the strips are painted again at the image's resolution
 * (drawStrips, as on screen); the HTML text is drawn where it stands, in its own font and colour.
 */
import { announce } from '../../state/announce';
import { usePlayback } from '../../state/playback';
import { useRun } from '../../state/run';
import { drawStrips, onScreen } from './drawStrips';

/** Image pixels per CSS pixel: sharp on a projector or a high-density screen whatever the page's. */
export const IMAGE_SCALE = 2;

/** What an SVG element's look depends on, copied from its computed style into the copy's style attribute. */
const SVG_STYLE = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-dashoffset',
  'stroke-linejoin', 'stroke-linecap', 'opacity', 'font-family', 'font-size', 'font-weight', 'font-style',
  'font-variant-numeric', 'text-anchor', 'dominant-baseline', 'letter-spacing', 'visibility', 'vector-effect',
];

/** Parts of the live diagram that aren't the picture: the hover tip, the pulse running along a wire, the click targets. */
const NOT_PICTURED = '.hover-tip, .wire-pulse, .strip-hit';

/** The file's name: what it shows, e.g. gatescope-lstm-t12-unit3-step2.png. */
export function imageName(cell: string, t: number, unit: number, layer: number | null, step: number | null): string {
  return ['gatescope', cell.replace(/_/g, '-'), `t${t + 1}`, `unit${unit}`, layer === null ? '' : `layer${layer + 1}`, step === null ? '' : `step${step + 1}`]
    .filter(Boolean).join('-') + '.png';
}

function base64(bytes: ArrayBuffer): string {
  const u8 = new Uint8Array(bytes);
  let s = '';
  for (let i = 0; i < u8.length; i += 0x8000) s += String.fromCharCode(...u8.subarray(i, i + 0x8000));
  return btoa(s);
}

/** The page's @font-face rules for these families, their files inlined as data URLs. */
async function fontFaces(families: Set<string>): Promise<string> {
  const rules: CSSFontFaceRule[] = [];
  for (const sheet of Array.from(document.styleSheets)) {
    let list: CSSRuleList;
    try {
      list = sheet.cssRules;
    } catch {
      continue; // another origin's sheet: none of ours
    }
    for (const r of Array.from(list)) {
      if (r instanceof CSSFontFaceRule && families.has(r.style.getPropertyValue('font-family').replace(/["']/g, '').trim())) rules.push(r);
    }
  }
  const faces = await Promise.all(rules.map(async (r) => {
    const url = /url\(["']?([^"')]+)["']?\)/.exec(r.style.getPropertyValue('src'))?.[1];
    if (!url) return '';
    const bytes = await (await fetch(new URL(url, r.parentStyleSheet?.href ?? location.href))).arrayBuffer();
    const family = r.style.getPropertyValue('font-family');
    const weight = r.style.getPropertyValue('font-weight') || '400';
    return `@font-face{font-family:${family};font-weight:${weight};src:url(data:font/woff2;base64,${base64(bytes)}) format("woff2")}`;
  }));
  return faces.join('');
}

/** The first family of a computed font-family list, unquoted. */
const firstFamily = (list: string) => list.split(',')[0].replace(/["']/g, '').trim();

/** A copy of an SVG layer that draws alone: computed styles inlined, what isn't picture left out. */
function standalone(svg: SVGSVGElement, width: number, height: number, families: Set<string>): SVGSVGElement {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const to = [copy, ...Array.from(copy.querySelectorAll('*'))];
  const gone: Element[] = [];
  from.forEach((el, i) => {
    const cs = getComputedStyle(el);
    if (cs.display === 'none' || el.matches(NOT_PICTURED)) return gone.push(to[i]);
    const style = SVG_STYLE.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';');
    to[i].setAttribute('style', style);
    to[i].removeAttribute('class');
    if (el instanceof SVGTextElement || el instanceof SVGTSpanElement) families.add(firstFamily(cs.fontFamily));
  });
  for (const el of gone) el.remove();
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  return copy;
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

/** Where a point of the page goes in the image. */
type Place = (x: number, y: number) => [number, number];

/**
 * Draws the text of `el` where it stands on the page (placed by `place`), in its own font and colour,
 * text node by text node (a bold word in a line stays bold); neither text hidden for sight (a screen
 * reader's) nor a button's is drawn.
 */
function drawText(ctx: CanvasRenderingContext2D, el: Element, place: Place): void {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    const text = node.textContent ?? '';
    if (!parent || !text.trim() || parent.closest('.visually-hidden, button')) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const box = range.getClientRects()[0];
    if (!box) continue;
    const cs = getComputedStyle(parent);
    ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    ctx.fillStyle = cs.color;
    const m = ctx.measureText(text);
    // On the line box's middle, as the page centres its glyphs.
    const baseline = box.top + (box.height - m.fontBoundingBoxAscent - m.fontBoundingBoxDescent) / 2 + m.fontBoundingBoxAscent;
    ctx.fillText(text, ...place(box.left, baseline));
  }
}

/** Draws a legend swatch: its CSS gradient's colours, evenly spaced as Legend.tsx sets them. */
function drawSwatch(ctx: CanvasRenderingContext2D, el: Element, place: Place): void {
  const r = el.getBoundingClientRect();
  const colours = getComputedStyle(el).backgroundImage.match(/rgba?\([^)]*\)/g) ?? [];
  if (colours.length < 2) return;
  const [x, y] = place(r.left, r.top);
  const g = ctx.createLinearGradient(x, 0, x + r.width, 0);
  colours.forEach((c, k) => g.addColorStop(k / (colours.length - 1), c));
  ctx.fillStyle = g;
  ctx.beginPath();
  ctx.roundRect(x, y, r.width, r.height, 3);
  ctx.fill();
}

/** The picture of the diagram panel as it is on screen, or null if there is no diagram to picture. */
export async function diagramPicture(): Promise<HTMLCanvasElement | null> {
  const panel = document.querySelector<HTMLElement>('section.diagram-panel');
  const box = panel?.querySelector<HTMLElement>('.diagram');
  const paint = onScreen.paint;
  if (!panel || !box || !paint) return null;
  await document.fonts.ready;
  const head = panel.querySelector('.diagram-head');
  const bars = Array.from(panel.querySelectorAll('.legend-bar'));
  // The panel's content: from its heading to the legend's last bar, its padding kept as a margin; without
  // a stacked model's row of layer buttons (the title says which layer it is), and the space it took.
  const pr = panel.getBoundingClientRect();
  const pad = parseFloat(getComputedStyle(panel).paddingLeft) || 12;
  const br = box.getBoundingClientRect();
  const layerRow = panel.querySelector('.layer-row')?.getBoundingClientRect();
  const cut = layerRow ? layerRow.top : Infinity;
  const lift = layerRow ? br.top - layerRow.top : 0;
  const place: Place = (x, y) => [x - pr.left, y - pr.top - (y >= cut ? lift : 0)];
  const bottom = Math.max(br.bottom, ...bars.map((b) => b.getBoundingClientRect().bottom));
  const origin = { width: pr.width, height: place(0, bottom)[1] + pad };

  const canvas = document.createElement('canvas');
  canvas.width = Math.round(origin.width * IMAGE_SCALE);
  canvas.height = Math.round(origin.height * IMAGE_SCALE);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('the browser gave no canvas to draw on');
  ctx.scale(IMAGE_SCALE, IMAGE_SCALE);
  ctx.fillStyle = getComputedStyle(panel).backgroundColor;
  ctx.fillRect(0, 0, origin.width, origin.height);

  if (head) drawText(ctx, head, place);

  // The layers in their order on the page: wires, strips, labels.
  const [bx, by] = place(br.left, br.top);
  const families = new Set<string>();
  const layers = Array.from(box.children).map((el) =>
    el instanceof SVGSVGElement ? standalone(el, Math.round(br.width * IMAGE_SCALE), Math.round(br.height * IMAGE_SCALE), families) : el);
  const fonts = await fontFaces(families);
  for (const layer of layers) {
    if (layer instanceof SVGSVGElement) {
      ctx.drawImage(await svgImage(layer, fonts), bx, by, br.width, br.height);
    } else if (layer.matches('canvas.diagram-strips')) {
      const strips = document.createElement('canvas');
      strips.width = Math.round(br.width * IMAGE_SCALE);
      strips.height = Math.round(br.height * IMAGE_SCALE);
      drawStrips(strips.getContext('2d')!, { ...paint, dpr: IMAGE_SCALE });
      ctx.imageSmoothingEnabled = false; // cells stay one colour each, wherever the box falls between pixels
      ctx.drawImage(strips, bx, by, br.width, br.height);
      ctx.imageSmoothingEnabled = true;
    }
  }

  for (const bar of bars) {
    for (const part of Array.from(bar.children)) {
      if (part.matches('.legend-swatch')) drawSwatch(ctx, part, place);
      else drawText(ctx, part, place);
    }
  }
  return canvas;
}

/** Saves the picture of the diagram (see the file) as a PNG download, and says so. */
export async function saveDiagramImage(): Promise<void> {
  try {
    const picture = await diagramPicture();
    if (!picture) return announce('There is no diagram to save yet');
    const blob = await new Promise<Blob | null>((resolve) => picture.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the browser could not encode the image');
    const { trace } = useRun.getState();
    const { t, unit, layer, sub, subFocus } = usePlayback.getState();
    const L = trace?.layout.numLayers ?? 1;
    const H = trace?.layout.hiddenSize ?? 1;
    const name = imageName(trace?.layout.cell ?? 'cell', t, Math.min(unit, H - 1), L > 1 ? Math.min(layer, L - 1) : null, subFocus ? sub : null);
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000); // after the browser has taken the file
    announce(`Diagram saved as ${name}`);
  } catch (err) {
    announce(`The diagram could not be saved as an image (${err instanceof Error ? err.message : String(err)})`);
  }
}
