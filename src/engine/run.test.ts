import { describe, expect, it } from 'vitest';
import { initModel } from './init';
import { runAll } from './run';
import { testConfig as config } from './testing/config';
import { CELL_KINDS } from './types';

describe('a run', () => {
  // The golden traces check dense and embedded input against PyTorch; one-hot input is checked against
  // dense input made of the same one-hot vectors, so a token landing in the wrong column shows.
  for (const cell of CELL_KINDS) {
    it(`of ${cell} on token ids gives the trace of their one-hot vectors`, () => {
      const V = 6;
      const tokens = Int32Array.from([2, 0, 5, 5, 1, 3, 4, 0]);
      const model = initModel(config({ cell, input: 'onehot', vocab: V }), 7);
      const onehot = runAll(model, { kind: 'tokens', tokens }, {}, 3);
      const values = new Float32Array(tokens.length * V);
      tokens.forEach((id, s) => { values[s * V + id] = 1; });
      const dense = runAll({ ...model, input: { kind: 'dense' } }, { kind: 'dense', steps: tokens.length, values });
      expect(onehot.layout.series.map((s) => s.key)).toEqual(dense.layout.series.map((s) => s.key));
      onehot.layout.series.forEach((s, k) => expect(Array.from(onehot.series(k)), s.key).toEqual(Array.from(dense.series(k))));
      // Not a trace that ignores its input: the tokens change what the first layer computes.
      const other = runAll(model, { kind: 'tokens', tokens: tokens.map((id) => (id + 1) % V) });
      expect(Array.from(other.series(other.index('l0.h')))).not.toEqual(Array.from(onehot.series(onehot.index('l0.h'))));
    });
  }

  it('keeps, per series, the largest magnitude seen, negative values included, across chunks', () => {
    const T = 40;
    const values = Float32Array.from({ length: T * 3 }, (_, i) => 3 * Math.sin(i * 0.7) - 1.5);
    for (const chunk of [1, 7, 4096]) {
      const trace = runAll(initModel(config({ cell: 'gru' }), 3), { kind: 'dense', steps: T, values }, {}, chunk);
      trace.layout.series.forEach((s, k) => {
        const expected = Math.max(...Array.from(trace.series(k), Math.abs));
        expect(trace.absMax[k], `${s.key}, chunks of ${chunk}`).toBe(expected);
      });
      // The input's largest magnitude is a negative value (−4.5 at most), which a signed maximum would miss.
      const x = trace.index('x');
      expect(Math.min(...trace.series(x))).toBeLessThan(-Math.max(...trace.series(x)));
    }
  });
});
