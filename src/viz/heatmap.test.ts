/**
 * The canvas heatmap painter and its window arithmetic, pixel by pixel: unit 0 on top, time left to right,
 * nearest-step sampling, blank columns for steps not yet computed, partial repaints that touch only their
 * columns, and a hashed render of a seeded series so that any change to the picture shows up here.
 * columnsOf is checked exhaustively: an incremental repaint of the new steps' columns must give exactly
 * the picture a full repaint gives. zoomWindow and panWindow keep the window inside [0, T].
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../engine/rng';
import { columnsOf, keptWindow, paintHeatmap, panWindow, pictureRows, stepAt, unitAt, zoomedView, zoomWindow, type HeatmapPaint } from './heatmap';
import { domainFor, lutFor, lutIndex, type ColourDomain } from './scales';

/** A LUT whose entry i is i (plus opaque alpha): a pixel then says which index it was painted with. */
const IDENTITY = Uint32Array.from({ length: 256 }, (_, i) => (0xff000000 | i) >>> 0);
const BLANK = 0xdeadbeef;
/** Domain [0, 255]: an integer value v paints LUT entry v exactly. */
const BYTE: ColourDomain = { kind: 'sequential', lo: 0, hi: 255 };

/** value(t, j) = 10·t + j, so every pixel names the step and unit it shows. */
function grid(T: number, H: number, value = (t: number, j: number) => 10 * t + j) {
  const rows = Array.from({ length: T }, (_, t) => Float32Array.from({ length: H }, (_, j) => value(t, j)));
  const calls: number[] = [];
  return { rows, calls, rowAt: (t: number) => (calls.push(t), rows[t]) };
}

function paint(w: number, h: number, p: Partial<HeatmapPaint> & Pick<HeatmapPaint, 'rowAt' | 'width'>, x0?: number, x1?: number) {
  const out = new Uint32Array(w * h).fill(0x12345678);
  const spec: HeatmapPaint = { filled: Infinity, t0: 0, t1: w, domain: BYTE, lut: IDENTITY, blank: BLANK, ...p };
  paintHeatmap(out, w, h, spec, x0, x1);
  return out;
}

/** The LUT index of each pixel, row by row (or '_' for blank), for readable expectations. */
const picture = (out: Uint32Array, w: number) =>
  Array.from({ length: out.length / w }, (_, y) =>
    Array.from(out.subarray(y * w, (y + 1) * w), (v) => (v === BLANK ? '_' : String(v & 255))).join(' '));

/** FNV-1a over the pixel words. */
function hash(out: Uint32Array): string {
  let h = 0x811c9dc5;
  for (const v of out) {
    for (let s = 0; s < 32; s += 8) {
      h ^= (v >>> s) & 255;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return h.toString(16).padStart(8, '0');
}

describe('paintHeatmap', () => {
  it('puts unit 0 at the top and time left to right, one column per step', () => {
    const g = grid(6, 3);
    const out = paint(6, 3, { rowAt: g.rowAt, width: 3, filled: 6, t0: 0, t1: 6 });
    expect(picture(out, 6)).toEqual([
      '0 10 20 30 40 50',
      '1 11 21 31 41 51',
      '2 12 22 32 42 52',
    ]);
  });

  it('stretches units over pixel rows (each unit its share of the height)', () => {
    const g = grid(2, 3);
    const out = paint(2, 6, { rowAt: g.rowAt, width: 3, filled: 2, t0: 0, t1: 2 });
    expect(picture(out, 2)).toEqual(['0 10', '0 10', '1 11', '1 11', '2 12', '2 12']);
  });

  it('samples the nearest step when there are more steps than columns, reading only those steps', () => {
    const g = grid(100, 2, (t, j) => t + 100 * j);
    const out = paint(10, 2, { rowAt: g.rowAt, width: 2, filled: 100, t0: 0, t1: 100 });
    // Column x shows step floor((x + 0.5) · 10) = 10x + 5.
    expect(picture(out, 10)[0]).toBe('5 15 25 35 45 55 65 75 85 95');
    expect(picture(out, 10)[1]).toBe('105 115 125 135 145 155 165 175 185 195');
    expect([...new Set(g.calls)].sort((a, b) => a - b)).toEqual([5, 15, 25, 35, 45, 55, 65, 75, 85, 95]);
  });

  it('repeats a step over several columns when zoomed in, with a fractional window', () => {
    const g = grid(10, 1);
    const out = paint(8, 1, { rowAt: g.rowAt, width: 1, filled: 10, t0: 2.5, t1: 6.5 });
    // Column x shows step floor(2.5 + (x + 0.5) / 2).
    expect(picture(out, 8)).toEqual(['20 30 30 40 40 50 50 60']);
  });

  it('leaves the columns of steps not yet computed (or before 0) blank, and never reads them', () => {
    const g = grid(10, 2);
    const out = paint(10, 2, { rowAt: g.rowAt, width: 2, filled: 6, t0: 0, t1: 10 });
    expect(picture(out, 10)).toEqual(['0 10 20 30 40 50 _ _ _ _', '1 11 21 31 41 51 _ _ _ _']);
    expect(Math.max(...g.calls)).toBe(5);
    const g2 = grid(10, 1);
    const out2 = paint(6, 1, { rowAt: g2.rowAt, width: 1, filled: 10, t0: -3, t1: 3 });
    expect(picture(out2, 6)).toEqual(['_ _ _ 0 10 20']);
    expect(Math.min(...g2.calls)).toBe(0);
  });

  it('clamps values outside the domain to the LUT ends and rounds to the nearest entry', () => {
    const values = [-1000, -0.4, 0.49, 0.5, 127.4, 127.6, 254.6, 255, 1e9];
    const g = grid(values.length, 1, (t) => values[t]);
    const out = paint(values.length, 1, { rowAt: g.rowAt, width: 1, filled: values.length, t0: 0, t1: values.length });
    expect(picture(out, values.length)).toEqual(['0 0 0 1 127 128 255 255 255']);
  });

  it('paints the same colours as lutIndex with a real domain and LUT', () => {
    const rng = createRng(7);
    const domain = domainFor('real', 2.3);
    const lut = lutFor(domain.kind, 'light');
    const g = grid(20, 5, () => rng.uniform(-4, 4));
    const out = paint(20, 5, { rowAt: g.rowAt, width: 5, filled: 20, t0: 0, t1: 20, domain, lut });
    for (let t = 0; t < 20; t++) {
      for (let j = 0; j < 5; j++) {
        const i = lutIndex(domain, g.rows[t][j]);
        // Both round to the nearest entry; allow one step for float rounding at a half.
        const painted = lut.indexOf(out[j * 20 + t]);
        expect(Math.abs(painted - i), `t${t} j${j}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it('repaints only columns [x0, x1) and leaves the others untouched (clamping the range to the canvas)', () => {
    const g = grid(8, 2);
    const untouched = 0x12345678;
    const out = paint(8, 2, { rowAt: g.rowAt, width: 2, filled: 8, t0: 0, t1: 8 }, 3, 5);
    for (let y = 0; y < 2; y++) {
      for (let x = 0; x < 8; x++) {
        const v = out[y * 8 + x];
        if (x === 3 || x === 4) expect(v & 255).toBe(10 * x + y);
        else expect(v).toBe(untouched);
      }
    }
    expect(new Set(g.calls)).toEqual(new Set([3, 4]));
    const wide = paint(8, 2, { rowAt: g.rowAt, width: 2, filled: 8, t0: 0, t1: 8 }, -5, 50);
    expect(picture(wide, 8)[0]).toBe('0 10 20 30 40 50 60 70');
    const none = paint(8, 2, { rowAt: g.rowAt, width: 2, filled: 8, t0: 0, t1: 8 }, 5, 5);
    expect(none.every((v) => v === untouched)).toBe(true);
  });

  it('renders a seeded series the same way every time (hashed snapshot)', () => {
    const rng = createRng(12345);
    const H = 16;
    const T = 300;
    const rows = Array.from({ length: T }, () => Float32Array.from({ length: H }, () => rng.normal()));
    const render = (kind: 'real' | 'gate', w: number, h: number, t0: number, t1: number, filled: number) => {
      const domain = domainFor(kind, 3.1);
      const out = new Uint32Array(w * h);
      const spec = { rowAt: (t: number) => rows[t], width: H, filled, t0, t1, domain, lut: lutFor(domain.kind, 'light'), blank: 0xff202020 };
      paintHeatmap(out, w, h, spec);
      return hash(out);
    };
    expect({
      divergingFull: render('real', 64, 32, 0, 300, 300),
      divergingZoomed: render('real', 50, 16, 40.5, 90.5, 300),
      sequentialStreaming: render('gate', 64, 8, 0, 300, 123),
    }).toMatchInlineSnapshot(`
      {
        "divergingFull": "03aaa6a1",
        "divergingZoomed": "16c30472",
        "sequentialStreaming": "744c8132",
      }
    `);
  });
});

describe('stepAt', () => {
  it('is the step a column samples', () => {
    expect(stepAt(0, 10, 0, 100)).toBe(5);
    expect(stepAt(9, 10, 0, 100)).toBe(95);
    expect(stepAt(0, 10, 0, 10)).toBe(0);
    expect(stepAt(9, 10, 0, 10)).toBe(9);
    expect(stepAt(3, 8, 2.5, 6.5)).toBe(4);
    expect(stepAt(0, 4, -2, 2)).toBe(-2);
  });

  it('agrees with the painter for every column', () => {
    for (const [w, t0, t1] of [[7, 0, 100], [30, 3, 17], [13, 2.25, 40.75], [64, 0, 64]] as const) {
      const g = grid(200, 1, (t) => t % 256);
      const out = paint(w, 1, { rowAt: g.rowAt, width: 1, filled: 200, t0, t1 });
      for (let x = 0; x < w; x++) expect(out[x] & 255).toBe(stepAt(x, w, t0, t1) % 256);
    }
  });
});

describe('unitAt', () => {
  it('is the unit painted under the pointer, wherever it is down the row, for more units than pixels too', () => {
    // [row height in CSS pixels, units]: fewer, as many as and more units than pixels (H = 128 in a
    // 57-pixel row is where an even split, y · H / height, named the unit beside the one seen).
    for (const [height, H] of [[40, 8], [57, 57], [57, 128], [40, 512], [100, 255]] as const) {
      const h = pictureRows(height, H);
      const out = paint(1, h, { rowAt: () => Float32Array.from({ length: H }, (_, j) => j % 256), width: H, filled: 1, t0: 0, t1: 1 });
      // The picture is stretched from h pixel rows to the row's height: the pointer at CSS y is over row y · h / height.
      for (let y = 0; y < height; y += 0.25) {
        const shown = out[Math.floor((y / height) * h)] & 255;
        expect(unitAt(y / height, h, H) % 256, `H = ${H}, height ${height}, y ${y}`).toBe(shown);
      }
    }
  });

  it('keeps to the units at the row\'s edges', () => {
    expect(unitAt(-0.1, 57, 128)).toBe(unitAt(0, 57, 128));
    expect(unitAt(1, 57, 128)).toBe(unitAt(0.999, 57, 128));
    expect(unitAt(1, 8, 8)).toBe(7);
  });
});

describe('columnsOf', () => {
  const windows: Array<[number, number]> = [[0, 10], [0, 37], [5, 25], [0, 100], [12.5, 60.25], [0.3, 7.9], [100, 1100]];

  it('covers every column whose sampled step is among the new steps [a, b) (exhaustive)', () => {
    // Plain checks in the loops (expect() per case would be slow); the misses are listed at the end.
    const misses: string[] = [];
    let checked = 0;
    for (const [t0, t1] of windows) {
      const lo = Math.floor(t0);
      const hi = Math.ceil(t1);
      const stepSize = hi - lo > 60 ? Math.ceil((hi - lo) / 40) : 1;
      for (let w = 1; w <= 70; w++) {
        const sampled = Array.from({ length: w }, (_, x) => stepAt(x, w, t0, t1));
        for (let a = lo; a <= hi; a += stepSize) {
          for (let b = a + 1; b <= hi + 1; b += stepSize) {
            const [x0, x1] = columnsOf(a, b, w, t0, t1);
            checked++;
            if (x0 < 0 || x1 > w) misses.push(`columnsOf(${a}, ${b}, w=${w}, ${t0}, ${t1}) = [${x0}, ${x1}) leaves the canvas`);
            for (let x = 0; x < w; x++) {
              if (sampled[x] >= a && sampled[x] < b && !(x >= x0 && x < x1)) {
                misses.push(`columnsOf(${a}, ${b}, w=${w}, ${t0}, ${t1}) = [${x0}, ${x1}) misses column ${x} (step ${sampled[x]})`);
              }
            }
          }
        }
      }
    }
    expect(misses.slice(0, 10)).toEqual([]);
    expect(checked).toBeGreaterThan(10_000);
  });

  it('is tight: at most one extra column on each side', () => {
    const loose: string[] = [];
    for (const [t0, t1] of windows) {
      for (let w = 1; w <= 70; w++) {
        const sampled = Array.from({ length: w }, (_, x) => stepAt(x, w, t0, t1));
        for (let a = Math.floor(t0); a < Math.ceil(t1); a++) {
          const cols = sampled.flatMap((s, x) => (s === a ? [x] : []));
          if (cols.length === 0) continue;
          const [x0, x1] = columnsOf(a, a + 1, w, t0, t1);
          if (x0 < cols[0] - 1 || x1 > cols[cols.length - 1] + 2) loose.push(`columnsOf(${a}, ${a + 1}, w=${w}, ${t0}, ${t1}) = [${x0}, ${x1}) for columns ${cols.join(',')}`);
        }
      }
    }
    expect(loose.slice(0, 10)).toEqual([]);
  });

  it('makes a streamed (incremental) picture identical to a full repaint', () => {
    const rng = createRng(99);
    const T = 90;
    const H = 3;
    const g = grid(T, H, () => Math.floor(rng.next() * 256));
    for (const [t0, t1] of [[0, 90], [0, 45], [10.5, 70.25]] as Array<[number, number]>) {
      for (const w of [1, 7, 30, 45, 64, 90, 133]) {
        const out = new Uint32Array(w * H);
        const spec = { rowAt: g.rowAt, width: H, t0, t1, domain: BYTE, lut: IDENTITY, blank: BLANK };
        let filled = 0;
        paintHeatmap(out, w, H, { ...spec, filled });
        for (const n of [1, 7, 3, 20, 1, 30, 28]) {
          const next = Math.min(T, filled + n);
          const [x0, x1] = columnsOf(filled, next, w, t0, t1);
          paintHeatmap(out, w, H, { ...spec, filled: next }, x0, x1);
          filled = next;
          const full = new Uint32Array(w * H);
          paintHeatmap(full, w, H, { ...spec, filled });
          expect(Array.from(out), `w=${w} [${t0}, ${t1}) filled=${filled}`).toEqual(Array.from(full));
        }
      }
    }
  });
});

describe('keptWindow', () => {
  it('keeps a window that shows part of the sequence, and forgets one that shows all of it', () => {
    expect(keptWindow([10, 400], 1000)).toEqual([10, 400]);
    expect(keptWindow([0, 1000], 1000)).toBeNull();
    // Zooming out at full width stays "all", wherever the cursor is.
    expect(zoomedView(0, 1000, 1.25, 700, 1000)).toBeNull();
    expect(zoomedView(0, 900, 1.25, 700, 1000)).toBeNull();
    expect(zoomedView(0, 500, 1.25, 100, 1000)).toEqual([0, 625]);
  });
});

describe('zoomWindow', () => {
  it('zooms in around the cursor, keeping the step under it at the same place', () => {
    const [a, b] = zoomWindow(0, 100, 0.5, 30, 1000);
    expect(b - a).toBeCloseTo(50, 12);
    expect((30 - a) / (b - a)).toBeCloseTo(0.3, 12);
    const rng = createRng(4);
    for (let k = 0; k < 600; k++) {
      const T = 10 + rng.int(5000);
      const t0 = rng.uniform(0, T - 9);
      const t1 = t0 + rng.uniform(8, T - t0);
      const at = rng.uniform(t0, t1);
      const factor = rng.next() < 0.5 ? 0.8 : 1.25;
      const minSpan = 8;
      const [z0, z1] = zoomWindow(t0, t1, factor, at, T, minSpan);
      // Inside [0, T], at least minSpan wide (or all of T), never wider than T.
      expect(z0).toBeGreaterThanOrEqual(0);
      expect(z1).toBeLessThanOrEqual(T + 1e-9);
      expect(z1 - z0).toBeGreaterThanOrEqual(Math.min(minSpan, T) - 1e-9);
      expect(z1 - z0).toBeCloseTo(Math.min(T, Math.max(minSpan, (t1 - t0) * factor)), 9);
      // Unless pushed back inside [0, T], the step under the cursor stays put.
      if (z0 > 1e-9 && z1 < T - 1e-9) expect((at - z0) / (z1 - z0)).toBeCloseTo((at - t0) / (t1 - t0), 9);
    }
  });

  it('respects minSpan and T', () => {
    expect(zoomWindow(40, 50, 0.1, 45, 100)).toEqual([41, 49]);
    expect(zoomWindow(40, 50, 0.1, 45, 100, 2)).toEqual([44, 46]);
    expect(zoomWindow(0, 5, 0.5, 2, 5)).toEqual([0, 5]);
    expect(zoomWindow(0, 100, 4, 90, 100)).toEqual([0, 100]);
  });

  it('pushes a window that would leave [0, T] back inside', () => {
    expect(zoomWindow(80, 100, 2, 100, 100)).toEqual([60, 100]);
    expect(zoomWindow(0, 20, 2, 0, 100)).toEqual([0, 40]);
    const [a, b] = zoomWindow(90, 100, 3, 99, 100);
    expect([a, b]).toEqual([70, 100]);
  });
});

describe('panWindow', () => {
  it('moves the window by dt, keeping its span, stopped at 0 and T', () => {
    expect(panWindow(10, 30, 5, 100)).toEqual([15, 35]);
    expect(panWindow(10, 30, -5.5, 100)).toEqual([4.5, 24.5]);
    expect(panWindow(10, 30, -50, 100)).toEqual([0, 20]);
    expect(panWindow(10, 30, 500, 100)).toEqual([80, 100]);
    expect(panWindow(0, 100, 10, 100)).toEqual([0, 100]);
    const rng = createRng(8);
    for (let k = 0; k < 500; k++) {
      const T = 20 + rng.int(1000);
      const t0 = rng.uniform(0, T - 10);
      const t1 = rng.uniform(t0 + 1, T);
      const [a, b] = panWindow(t0, t1, rng.uniform(-2 * T, 2 * T), T);
      expect(a).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThanOrEqual(T + 1e-9);
      expect(b - a).toBeCloseTo(t1 - t0, 9);
    }
  });
});
