/**
 * Keeps one heatmap canvas up to date without ever blocking a frame for long: a full repaint (a new run,
 * a new window, a new colour domain) goes in slices of columns through the paint queue, and new
 * timesteps only repaint the columns that show them. A full repaint in progress is never restarted by
 * new data: it reads the trace as it paints, then catches up on whatever arrived meanwhile. The pixels
 * are computed here and shown by a PictureSurface (surface.ts): off the page's main thread where it can.
 */
import type { Trace } from '../../engine/trace';
import type { ColourDomain, ScaleTheme } from '../../viz/scales';
import { lutFor } from '../../viz/scales';
import { columnsOf, paintHeatmap } from '../../viz/heatmap';
import { cancelPaint, schedulePaint } from '../../viz/paintQueue';
import { pictureSurface } from './surface';

/** Columns painted per slice: a 112-row slice takes about a millisecond. */
const SLICE = 256;

export interface HeatmapView {
  trace: Trace;
  /** Series index. */
  k: number;
  /** Canvas size in pixels. */
  w: number;
  h: number;
  t0: number;
  t1: number;
  domain: ColourDomain;
  /** The page's theme, which the signed values' colours follow. */
  theme: ScaleTheme;
  /** Colour of steps not computed yet (packed ABGR). */
  blank: number;
}

export function createHeatmapPainter(canvas: HTMLCanvasElement) {
  const surface = pictureSurface(canvas);
  let key = '';
  let view: HeatmapView | null = null;
  let img: ImageData | null = null;
  /** Timesteps whose columns are painted (valid once no full pass is in progress). */
  let covered = 0;
  /** Next column of a full pass in progress, or -1. */
  let next = -1;
  /** trace.filled when the full pass in progress started. */
  let passFilled = 0;

  const keyOf = (v: HeatmapView) => `${v.k} ${v.w}×${v.h} ${v.t0}–${v.t1} ${v.domain.lo}…${v.domain.hi} ${v.theme}`;

  function paint(x0: number, x1: number): void {
    const v = view!;
    if (!img) return;
    paintHeatmap(new Uint32Array(img.data.buffer), v.w, v.h, {
      rowAt: (t) => v.trace.row(v.k, t), width: v.trace.layout.series[v.k].width, filled: v.trace.filled,
      t0: v.t0, t1: v.t1, domain: v.domain, lut: lutFor(v.domain.kind, v.theme), blank: v.blank,
    }, x0, x1);
    surface.put(img, x0, x1);
  }

  function step(): void {
    const v = view;
    if (!v) return;
    if (next < 0 && v.trace.filled > covered) {
      const [x0, x1] = columnsOf(covered, v.trace.filled, v.w, v.t0, v.t1);
      if (x1 - x0 <= SLICE) {
        covered = v.trace.filled;
        if (x1 > x0) paint(x0, x1);
      } else {
        // Many steps at once (a row scrolled back to while the run streamed on): in slices, as a full
        // pass from the first new column.
        next = x0;
        passFilled = v.trace.filled;
      }
    }
    if (next >= 0) {
      const to = Math.min(v.w, next + SLICE);
      paint(next, to);
      next = to < v.w ? to : -1;
      if (next < 0) covered = passFilled;
    }
    if (next >= 0 || v.trace.filled > covered) schedulePaint(canvas, step);
  }

  return {
    /** Shows `v`: repaints fully if what is shown changed, otherwise only what is new. */
    update(v: HeatmapView): void {
      const k = keyOf(v);
      const fresh = k !== key || !view || view.trace !== v.trace;
      view = v;
      if (fresh) {
        key = k;
        surface.resize(v.w, v.h);
        // The pixels are reused while the size stays: a new run repaints every column anyway, and
        // a fresh buffer per heatmap per run was megabytes of garbage for the collector to pause on.
        if (!img || img.width !== v.w || img.height !== v.h) img = new ImageData(v.w, v.h);
        next = 0;
        passFilled = v.trace.filled;
        covered = 0;
      }
      schedulePaint(canvas, step);
    },
    dispose(): void {
      cancelPaint(canvas);
      view = null;
    },
  };
}
