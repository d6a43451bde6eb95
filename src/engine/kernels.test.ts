import { afterEach, describe, expect, it } from 'vitest';
import { initModel, type ModelConfig } from './init';
import { createMatVec, kernelKind, setScalarKernels } from './kernels';
import { createRng } from './rng';
import { runAll } from './run';
import type { CellKind, GruReset } from './types';

afterEach(() => setScalarKernels(false));

/** The product on each kernel: the SIMD one (the default here) and the scalar fallback. */
function bothKernels(W: Float32Array, rows: number, cols: number, bias: Float32Array | null) {
  const simd = createMatVec(W, rows, cols, bias);
  setScalarKernels(true);
  const scalar = createMatVec(W, rows, cols, bias);
  setScalarKernels(false);
  return { simd, scalar };
}

describe('the matrix–vector kernels', () => {
  it('run on WebAssembly SIMD in Node, so that the tests below compare two different kernels', () => {
    expect(kernelKind()).toBe('wasm-simd');
  });

  it('agree bit for bit, and with a float64 reference within float32 rounding, on 200 random shapes', () => {
    const rng = createRng(7);
    for (let trial = 0; trial < 200; trial++) {
      // Sizes that are and are not multiples of 4, so that the padding is exercised too.
      const rows = 1 + rng.int(40);
      const cols = 1 + rng.int(40);
      const W = Float32Array.from({ length: rows * cols }, () => rng.uniform(-1, 1));
      const bias = trial % 3 === 0 ? null : Float32Array.from({ length: rows }, () => rng.uniform(-1, 1));
      const v = Float32Array.from({ length: cols }, () => rng.uniform(-2, 2));
      const { simd, scalar } = bothKernels(W, rows, cols, bias);
      expect(simd.kernel).toBe('wasm-simd');
      expect(scalar.kernel).toBe('scalar');
      for (const mv of [simd, scalar]) {
        mv.v.set(v);
        mv.apply();
      }
      for (let r = 0; r < rows; r++) {
        expect(Object.is(simd.out[r], scalar.out[r]), `${rows}×${cols}, row ${r}`).toBe(true);
        // A float32 sum of n products is within (n + 1)·2^−24·Σ|products| of the exact one.
        let exact = bias ? bias[r] : 0;
        let size = 0;
        for (let k = 0; k < cols; k++) {
          exact += W[r * cols + k] * v[k];
          size += Math.abs(W[r * cols + k] * v[k]);
        }
        expect(Math.abs(simd.out[r] - exact)).toBeLessThanOrEqual((cols + 1) * 2 ** -24 * size);
      }
    }
  });
});

describe('the engine on either kernel', () => {
  const cases: Array<[CellKind, GruReset]> = [['lstm', 'after'], ['gru', 'after'], ['gru', 'before'], ['rnn_tanh', 'after'], ['rnn_relu', 'after']];
  for (const [cell, gruReset] of cases) {
    it(`gives identical traces for random ${cell}${cell === 'gru' ? ` (reset ${gruReset})` : ''} models`, () => {
      const rng = createRng(cell.length * 31 + gruReset.length);
      for (let trial = 0; trial < 3; trial++) {
        const cfg: ModelConfig = {
          cell, gruReset, inputSize: 1 + rng.int(12), hiddenSize: 1 + rng.int(24), numLayers: 1 + rng.int(3), bias: trial !== 1,
          input: 'dense', vocab: 0, readoutSize: trial === 2 ? 0 : 1 + rng.int(9), forgetBias: 0,
        };
        const model = initModel(cfg, 100 + trial);
        const T = 1 + rng.int(30);
        const seq = { kind: 'dense' as const, steps: T, values: Float32Array.from({ length: T * cfg.inputSize }, () => rng.uniform(-3, 3)) };
        const simd = runAll(model, seq, {}, 7);
        setScalarKernels(true);
        const scalar = runAll(model, seq, {}, 7);
        setScalarKernels(false);
        simd.layout.series.forEach((s, k) => {
          const [a, b] = [simd.series(k), scalar.series(k)];
          const mismatch = a.findIndex((x, i) => !Object.is(x, b[i]));
          expect(mismatch, `${JSON.stringify(cfg)}: series ${s.key}`).toBe(-1);
        });
      }
    });
  }
});
