/**
 * Colour scales, d3 for the maths. Two families, both colour-blind safe:
 *  - gates and probabilities (0 → 1): viridis, dark = closed, bright = open;
 *  - signed values (tanh range, cell state, pre-activations): RdBu reversed, blue < 0 < red, white at 0.
 * Canvas panels use a 256-entry lookup table built from the same scales, so a strip and a heatmap never
 * disagree about a colour.
 */
import { scaleDiverging, scaleSequential } from 'd3-scale';
import { interpolateRdBu, interpolateViridis } from 'd3-scale-chromatic';
import { color } from 'd3-color';
import type { ValueKind } from '../engine/trace';

/** A colour domain: [lo, hi] with its interpolator family. */
export interface ColourDomain {
  kind: 'sequential' | 'diverging';
  lo: number;
  hi: number;
}

const reversedRdBu = (t: number) => interpolateRdBu(1 - t);

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

export function scaleFor(d: ColourDomain): (v: number) => string {
  return d.kind === 'sequential'
    ? scaleSequential(interpolateViridis).domain([d.lo, d.hi]).clamp(true)
    : scaleDiverging(reversedRdBu).domain([d.lo, 0, d.hi]).clamp(true);
}

/** 256 packed RGBA colours (little-endian ABGR for a Uint32Array over ImageData) along a domain. */
export type ColourLut = Uint32Array;

const lutCache = new Map<string, ColourLut>();

export function lutFor(kind: ColourDomain['kind']): ColourLut {
  const cached = lutCache.get(kind);
  if (cached) return cached;
  const interp = kind === 'sequential' ? interpolateViridis : reversedRdBu;
  const lut = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    const c = color(interp(i / 255))!.rgb();
    lut[i] = (255 << 24) | (Math.round(c.b) << 16) | (Math.round(c.g) << 8) | Math.round(c.r);
  }
  lutCache.set(kind, lut);
  return lut;
}

/** CSS colours of a LUT, for canvas fillStyle (strings built once). */
const cssCache = new Map<string, string[]>();
export function cssLutFor(kind: ColourDomain['kind']): string[] {
  const cached = cssCache.get(kind);
  if (cached) return cached;
  const lut = lutFor(kind);
  const css = Array.from(lut, (v) => `rgb(${v & 255},${(v >>> 8) & 255},${(v >>> 16) & 255})`);
  cssCache.set(kind, css);
  return css;
}

/** Index into a LUT for value v in domain d. */
export function lutIndex(d: ColourDomain, v: number): number {
  const t = (v - d.lo) / (d.hi - d.lo);
  return t <= 0 ? 0 : t >= 1 ? 255 : (t * 255 + 0.5) | 0;
}
