/**
 * Paints every strip of the diagram on one canvas: H coloured cells per vector, the selected unit
 * outlined. A canvas because a 512-unit LSTM has thousands of cells that change every frame of playback;
 * the SVG above it keeps the names, the numbers and the click targets.
 */
import type { Trace } from '../../engine/trace';
import { cellRect, STRIP_H, STRIP_W, type CellGeometry } from '../../viz/geometry';
import { seriesDomain, type Normalisation } from '../../viz/domains';
import { cssLutFor, lutIndex } from '../../viz/scales';
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
  /** Outline colours from the theme. */
  ink: string;
  pendingFill: string;
}

export function drawStrips(ctx: CanvasRenderingContext2D, p: StripPaint): void {
  const { geometry: g, trace, layer, t, unit } = p;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.setTransform(p.scale * p.dpr, 0, 0, p.scale * p.dpr, p.offsetX * p.dpr, p.offsetY * p.dpr);
  const arrived = t < trace.filled;
  for (const part of g.parts) {
    const s = part.strip;
    if (!s) continue;
    const state = p.states.get(part.source) ?? 'idle';
    const x0 = s.x - STRIP_W / 2;
    const y0 = s.y - STRIP_H / 2;
    if (!arrived || state === 'pending') {
      ctx.fillStyle = p.pendingFill;
      ctx.fillRect(x0, y0, STRIP_W, STRIP_H);
    } else {
      const values = sourceValues(trace, layer, part.source, t);
      const domain = seriesDomain(trace, sourceSeries(trace, layer, part.source), p.norm);
      const css = cssLutFor(domain.kind);
      const n = values.length;
      // Cells overlap by a hair so that no background shows through the seams at fractional sizes.
      const pad = 0.35 / p.scale;
      for (let j = 0; j < n; j++) {
        const r = cellRect(n, j, s.x, s.y);
        ctx.fillStyle = css[lutIndex(domain, values[j])];
        ctx.fillRect(r.x, r.y, r.w + pad, r.h + pad);
      }
      if (isPerUnit(layer, part.source) && unit < n) {
        const r = cellRect(n, unit, s.x, s.y);
        ctx.lineWidth = 2 / p.scale;
        ctx.strokeStyle = p.ink;
        ctx.strokeRect(r.x - 1 / p.scale, r.y - 1 / p.scale, r.w + 2 / p.scale, r.h + 2 / p.scale);
      }
    }
    ctx.lineWidth = 1 / p.scale;
    ctx.strokeStyle = p.ink;
    ctx.globalAlpha = 0.5;
    ctx.strokeRect(x0, y0, STRIP_W, STRIP_H);
    ctx.globalAlpha = 1;
  }
}
