/**
 * Paints a units × time heatmap into RGBA pixels: only the visible window, one pixel column per screen
 * column (sampling the nearest timestep when there are more steps than pixels), one LUT lookup per pixel.
 * 512 units × 100,000 steps costs the same as 512 × 1,000: what is drawn is bounded by the screen.
 */
import type { ColourDomain, ColourLut } from './scales';

export interface HeatmapPaint {
  /** The series' values at timestep t (only called for arrived timesteps). */
  rowAt: (t: number) => Float32Array;
  /** Units per timestep. */
  width: number;
  /** Timesteps that exist so far (later columns are left blank). */
  filled: number;
  /** Visible window [t0, t1) in timesteps (fractional allowed while zooming). */
  t0: number;
  t1: number;
  domain: ColourDomain;
  lut: ColourLut;
  /** Blank colour for steps not yet computed, packed like the LUT. */
  blank: number;
}

/**
 * Fills columns [x0, x1) of `out` (w × h packed pixels, row-major): unit 0 at the top, time left to right.
 * While a run streams only the columns of the new timesteps need painting.
 */
export function paintHeatmap(out: Uint32Array, w: number, h: number, p: HeatmapPaint, x0 = 0, x1 = w): void {
  const { rowAt, width: H, filled, t0, t1, domain, lut, blank } = p;
  const span = t1 - t0;
  const scale = 255 / (domain.hi - domain.lo);
  const lo = domain.lo;
  // Which unit each pixel row shows, computed once.
  const unitOfRow = new Int32Array(h);
  for (let y = 0; y < h; y++) unitOfRow[y] = unitOfPixelRow(y, h, H);
  for (let x = Math.max(0, x0); x < Math.min(w, x1); x++) {
    const t = Math.floor(t0 + ((x + 0.5) * span) / w);
    if (t < 0 || t >= filled) {
      for (let y = 0; y < h; y++) out[y * w + x] = blank;
      continue;
    }
    const row = rowAt(t);
    for (let y = 0; y < h; y++) {
      let i = ((row[unitOfRow[y]] - lo) * scale + 0.5) | 0;
      if (i < 0) i = 0;
      else if (i > 255) i = 255;
      out[y * w + x] = lut[i];
    }
  }
}

/** The pixel columns [x0, x1) that show timesteps in [a, b). */
export function columnsOf(a: number, b: number, w: number, t0: number, t1: number): [number, number] {
  const span = t1 - t0;
  return [Math.max(0, Math.floor(((a - t0) * w) / span - 0.5)), Math.min(w, Math.ceil(((b - t0) * w) / span + 0.5))];
}

/** The unit pixel row y of a picture h rows tall shows: the one under the row's middle. */
export const unitOfPixelRow = (y: number, h: number, H: number) => Math.min(H - 1, Math.floor(((y + 0.5) * H) / h));

/** Pixel rows of a row's picture `height` CSS pixels tall: one per unit, or one per pixel if there are more units. */
export const pictureRows = (height: number, H: number) => Math.max(1, Math.min(height, H));

/**
 * The unit under the pointer `frac` of the way down a row whose picture has h pixel rows, as the picture
 * shows it: the unit of the pixel row there. (Split evenly, frac · H, it named the unit beside the one
 * seen, for more units than pixels: an H = 128 row 57 pixels tall showed unit 1 where the tip said unit 2.)
 */
export function unitAt(frac: number, h: number, H: number): number {
  return unitOfPixelRow(Math.min(h - 1, Math.max(0, Math.floor(frac * h))), h, H);
}

/** The timestep under pixel column x of a window [t0, t1) drawn w pixels wide. */
export function stepAt(x: number, w: number, t0: number, t1: number): number {
  return Math.floor(t0 + ((x + 0.5) * (t1 - t0)) / w);
}

/** Zooms the window [t0, t1) by `factor` around timestep `at`, kept inside [0, T] and at least `minSpan` wide. */
export function zoomWindow(t0: number, t1: number, factor: number, at: number, T: number, minSpan = 8): [number, number] {
  const span = Math.min(T, Math.max(minSpan, (t1 - t0) * factor));
  const frac = t1 > t0 ? (at - t0) / (t1 - t0) : 0.5;
  let a = at - frac * span;
  a = Math.max(0, Math.min(T - span, a));
  return [a, a + span];
}

/**
 * A window as the view keeps it: null where it spans the whole sequence, so that zooming out all the way
 * is the same state as "all" (and the address doesn't carry a window that changes nothing).
 */
export function keptWindow(w: [number, number], T: number): [number, number] | null {
  return w[0] <= 0 && w[1] >= T ? null : w;
}

/** The window as the view keeps it after a zoom (zoomWindow, then keptWindow): what the wheel and the buttons set. */
export function zoomedView(t0: number, t1: number, factor: number, at: number, T: number): [number, number] | null {
  return keptWindow(zoomWindow(t0, t1, factor, at, T), T);
}

/** Pans the window by `dt` timesteps, kept inside [0, T]. */
export function panWindow(t0: number, t1: number, dt: number, T: number): [number, number] {
  const span = t1 - t0;
  const a = Math.max(0, Math.min(T - span, t0 + dt));
  return [a, a + span];
}
