/**
 * The heatmaps' time axis as data: which timesteps to mark and where. Apart from heatmap.ts, whose window
 * arithmetic the page's start-up needs (the zoom commands), so that d3-scale comes with the heatmaps' chunk
 * and not before the first paint.
 */
import { scaleLinear } from 'd3-scale';
import { fmtInt } from './format';

/** A mark on the heatmaps' time axis: the timestep as the page writes it (1-based) and where its column's middle is. */
export interface TimeTick {
  step: number;
  /** 0 at the window's left edge, 1 at its right. */
  frac: number;
}

/** A mark's label's width in pixels, as the axis writes it ("100,000"), at about 7 px a character of its font. */
export const tickLabelWidth = (step: number) => 7 * fmtInt(step).length;

/**
 * Round timesteps to mark under a window [t0, t1) drawn `width` pixels wide: whole steps only (a window
 * 8 steps wide is not marked at 2.5), each at the middle of its column as the painter and stepAt place
 * it, far enough apart that their labels never touch.
 */
export function timeTicks(t0: number, t1: number, width: number): TimeTick[] {
  const span = t1 - t0;
  if (!(span > 0) || !(width > 0)) return [];
  const [first, last] = [Math.floor(t0) + 1, Math.ceil(t1)];
  const gap = 24 + tickLabelWidth(last);
  // d3's count is a hint that it may exceed (by up to about twice): asked for fewer until they fit.
  for (let count = Math.max(1, Math.floor(width / gap)); ; count--) {
    const ticks = scaleLinear().domain([first, last]).ticks(count)
      .filter((step) => Number.isInteger(step))
      .map((step) => ({ step, frac: (step - 1 + 0.5 - t0) / span }))
      .filter((tick) => tick.frac >= 0 && tick.frac <= 1);
    const apart = ticks.length < 2 || (ticks[1].frac - ticks[0].frac) * width >= gap;
    if (apart || count === 1) return ticks;
  }
}
