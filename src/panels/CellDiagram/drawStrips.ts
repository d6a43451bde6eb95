/**
 * Paints every strip of the diagram on one canvas: H coloured cells per vector, the selected unit
 * outlined. A canvas because a 512-unit LSTM has thousands of cells that change every frame of playback;
 * the SVG above it keeps the names, the numbers and the click targets.
 */
import type { Trace } from '../../engine/trace';
import { cellRect, ringBox, STRIP_H, STRIP_W, stripGrid, type CellGeometry } from '../../viz/geometry';
import { seriesDomain, type Normalisation } from '../../viz/domains';
import type { ColourDomain } from '../../viz/scales';
import { lutFor, lutIndex, type ScaleTheme } from '../../viz/scales';
import { isPerUnit, sourceSeries, sourceValues } from '../../viz/sources';

export type PartState = 'idle' | 'done' | 'active' | 'pending';

export interface StripPaint {
  geometry: CellGeometry;
  trace: Trace;
  layer: number;
  t: number;
  unit: number;
  states: ReadonlyMap<string, PartState>;
  norm: Normalisation;
  /** CSS pixels per diagram unit, and where the diagram's origin sits in the canvas (CSS pixels). */
  scale: number;
  offsetX: number;
  offsetY: number;
  dpr: number;
  /** The page's theme, which the signed values' colours follow. */
  theme: ScaleTheme;
  /** Colours from the theme: outlines, a strip not computed yet, the empty end of a strip's last row. */
  ink: string;
  pendingFill: string;
  panelFill: string;
}

/**
 * The strips' pixels, one per cell, strips stacked top to bottom: written in one putImageData and then
 * scaled up onto the diagram, one drawImage per strip. Thousands of fillRect calls, each with its own
 * fillStyle, took most of a frame's budget at H = 512 without a GPU.
 */
let cells: HTMLCanvasElement | null = null;
let cellPixels: ImageData | null = null;

function cellCanvas(w: number, h: number): { canvas: HTMLCanvasElement; pixels: ImageData } {
  cells ??= document.createElement('canvas');
  if (!cellPixels || cellPixels.width < w || cellPixels.height < h) {
    cells.width = Math.max(w, cellPixels?.width ?? 0);
    cells.height = Math.max(h, cellPixels?.height ?? 0);
    cellPixels = new ImageData(cells.width, cells.height);
  }
  return { canvas: cells, pixels: cellPixels };
}

/** A strip drawn at this step: its part of the diagram, its values, and their colour domain. */
export interface ShownStrip {
  part: CellGeometry['parts'][number];
  values: ArrayLike<number>;
  domain: ColourDomain;
}

/**
 * The strips with values to show at step t (arrived, and not waiting for a later sub-step), in the order
 * of the geometry's parts. Shared by the canvas and by the prerendered first frame's SVG (StripCells).
 */
export function shownStrips(p: Pick<StripPaint, 'geometry' | 'trace' | 'layer' | 't' | 'states' | 'norm'>): ShownStrip[] {
  const { trace, layer, t } = p;
  if (t >= trace.filled) return [];
  return p.geometry.parts
    .filter((part) => part.strip && (p.states.get(part.source) ?? 'idle') !== 'pending')
    .map((part) => ({
      part,
      values: sourceValues(trace, layer, part.source, t),
      domain: seriesDomain(trace, sourceSeries(trace, layer, part.source), p.norm),
    }));
}

/** The smallest box, in screen pixels, the selected unit's ring goes around. */
export const RING_MIN_PX = 5;

export function drawStrips(ctx: CanvasRenderingContext2D, p: StripPaint): void {
  const { geometry: g, layer, unit } = p;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.setTransform(p.scale * p.dpr, 0, 0, p.scale * p.dpr, p.offsetX * p.dpr, p.offsetY * p.dpr);
  const strips = shownStrips(p);
  const shown = strips.map((s) => s.part);
  const values = strips.map((s) => s.values);
  const grids = values.map((v) => stripGrid(v.length));
  const [w, h] = [Math.max(1, ...grids.map((q) => q.cols)), Math.max(1, grids.reduce((a, q) => a + q.rows, 0))];
  const { canvas, pixels } = cellCanvas(w, h);
  const px = new Uint32Array(pixels.data.buffer);
  px.fill(0); // a strip's last row may be part-empty: transparent, over the panel's colour
  let row = 0;
  strips.forEach(({ domain }, k) => {
    const lut = lutFor(domain.kind, p.theme);
    const v = values[k];
    const { cols } = grids[k];
    for (let j = 0; j < v.length; j++) px[(row + Math.floor(j / cols)) * pixels.width + (j % cols)] = lut[lutIndex(domain, v[j])];
    row += grids[k].rows;
  });
  canvas.getContext('2d')!.putImageData(pixels, 0, 0, 0, 0, w, h);
  ctx.imageSmoothingEnabled = false;
  row = 0;
  const drawn = new Map(shown.map((part, k) => [part, k]));
  for (const part of g.parts) {
    const s = part.strip;
    if (!s) continue;
    const x0 = s.x - STRIP_W / 2;
    const y0 = s.y - STRIP_H / 2;
    const k = drawn.get(part);
    if (k === undefined) {
      ctx.fillStyle = p.pendingFill;
      ctx.fillRect(x0, y0, STRIP_W, STRIP_H);
    } else {
      const { cols, rows } = grids[k];
      const n = values[k].length;
      if (n % cols !== 0) {
        ctx.fillStyle = p.panelFill;
        ctx.fillRect(x0, y0, STRIP_W, STRIP_H);
      }
      ctx.drawImage(canvas, 0, row, cols, rows, x0, y0, STRIP_W, STRIP_H);
      row += rows;
      if (isPerUnit(layer, part.source) && unit < n) {
        const px = 1 / p.scale;
        const r = ringBox(cellRect(n, unit, s.x, s.y), RING_MIN_PX * px);
        // Two rings: the ink one on the cell, and one of the panel's colour around it, so that the
        // outline shows on every colour of every scale (the ink alone vanished on a dark page's brightest
        // cells, and on a light page's near-black closed gates).
        ctx.lineWidth = 2 * px;
        ctx.strokeStyle = p.panelFill;
        ctx.strokeRect(r.x - 3 * px, r.y - 3 * px, r.w + 6 * px, r.h + 6 * px);
        ctx.strokeStyle = p.ink;
        ctx.strokeRect(r.x - px, r.y - px, r.w + 2 * px, r.h + 2 * px);
      }
    }
    ctx.lineWidth = 1 / p.scale;
    ctx.strokeStyle = p.ink;
    ctx.globalAlpha = 0.5;
    ctx.strokeRect(x0, y0, STRIP_W, STRIP_H);
    ctx.globalAlpha = 1;
  }
}
