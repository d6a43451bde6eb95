/**
 * Colour scales: which domain each kind of series gets, the round bounds of unbounded ones, LUT indexing
 * and the LUTs themselves (opaque; the diverging ones blue → the page's colour → red, the sequential one dark → bright),
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

/**
 * How an sRGB colour looks to someone without one kind of cone (Machado, Oliveira and Fernandes 2009,
 * severity 1.0, applied in linear RGB), as sRGB again: its steps are nearer what the eye tells apart,
 * near black as near white.
 */
const DICHROMATS = {
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
} as const;
function seenBy(m: readonly (readonly number[])[], c: readonly number[]): number[] {
  const lin = c.map((v) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  const encode = (x: number) => (x <= 0.0031308 ? 12.92 * x : 1.055 * x ** (1 / 2.4) - 0.055);
  return m.map((row) => encode(Math.min(1, Math.max(0, row[0] * lin[0] + row[1] * lin[1] + row[2] * lin[2]))));
}

const THEMES = ['light', 'dark'] as const;

describe('lutFor', () => {
  it('has 256 opaque colours, built once per kind and theme', () => {
    for (const theme of THEMES) {
      for (const kind of ['sequential', 'diverging'] as const) {
        const lut = lutFor(kind, theme);
        expect(lut).toHaveLength(256);
        expect(lut.every((v) => v >>> 24 === 255)).toBe(true);
        expect(new Set(lut).size).toBeGreaterThan(200);
        expect(lutFor(kind, theme)).toBe(lut);
      }
    }
    // Gates look the same on either page; signed values don't.
    expect(lutFor('sequential', 'dark')).toEqual(lutFor('sequential', 'light'));
    expect(lutFor('diverging', 'dark')[128]).not.toBe(lutFor('diverging', 'light')[128]);
  });

  for (const theme of THEMES) {
    it(`diverging, ${theme}: blue at the low end, red at the high end`, () => {
      const lut = lutFor('diverging', theme);
      const [lr, lg, lb] = rgb(lut[0]);
      const [hr, hg, hb] = rgb(lut[255]);
      expect(lb).toBeGreaterThan(lr + 50);
      expect(lb).toBeGreaterThan(lg);
      expect(hr).toBeGreaterThan(hb + 50);
      expect(hr).toBeGreaterThan(hg);
    });

    it(`diverging, ${theme}: its two halves stay apart for colour-blind eyes`, () => {
      // Seen without one kind of cone, every entry of the negative half is still bluer (blue over red) than
      // the positive entry as far from 0, and clearly so away from the middle.
      const lut = lutFor('diverging', theme);
      for (const [who, m] of Object.entries(DICHROMATS)) {
        for (let d = 16; d <= 127; d += 8) {
          const [nr, , nb] = seenBy(m, rgb(lut[127 - d]));
          const [pr, , pb] = seenBy(m, rgb(lut[128 + d]));
          expect(nb - nr - (pb - pr), `${who}, ${d} entries from 0`).toBeGreaterThan(0.06);
        }
      }
    });
  }

  it('diverging, light: white at 0, darker towards both ends (the eye goes to large values)', () => {
    const lut = lutFor('diverging', 'light');
    for (const i of [127, 128]) for (const c of rgb(lut[i])) expect(c).toBeGreaterThan(225);
    const L = Array.from(lut, (v) => luminance(rgb(v)));
    expect(L[128]).toBeGreaterThan(0.8);
    for (const i of [0, 32, 64, 96]) expect(L[i]).toBeLessThan(L[i + 32]);
    for (const i of [160, 192, 224]) expect(L[i]).toBeLessThan(L[i - 32]);
    expect(L[0]).toBeLessThan(0.1);
    expect(L[255]).toBeLessThan(0.1);
  });

  it('diverging, dark: near the dark page\'s colour at 0, brighter towards both ends, alike on both sides', () => {
    // RdBu, white at 0, had made a strip of zeros the brightest thing on a dark page.
    const lut = lutFor('diverging', 'dark');
    const L = Array.from(lut, (v) => luminance(rgb(v)));
    for (const i of [127, 128]) expect(L[i]).toBeLessThan(0.04);
    // Monotone outwards up to rounding: every entry brighter than the one 4 nearer the middle.
    for (let i = 132; i < 256; i++) expect(L[i], `entry ${i}`).toBeGreaterThan(L[i - 4]);
    for (let i = 123; i >= 0; i--) expect(L[i], `entry ${i}`).toBeGreaterThan(L[i + 4]);
    expect(L[0]).toBeGreaterThan(0.35);
    expect(L[255]).toBeGreaterThan(0.35);
    // Equal |v|, about equal brightness: neither sign stands out.
    for (let d = 0; d < 128; d += 16) expect(Math.abs(L[127 - d] - L[128 + d]), `${d} from 0`).toBeLessThan(0.06);
  });

  it('sequential: dark to bright, luminance rising along the LUT', () => {
    const L = Array.from(lutFor('sequential', 'light'), (v) => luminance(rgb(v)));
    expect(L[0]).toBeLessThan(0.05);
    expect(L[255]).toBeGreaterThan(0.7);
    // Monotone up to rounding: every entry brighter than the one 4 before it.
    for (let i = 4; i < 256; i++) expect(L[i], `entry ${i}`).toBeGreaterThan(L[i - 4]);
  });

  it('matches the d3 scale the SVG strips use (one colour per value everywhere), on either page', () => {
    const rng = createRng(5);
    const domains: ColourDomain[] = [{ kind: 'sequential', lo: 0, hi: 1 }, { kind: 'diverging', lo: -1, hi: 1 }, { kind: 'diverging', lo: -5, hi: 5 }];
    for (const theme of THEMES) {
      for (const d of domains) {
        const scale = scaleFor(d, theme);
        const lut = lutFor(d.kind, theme);
        for (let k = 0; k < 300; k++) {
          const v = rng.uniform(d.lo - 0.5, d.hi + 0.5);
          const c = color(scale(v))!.rgb();
          const [r, g, b] = rgb(lut[lutIndex(d, v)]);
          // The LUT quantises the domain to 256 steps: a few units per channel at most.
          expect(Math.abs(c.r - r) + Math.abs(c.g - g) + Math.abs(c.b - b), `${theme} ${d.kind} ${v}`).toBeLessThanOrEqual(12);
        }
      }
    }
  });

  it('has CSS strings of the same colours', () => {
    for (const theme of THEMES) {
      for (const kind of ['sequential', 'diverging'] as const) {
        const css = cssLutFor(kind, theme);
        const lut = lutFor(kind, theme);
        expect(css).toHaveLength(256);
        css.forEach((s, i) => expect(s).toBe(`rgb(${rgb(lut[i]).join(',')})`));
      }
    }
  });
});
