/**
 * Colour scales, d3 for the maths. Two families, both colour-blind safe:
 *  - gates and probabilities (0 → 1): viridis, dark = closed, bright = open;
 *  - signed values (tanh range, cell state, pre-activations): blue < 0 < red, with 0 near the colour of
 *    the page, so that the eye goes to large values, whichever way they point: on a light page RdBu reversed
 *    (white at 0), on a dark page its dark counterpart (see darkDiverging).
 * Canvas panels use a 256-entry lookup table built from the same scales, so a strip and a heatmap never
 * disagree about a colour.
 */
import { scaleDiverging, scaleSequential } from 'd3-scale';
import { interpolateRdBu, interpolateViridis } from 'd3-scale-chromatic';
import { color, hcl } from 'd3-color';
import type { ValueKind } from '../engine/trace';

/** The page's theme, which the signed scale follows. */
export type ScaleTheme = 'light' | 'dark';

/** A colour domain: [lo, hi] with its interpolator family. */
export interface ColourDomain {
  kind: 'sequential' | 'diverging';
  lo: number;
  hi: number;
}

const reversedRdBu = (t: number) => interpolateRdBu(1 - t);

/**
 * The signed scale of a dark page: a light blue at −1 and a light red at +1 through a dark grey at 0, so
 * that, as on the light page's RdBu, the eye goes to large values: RdBu itself, white at 0, had made the
 * smallest values the brightest marks on a dark page, and a strip of zeros glare. Built in CIE LCh:
 * lightness grows with |v| alike on both sides, and colour faster (a square root), so that small values
 * show their sign; lightness too a little faster near 0 (|v|^0.7): dark tones are told apart less well
 * than light ones, and the values of an untrained net, mostly under 0.5, had looked murky. The two hues differ
 * along the blue–yellow axis, which colour-blind eyes keep (see the tests' simulations).
 */
/** Zero's lightness: about the dark panel's (as white is the light one's), and darker than a strip still to come. */
const DARK_ZERO_L = 14;
const DARK_SIDES = [hcl('#86b4ff'), hcl('#ff8f78')] as const;
function darkDiverging(t: number): string {
  const v = Math.min(1, Math.max(-1, 2 * t - 1));
  const end = DARK_SIDES[v < 0 ? 0 : 1];
  const u = Math.abs(v);
  return hcl(end.h, end.c * Math.sqrt(u), DARK_ZERO_L + (end.l - DARK_ZERO_L) * u ** 0.7).formatRgb();
}

/** The interpolator of a family of scales on a theme's page. */
function interpolatorFor(kind: ColourDomain['kind'], theme: ScaleTheme): (t: number) => string {
  if (kind === 'sequential') return interpolateViridis;
  return theme === 'dark' ? darkDiverging : reversedRdBu;
}

/** The domain a series is drawn with; `absMax` is the largest |value| seen (for unbounded series). */
export function domainFor(kind: ValueKind, absMax: number): ColourDomain {
  switch (kind) {
    case 'gate':
    case 'prob':
      return { kind: 'sequential', lo: 0, hi: 1 };
    case 'tanh':
      return { kind: 'diverging', lo: -1, hi: 1 };
    case 'real': {
      // A round bound reads better on the legend than 2.8371; never below 1 so small values stay pale.
      const m = Math.max(1, niceCeil(absMax));
      return { kind: 'diverging', lo: -m, hi: m };
    }
  }
}

/** Rounds up to 1, 2 or 5 times a power of ten. */
export function niceCeil(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  // A relative tolerance: 2.0000000001 rounds to 2, whatever the scale of x.
  for (const m of [1, 2, 5, 10]) if (m * p >= x * (1 - 1e-12)) return m * p;
  return 10 * p;
}

export function scaleFor(d: ColourDomain, theme: ScaleTheme): (v: number) => string {
  const interp = interpolatorFor(d.kind, theme);
  return d.kind === 'sequential'
    ? scaleSequential(interp).domain([d.lo, d.hi]).clamp(true)
    : scaleDiverging(interp).domain([d.lo, 0, d.hi]).clamp(true);
}

/** 256 packed RGBA colours (little-endian ABGR for a Uint32Array over ImageData) along a domain. */
export type ColourLut = Uint32Array;

const lutCache = new Map<string, ColourLut>();

export function lutFor(kind: ColourDomain['kind'], theme: ScaleTheme): ColourLut {
  const key = `${kind} ${theme}`;
  const cached = lutCache.get(key);
  if (cached) return cached;
  const interp = interpolatorFor(kind, theme);
  const lut = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    const c = color(interp(i / 255))!.rgb();
    lut[i] = (255 << 24) | (Math.round(c.b) << 16) | (Math.round(c.g) << 8) | Math.round(c.r);
  }
  lutCache.set(key, lut);
  return lut;
}

/** CSS colours of a LUT, for canvas fillStyle (strings built once). */
const cssCache = new Map<string, string[]>();
export function cssLutFor(kind: ColourDomain['kind'], theme: ScaleTheme): string[] {
  const key = `${kind} ${theme}`;
  const cached = cssCache.get(key);
  if (cached) return cached;
  const lut = lutFor(kind, theme);
  const css = Array.from(lut, (v) => `rgb(${v & 255},${(v >>> 8) & 255},${(v >>> 16) & 255})`);
  cssCache.set(key, css);
  return css;
}

/** Index into a LUT for value v in domain d. */
export function lutIndex(d: ColourDomain, v: number): number {
  const t = (v - d.lo) / (d.hi - d.lo);
  return t <= 0 ? 0 : t >= 1 ? 255 : (t * 255 + 0.5) | 0;
}
