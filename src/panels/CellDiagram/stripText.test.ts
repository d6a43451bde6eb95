/**
 * The symbols beside the diagram's strips, against engine runs: a stacked layer's input is named as the
 * h_t of the layer below, the reset-after GRU's U strip owns up to its bias (which the trace's hn really
 * holds), every other symbol is the series' own.
 */
import { describe, expect, it } from 'vitest';
import { seriesInfo } from '../../cellinfo/series';
import { runAll } from '../../engine/run';
import { DEFAULT_CONFIG, runSpecOf, type Config } from '../../state/config';
import { geometryFor } from '../../viz/geometry';
import { sourceSymbol } from '../../viz/sources';
import { buildRun } from '../../worker/host';
import { fmtValue } from '../../viz/format';
import { stripSymbol, stripValueText } from './stripText';

function run(patch: Partial<Config>) {
  const { model, seq } = buildRun(runSpecOf({ ...DEFAULT_CONFIG, seqLen: 12, ...patch }));
  return { trace: runAll(model, seq), model };
}

describe('stripSymbol', () => {
  it("names a stacked layer's input as the h_t of the layer below, with the page's layer numbers", () => {
    const { trace } = run({ cell: 'lstm', numLayers: 3 });
    expect(stripSymbol(trace, 0, 'x')).toBe('xₜ');
    expect(stripSymbol(trace, 1, 'x')).toBe('hₜ of layer 1');
    expect(stripSymbol(trace, 2, 'x')).toBe('hₜ of layer 2');
  });

  it("writes the bias into the reset-after GRU's U strip, as every panel does: it carries U_h h_{t−1} + b_hn", () => {
    const { trace, model } = run({ cell: 'gru', gruReset: 'after' });
    expect(stripSymbol(trace, 0, 'hn')).toBe('U·hₜ₋₁ + b');
    expect(seriesInfo('gru', 'hn').symbol).toBe('U·hₜ₋₁ + b'); // the heatmap's row and the values table
    // It is the trace's hn, which really holds the bias (checked against the parameters).
    const H = model.hiddenSize;
    const p = model.layers[0];
    const t = 4;
    const h = trace.row(trace.index('l0.h'), t - 1);
    for (let j = 0; j < H; j++) {
      const row = 2 * H + j;
      let uh = 0;
      for (let k = 0; k < H; k++) uh += p.weightHh[row * H + k] * h[k];
      expect(Math.abs(uh + p.biasHh![row] - trace.at('l0.hn', t, j))).toBeLessThan(1e-5);
    }
  });

  it("keeps every other part's own symbol", () => {
    for (const patch of [{ cell: 'lstm' }, { cell: 'gru', gruReset: 'after' }, { cell: 'gru', gruReset: 'before' }, { cell: 'rnn_tanh' }] as const) {
      const { trace } = run({ ...patch, numLayers: 2 });
      for (const part of geometryFor(trace.layout, true).parts) {
        if (part.source === 'x') continue;
        for (const layer of [0, 1]) expect(stripSymbol(trace, layer, part.source)).toBe(sourceSymbol(trace, part.source));
      }
    }
  });
});

describe('stripValueText', () => {
  it('writes an input of up to 3 values whole, each as every panel writes a number (3 decimals), and a longer one by its size', () => {
    const { trace, model } = run({ inputSize: 3 });
    const x = trace.row(trace.index('x'), 4);
    expect(stripValueText(trace, model, 0, 'x', 4, 0)).toBe(`(${Array.from(x, (v) => fmtValue(v)).join(', ')})`);
    expect(stripValueText(trace, model, 0, 'x', 4, 0)).toMatch(/^\((−?\d\.\d{3}, ){2}−?\d\.\d{3}\)$/);
    const wide = run({ inputSize: 6 });
    expect(stripValueText(wide.trace, wide.model, 0, 'x', 4, 0)).toBe('6 values');
  });

  it("writes the readout as its most likely class and that class's probability, wherever that class is", () => {
    const { trace, model } = run({ classes: 5, seqLen: 40 });
    let notFirst = 0;
    for (let t = 0; t < trace.filled; t++) {
      const p = Array.from(trace.row(trace.index('probs'), t));
      const best = p.indexOf(Math.max(...p));
      if (best > 0) notFirst++;
      expect(stripValueText(trace, model, 0, 'probs', t, 0), `t = ${t + 1}`).toBe(`class ${best} ${fmtValue(p[best])}`);
    }
    expect(notFirst).toBeGreaterThan(0);
  });

  it("writes the selected unit's value on a layer's own strips and its previous states", () => {
    const { trace, model } = run({});
    expect(stripValueText(trace, model, 0, 'f', 4, 5)).toBe(fmtValue(trace.at('l0.f', 4, 5)));
    expect(stripValueText(trace, model, 0, 'prev:c', 4, 2)).toBe(fmtValue(trace.at('l0.c', 3, 2)));
  });
});
