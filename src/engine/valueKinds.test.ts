/**
 * Each series' value kind picks its colour scale: gates and probabilities on 0 → 1, tanh-range values on
 * −1 → 1, the rest on a bound of their own. A kind too narrow would clamp real values; one too wide would
 * draw a tanh-range value on a scale that changes with the data.
 */
import { describe, expect, it } from 'vitest';
import { initModel } from './init';
import { runAll } from './run';
import { testConfig } from './testing/config';
import { layerSeries } from './trace';
import type { CellKind, GruReset } from './types';

const CELLS: Array<[CellKind, GruReset]> = [['lstm', 'after'], ['gru', 'after'], ['gru', 'before'], ['rnn_tanh', 'after'], ['rnn_relu', 'after']];

describe('value kinds', () => {
  for (const [cell, gruReset] of CELLS) {
    it(`${cell}${cell === 'gru' ? ` (reset ${gruReset})` : ''}: every value lies in its kind's range, inputs large enough to saturate`, () => {
      const model = initModel(testConfig({ cell, gruReset, hiddenSize: 6 }), 9);
      const T = 80;
      const values = Float32Array.from({ length: T * 3 }, (_, i) => 6 * Math.sin(i * 1.3) * (1 + (i % 7)));
      const trace = runAll(model, { kind: 'dense', steps: T, values });
      let unbounded = 0;
      trace.layout.series.forEach((s, k) => {
        const v = Array.from(trace.series(k));
        const [lo, hi] = [Math.min(...v), Math.max(...v)];
        if (s.kind === 'gate' || s.kind === 'prob') expect([lo >= 0, hi <= 1], s.key).toEqual([true, true]);
        if (s.kind === 'tanh') expect([lo >= -1, hi <= 1], s.key).toEqual([true, true]);
        if (s.kind === 'real' && (lo < -1 || hi > 1)) unbounded++;
      });
      expect(unbounded, 'the inputs leave the unit range somewhere (else the test proves little)').toBeGreaterThan(0);
    });
  }

  it('draws on the tanh scale every product of a gate and a tanh-range value, and the hidden state of a bounded cell', () => {
    const kinds = (cell: CellKind, reset: GruReset = 'after') => Object.fromEntries(layerSeries(cell, reset));
    expect(kinds('lstm')).toMatchObject({ ig: 'tanh', tanh_c: 'tanh', h: 'tanh', fc: 'real', c: 'real' });
    expect(kinds('gru')).toMatchObject({ zn: 'tanh', zh: 'tanh', n: 'tanh', h: 'tanh', omz: 'gate' });
    expect(kinds('gru', 'before')).toMatchObject({ rh: 'tanh' });
    expect(kinds('rnn_tanh')).toMatchObject({ h: 'tanh' });
    expect(kinds('rnn_relu')).toMatchObject({ h: 'real' }); // ReLU is unbounded above
  });
});
