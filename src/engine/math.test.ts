import { describe, expect, it } from 'vitest';
import { sigmoid, softmaxInto, tanh } from './math';

/** x over many orders of magnitude, both signs, and 0: where each formula and the switch between them apply. */
const XS = [0, ...[-12, -8, -5, -4.5, -4, -3.5, -3, -2, -1.5, -1, -0.5, 0, 0.5, 1, 1.3].flatMap((e) => [10 ** e, -(10 ** e)]), 20, -20, 400, -400];

describe('the cells’ nonlinearities', () => {
  it('tanh is within 1e-12 of Math.tanh, relatively, from 1e-12 to 400, series and formula alike', () => {
    for (const x of XS) {
      const exact = Math.tanh(x);
      expect(Math.abs(tanh(x) - exact), `tanh(${x})`).toBeLessThanOrEqual(1e-12 * Math.abs(exact));
    }
  });

  it('σ is within 1e-15 of the exact value, and 0 or 1 where exp overflows', () => {
    for (const x of XS) expect(Math.abs(sigmoid(x) - 1 / (1 + Math.exp(-x))), `σ(${x})`).toBeLessThanOrEqual(1e-15);
    expect(sigmoid(-1000)).toBe(0);
    expect(sigmoid(1000)).toBe(1);
    expect(tanh(1000)).toBe(1);
    expect(tanh(-1000)).toBe(-1);
  });

  it('softmax sums to 1 and keeps the order of its inputs, even for logits that would overflow exp', () => {
    const src = new Float32Array([0, 1000, 999, -5]);
    const dst = new Float32Array(6);
    softmaxInto(src, 1, dst, 2, 3);
    expect(dst[0]).toBe(0);
    expect(dst[2] + dst[3] + dst[4]).toBeCloseTo(1, 6);
    expect(dst[2]).toBeCloseTo(1 / (1 + Math.exp(-1)), 6);
    expect(dst[3]).toBeCloseTo(Math.exp(-1) / (1 + Math.exp(-1)), 6);
  });
});
