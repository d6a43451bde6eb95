/** Scalar maths shared by the cells. All of it is finite for finite input, however large. */

/** σ(x), written so that exp never overflows: for x < 0 it uses e^x / (1 + e^x). */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** softmax of src[0..n) into dst, shifted by the maximum so that exp never overflows. */
export function softmaxInto(src: Float32Array, srcOffset: number, dst: Float32Array, dstOffset: number, n: number): void {
  let max = -Infinity;
  for (let k = 0; k < n; k++) max = Math.max(max, src[srcOffset + k]);
  let sum = 0;
  for (let k = 0; k < n; k++) sum += Math.exp(src[srcOffset + k] - max);
  for (let k = 0; k < n; k++) dst[dstOffset + k] = Math.exp(src[srcOffset + k] - max) / sum;
}
