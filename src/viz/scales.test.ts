/**
 * Colour scales: which domain each kind of series gets, the round bounds of unbounded ones, LUT indexing
 * and the LUTs themselves (opaque; the diverging one blue → white → red, the sequential one dark → bright),
 * the ink written on top of a colour, and that the canvas LUT agrees with the d3 scale the SVG uses.
 */
import { describe, expect, it } from 'vitest';
import { color } from 'd3-color';
import { createRng } from '../engine/rng';
import { cssLutFor, domainFor, lutFor, lutIndex, niceCeil, scaleFor, type ColourDomain } from './scales';

const rgb = (v: number) => [v & 255, (v >>> 8) & 255, (v >>> 16) & 255] as const;
/** WCAG relative luminance of an sRGB colour. */
function luminance([r, g, b]: readonly number[]): number {
  const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

describe('domainFor', () => {
  it('gives gates and probabilities the sequential [0, 1] whatever the data', () => {
    for (const m of [0, 0.5, 3, 1e6]) {
      expect(domainFor('gate', m)).toEqual({ kind: 'sequential', lo: 0, hi: 1 });
      expect(domainFor('prob', m)).toEqual({ kind: 'sequential', lo: 0, hi: 1 });
    }
  });

  it('gives tanh-range values the diverging [−1, 1]', () => {
    for (const m of [0, 0.2, 7]) expect(domainFor('tanh', m)).toEqual({ kind: 'diverging', lo: -1, hi: 1 });
  });

  it('gives unbounded values a symmetric, round, diverging bound of at least 1', () => {
    const cases: Array<[number, number]> = [[0, 1], [0.3, 1], [1, 1], [1.01, 2], [2.8371, 5], [5, 5], [7, 10], [10, 10], [11, 20], [450, 500], [12_000, 20_000]];
    for (const [absMax, m] of cases) expect(domainFor('real', absMax), `absMax ${absMax}`).toEqual({ kind: 'diverging', lo: -m, hi: m });
  });

  it('falls back to [−1, 1] for a missing or non-finite bound', () => {
    for (const bad of [NaN, -3, Infinity]) expect(domainFor('real', bad)).toEqual({ kind: 'diverging', lo: -1, hi: 1 });
  });
});

describe('niceCeil', () => {
  /** The nice numbers 1, 2, 5 × 10^k around x, from float-safe decimal strings. */
  const isNice = (r: number) => /^[125]e[+-]\d+$/.test(r.toExponential(0)) && Math.abs(Number(r.toExponential(0)) - r) <= r * 1e-12;

  it('rounds up to 1, 2 or 5 × 10^k', () => {
    const cases: Array<[number, number]> = [
      [1, 1], [1.2, 2], [2, 2], [2.01, 5], [4.9, 5], [5, 5], [5.1, 10], [9.99, 10], [10, 10],
      [0.07, 0.1], [0.15, 0.2], [0.3, 0.5], [0.001, 0.001], [1234, 2000], [20_000, 20_000], [50_001, 100_000],
    ];
    for (const [x, r] of cases) expect(niceCeil(x), `niceCeil(${x})`).toBeCloseTo(r, 12);
  });

  it('is the smallest nice number not below x (property, x from 1e-9 to 1e9)', () => {
    const rng = createRng(31);
    for (let k = 0; k < 5000; k++) {
      const x = 10 ** rng.uniform(-9, 9);
      const r = niceCeil(x);
      expect(r, `niceCeil(${x})`).toBeGreaterThanOrEqual(x * (1 - 1e-12));
      expect(isNice(r), `niceCeil(${x}) = ${r}`).toBe(true);
      // The next nice number down is below x.
      const [m, e] = r.toExponential(0).split('e').map(Number);
      const below = m === 1 ? 5 * 10 ** (e - 1) : m === 2 ? 10 ** e : 2 * 10 ** e;
      expect(below, `niceCeil(${x}) = ${r}`).toBeLessThan(x);
    }
  });

  it('returns nice numbers unchanged', () => {
    for (let e = -9; e <= 9; e++) {
      for (const m of [1, 2, 5]) {
        const x = Number(`${m}e${e}`);
        expect(niceCeil(x)).toBeCloseTo(x, 12 - e);
        expect(niceCeil(x) / x).toBeCloseTo(1, 12);
      }
    }
  });

  it('gives 1 for zero, negative and non-finite input', () => {
    for (const x of [0, -1, -0.5, NaN, Infinity, -Infinity]) expect(niceCeil(x)).toBe(1);
  });
});

describe('lutIndex', () => {
  const d: ColourDomain = { kind: 'diverging', lo: -2, hi: 2 };

  it('maps the ends of the domain to the ends of the LUT and clamps beyond them', () => {
    expect(lutIndex(d, -2)).toBe(0);
    expect(lutIndex(d, 2)).toBe(255);
    expect(lutIndex(d, -1e9)).toBe(0);
    expect(lutIndex(d, 1e9)).toBe(255);
    expect(lutIndex(d, -Infinity)).toBe(0);
    expect(lutIndex(d, Infinity)).toBe(255);
    expect(lutIndex(d, 0)).toBe(128);
    expect(lutIndex({ kind: 'sequential', lo: 0, hi: 1 }, 0.5)).toBe(128);
  });

  it('rounds to the nearest entry and never decreases', () => {
    const s: ColourDomain = { kind: 'sequential', lo: 0, hi: 255 };
    for (let i = 0; i <= 255; i++) {
      expect(lutIndex(s, i)).toBe(i);
      expect(lutIndex(s, i + 0.4)).toBe(Math.min(255, i));
      if (i < 255) expect(lutIndex(s, i + 0.6)).toBe(i + 1);
    }
    let last = -1;
    for (let v = -3; v <= 3; v += 0.001) {
      const i = lutIndex(d, v);
      expect(i).toBeGreaterThanOrEqual(last);
      expect(Number.isInteger(i) && i >= 0 && i <= 255).toBe(true);
      last = i;
    }
  });
});

describe('lutFor', () => {
  it('has 256 opaque colours, built once per kind', () => {
    for (const kind of ['sequential', 'diverging'] as const) {
      const lut = lutFor(kind);
      expect(lut).toHaveLength(256);
      expect(lut.every((v) => v >>> 24 === 255)).toBe(true);
      expect(new Set(lut).size).toBeGreaterThan(200);
      expect(lutFor(kind)).toBe(lut);
    }
  });

  it('diverging: blue at the low end, near white in the middle, red at the high end', () => {
    const lut = lutFor('diverging');
    const [lr, lg, lb] = rgb(lut[0]);
    const [hr, hg, hb] = rgb(lut[255]);
    expect(lb).toBeGreaterThan(lr + 50);
    expect(lb).toBeGreaterThan(lg);
    expect(hr).toBeGreaterThan(hb + 50);
    expect(hr).toBeGreaterThan(hg);
    for (const i of [127, 128]) for (const c of rgb(lut[i])) expect(c).toBeGreaterThan(225);
    // Lightness peaks in the middle: both halves get darker towards their end.
    const L = Array.from(lut, (v) => luminance(rgb(v)));
    expect(L[128]).toBeGreaterThan(0.8);
    for (const i of [0, 32, 64, 96]) expect(L[i]).toBeLessThan(L[i + 32]);
    for (const i of [160, 192, 224]) expect(L[i]).toBeLessThan(L[i - 32]);
    expect(L[0]).toBeLessThan(0.1);
    expect(L[255]).toBeLessThan(0.1);
  });

  it('sequential: dark to bright, luminance rising along the LUT', () => {
    const L = Array.from(lutFor('sequential'), (v) => luminance(rgb(v)));
    expect(L[0]).toBeLessThan(0.05);
    expect(L[255]).toBeGreaterThan(0.7);
    // Monotone up to rounding: every entry brighter than the one 4 before it.
    for (let i = 4; i < 256; i++) expect(L[i], `entry ${i}`).toBeGreaterThan(L[i - 4]);
  });

  it('matches the d3 scale the SVG strips use (one colour per value everywhere)', () => {
    const rng = createRng(5);
    const domains: ColourDomain[] = [{ kind: 'sequential', lo: 0, hi: 1 }, { kind: 'diverging', lo: -1, hi: 1 }, { kind: 'diverging', lo: -5, hi: 5 }];
    for (const d of domains) {
      const scale = scaleFor(d);
      const lut = lutFor(d.kind);
      for (let k = 0; k < 300; k++) {
        const v = rng.uniform(d.lo - 0.5, d.hi + 0.5);
        const c = color(scale(v))!.rgb();
        const [r, g, b] = rgb(lut[lutIndex(d, v)]);
        // The LUT quantises the domain to 256 steps: a few units per channel at most.
        expect(Math.abs(c.r - r) + Math.abs(c.g - g) + Math.abs(c.b - b), `${d.kind} ${v}`).toBeLessThanOrEqual(12);
      }
    }
  });

  it('has CSS strings of the same colours', () => {
    for (const kind of ['sequential', 'diverging'] as const) {
      const css = cssLutFor(kind);
      const lut = lutFor(kind);
      expect(css).toHaveLength(256);
      css.forEach((s, i) => expect(s).toBe(`rgb(${rgb(lut[i]).join(',')})`));
    }
  });
});
