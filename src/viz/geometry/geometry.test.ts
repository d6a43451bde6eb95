/**
 * The cell diagrams as data, for every cell (LSTM, GRU reset after/before, RNN tanh/ReLU) with and without
 * the readout: each part draws something the trace (or the step's inputs) really has, names are unique,
 * everything lies inside the viewBox, no two value strips overlap and the input's end label is marked.
 * Then the strip grid: cellRect and cellAt are inverse (what is drawn at unit j is what a click there
 * selects), and strips wrap above 64 units.
 */
import { describe, expect, it } from 'vitest';
import { layerSeries } from '../../engine/trace';
import type { CellKind, GruReset } from '../../engine/types';
import { cellAt, cellRect, geometryFor, STRIP_H, STRIP_MAX_COLS, STRIP_W, stripGrid, type CellGeometry } from './index';

const CELLS: Array<{ name: string; cell: CellKind; gruReset: GruReset }> = [
  { name: 'lstm', cell: 'lstm', gruReset: 'after' },
  { name: 'gru (reset after)', cell: 'gru', gruReset: 'after' },
  { name: 'gru (reset before)', cell: 'gru', gruReset: 'before' },
  { name: 'rnn_tanh', cell: 'rnn_tanh', gruReset: 'after' },
  { name: 'rnn_relu', cell: 'rnn_relu', gruReset: 'after' },
];

const VARIANTS = CELLS.flatMap((c) => [
  { ...c, readout: true, label: `${c.name} with readout` },
  { ...c, readout: false, label: `${c.name} without readout` },
]);

/** Series of a layer the diagram draws as its own part: everything but the pre-activations. */
const drawnSeries = (cell: CellKind, reset: GruReset) =>
  layerSeries(cell, reset).map(([n]) => n).filter((n) => !n.endsWith('_pre') && n !== 'a');

describe.each(VARIANTS)('geometry: $label', ({ cell, gruReset, readout }) => {
  const g: CellGeometry = geometryFor({ cell, gruReset, readoutSize: readout ? 5 : 0 }, true);
  const series = new Set(layerSeries(cell, gruReset).map(([n]) => n));
  const inside = (x: number, y: number) => x >= 0 && x <= g.width && y >= 0 && y <= g.height;

  it("draws only what exists: the cell's series, h_{t−1}, c_{t−1} (LSTM), x, and the readout's probabilities", () => {
    for (const p of g.parts) {
      const ok = series.has(p.source) || p.source === 'prev:h' || p.source === 'x' ||
        (p.source === 'prev:c' && cell === 'lstm') || (p.source === 'probs' && readout);
      expect(ok, `part '${p.name}' shows '${p.source}'`).toBe(true);
    }
  });

  it('draws every activation, product and state of the cell, the inputs, and the readout when asked', () => {
    const sources = g.parts.map((p) => p.source);
    for (const s of drawnSeries(cell, gruReset)) expect(sources, s).toContain(s);
    expect(sources).toContain('x');
    expect(sources).toContain('prev:h');
    expect(sources.includes('prev:c')).toBe(cell === 'lstm');
    expect(sources.includes('probs')).toBe(readout);
    expect(new Set(sources).size).toBe(sources.length);
  });

  it('names every part, each name unique and non-empty', () => {
    const names = g.parts.map((p) => p.name);
    for (const n of names) expect(n.trim().length).toBeGreaterThan(0);
    expect(new Set(names).size).toBe(names.length);
  });

  it('puts every strip inside the viewBox, none overlapping another', () => {
    const strips = g.parts.flatMap((p) => (p.strip ? [{ name: p.name, ...p.strip }] : []));
    expect(strips.length).toBeGreaterThan(0);
    for (const s of strips) {
      expect(s.x - STRIP_W / 2, s.name).toBeGreaterThanOrEqual(0);
      expect(s.x + STRIP_W / 2, s.name).toBeLessThanOrEqual(g.width);
      expect(s.y - STRIP_H / 2, s.name).toBeGreaterThanOrEqual(0);
      expect(s.y + STRIP_H / 2, s.name).toBeLessThanOrEqual(g.height);
    }
    for (let a = 0; a < strips.length; a++) {
      for (let b = a + 1; b < strips.length; b++) {
        const [p, q] = [strips[a], strips[b]];
        const overlap = Math.abs(p.x - q.x) < STRIP_W && Math.abs(p.y - q.y) < STRIP_H;
        expect(overlap, `strips of '${p.name}' (${p.x}, ${p.y}) and '${q.name}' (${q.x}, ${q.y}) overlap`).toBe(false);
      }
    }
  });

  it('puts every node, wire point, end label and the frame inside the viewBox', () => {
    for (const p of g.parts) {
      for (const n of p.nodes) expect(inside(n.x, n.y), `node of '${p.name}' at (${n.x}, ${n.y})`).toBe(true);
      for (const w of p.wires) {
        expect(w.points.length).toBeGreaterThanOrEqual(2);
        for (const [x, y] of w.points) expect(inside(x, y), `wire of '${p.name}' at (${x}, ${y})`).toBe(true);
      }
    }
    for (const e of g.ends) expect(inside(e.x, e.y), `label ${e.text}`).toBe(true);
    const f = g.frame;
    expect(inside(f.x, f.y) && inside(f.x + f.w, f.y + f.h)).toBe(true);
  });

  it('draws no two nodes on the same spot', () => {
    const at = g.parts.flatMap((p) => p.nodes.map((n) => `${n.x},${n.y}`));
    expect(new Set(at).size).toBe(at.length);
  });

  it('has an input, h_{t−1} and h_t end label (and ŷ with the readout)', () => {
    const texts = g.ends.map((e) => e.text);
    expect(texts).toEqual(expect.arrayContaining(['xₜ', 'hₜ₋₁', 'hₜ']));
    expect(texts.includes('ŷₜ')).toBe(readout);
    expect(texts.includes('cₜ₋₁')).toBe(cell === 'lstm');
  });

  it("marks the input's end label (renamed above the first layer) and sets it left of its wire, away from the strip's label", () => {
    const inputs = g.ends.filter((e) => e.input);
    expect(inputs.map((e) => e.text)).toEqual(['xₜ']);
    const part = g.parts.find((p) => p.source === 'x')!;
    const wireX = part.wires[0].points[0][0];
    // A label ending left of the wire grows leftwards, into empty space; the strip's label is on the right.
    expect(inputs[0].anchor).toBe('end');
    expect(inputs[0].x).toBeLessThan(wireX);
    expect(part.strip!.label).toBe('right');
  });
});

describe('geometryFor', () => {
  it('shows the readout only when asked and when the model has one', () => {
    const has = (readoutSize: number, show: boolean) =>
      geometryFor({ cell: 'gru', gruReset: 'after', readoutSize }, show).parts.some((p) => p.source === 'probs');
    expect(has(4, true)).toBe(true);
    expect(has(4, false)).toBe(false);
    expect(has(0, true)).toBe(false);
  });

  it('draws the reset where it acts: U·h then r⊙(U·h) after, r⊙h before', () => {
    const sources = (r: GruReset) => geometryFor({ cell: 'gru', gruReset: r, readoutSize: 0 }, false).parts.map((p) => p.source);
    expect(sources('after')).toEqual(expect.arrayContaining(['hn', 'rhn']));
    expect(sources('after')).not.toContain('rh');
    expect(sources('before')).toContain('rh');
    expect(sources('before')).not.toContain('hn');
  });

  it('draws a ReLU block for rnn_relu and a tanh block for rnn_tanh', () => {
    const kinds = (cell: CellKind) => geometryFor({ cell, gruReset: 'after', readoutSize: 0 }, false).parts.flatMap((p) => p.nodes.map((n) => n.kind));
    expect(kinds('rnn_relu')).toContain('relu');
    expect(kinds('rnn_relu')).not.toContain('tanh');
    expect(kinds('rnn_tanh')).toContain('tanh');
  });
});

describe('strip grid: stripGrid, cellRect, cellAt', () => {
  const SIZES = [1, 3, 8, 64, 65, 128, 512];
  const [cx, cy] = [300, 120];

  it('wraps above 64 columns into more, thinner rows', () => {
    expect(STRIP_MAX_COLS).toBe(64);
    expect(stripGrid(1)).toEqual({ cols: 1, rows: 1 });
    expect(stripGrid(8)).toEqual({ cols: 8, rows: 1 });
    expect(stripGrid(64)).toEqual({ cols: 64, rows: 1 });
    expect(stripGrid(65)).toEqual({ cols: 64, rows: 2 });
    expect(stripGrid(128)).toEqual({ cols: 64, rows: 2 });
    expect(stripGrid(129)).toEqual({ cols: 64, rows: 3 });
    expect(stripGrid(512)).toEqual({ cols: 64, rows: 8 });
    for (let n = 1; n <= 600; n++) {
      const { cols, rows } = stripGrid(n);
      expect(cols * rows).toBeGreaterThanOrEqual(n);
      expect(cols * (rows - 1)).toBeLessThan(n);
    }
  });

  it.each(SIZES)('n = %i: the centre of cellRect(j) maps back to j, for every j', (n) => {
    const { cols, rows } = stripGrid(n);
    for (let j = 0; j < n; j++) {
      const r = cellRect(n, j, cx, cy);
      expect(r.w).toBeCloseTo(STRIP_W / cols, 12);
      expect(r.h).toBeCloseTo(STRIP_H / rows, 12);
      // Inside the strip.
      expect(r.x).toBeGreaterThanOrEqual(cx - STRIP_W / 2 - 1e-9);
      expect(r.x + r.w).toBeLessThanOrEqual(cx + STRIP_W / 2 + 1e-9);
      expect(r.y).toBeGreaterThanOrEqual(cy - STRIP_H / 2 - 1e-9);
      expect(r.y + r.h).toBeLessThanOrEqual(cy + STRIP_H / 2 + 1e-9);
      expect(cellAt(n, cx, cy, r.x + r.w / 2, r.y + r.h / 2)).toBe(j);
      // Near its corners too (inside by a tenth of the cell).
      expect(cellAt(n, cx, cy, r.x + r.w * 0.1, r.y + r.h * 0.1)).toBe(j);
      expect(cellAt(n, cx, cy, r.x + r.w * 0.9, r.y + r.h * 0.9)).toBe(j);
    }
  });

  it.each(SIZES)('n = %i: points outside the strip (or in an empty last-row cell) give −1', (n) => {
    const outside: Array<[number, number]> = [
      [cx - STRIP_W / 2 - 0.01, cy], [cx + STRIP_W / 2 + 0.01, cy], [cx, cy - STRIP_H / 2 - 0.01], [cx, cy + STRIP_H / 2 + 0.01],
      [cx - 1000, cy - 1000], [cx + 1000, cy + 1000], [cx + STRIP_W / 2, cy], [cx, cy + STRIP_H / 2],
    ];
    for (const [px, py] of outside) expect(cellAt(n, cx, cy, px, py), `(${px}, ${py})`).toBe(-1);
    const { cols, rows } = stripGrid(n);
    const last = cellRect(n, n - 1, cx, cy);
    if (n % cols !== 0) {
      // The first empty slot after the last value, on the last row.
      const px = last.x + last.w * 1.5;
      expect(cellAt(n, cx, cy, px, last.y + last.h / 2)).toBe(-1);
      expect(rows).toBeGreaterThan(1);
    }
  });

  it('tiles the strip: every point of it belongs to exactly the cell whose rectangle holds it', () => {
    for (const n of SIZES) {
      for (let k = 0; k < 400; k++) {
        // A deterministic scan over the strip.
        const px = cx - STRIP_W / 2 + ((k * 37) % 400) / 4 + 0.05;
        const py = cy - STRIP_H / 2 + ((k * 13) % 160) / 10 + 0.02;
        const j = cellAt(n, cx, cy, px, py);
        if (j < 0) continue;
        const r = cellRect(n, j, cx, cy);
        expect(px >= r.x && px < r.x + r.w && py >= r.y && py < r.y + r.h, `n=${n} (${px}, ${py}) → ${j}`).toBe(true);
      }
    }
  });
});
