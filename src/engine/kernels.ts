/**
 * The two products the cells spend their time in, written for V8: flat Float32Arrays, no allocation,
 * several independent accumulators so that the additions pipeline. Sums are accumulated in float64
 * (JavaScript's number) and rounded to float32 when stored, which is at least as exact as PyTorch's float32.
 */

/**
 * out[outOff + r] = bias[r] + Σ_k W[r, k] · v[vOff + k], for the rows r in [r0, r1) of the row-major
 * matrix W with `cols` columns. Two rows at a time share each load of v.
 */
export function matVec(
  W: Float32Array,
  cols: number,
  v: Float32Array,
  vOff: number,
  out: Float32Array | Float64Array,
  outOff: number,
  r0: number,
  r1: number,
  bias: Float32Array | Float64Array | null,
): void {
  const cols4 = cols - (cols % 4);
  let r = r0;
  for (; r + 1 < r1; r += 2) {
    const a = r * cols;
    const b = a + cols;
    let a0 = 0, a1 = 0, a2 = 0, a3 = 0, b0 = 0, b1 = 0, b2 = 0, b3 = 0;
    let k = 0;
    for (; k < cols4; k += 4) {
      const v0 = v[vOff + k], v1 = v[vOff + k + 1], v2 = v[vOff + k + 2], v3 = v[vOff + k + 3];
      a0 += W[a + k] * v0; a1 += W[a + k + 1] * v1; a2 += W[a + k + 2] * v2; a3 += W[a + k + 3] * v3;
      b0 += W[b + k] * v0; b1 += W[b + k + 1] * v1; b2 += W[b + k + 2] * v2; b3 += W[b + k + 3] * v3;
    }
    for (; k < cols; k++) {
      a0 += W[a + k] * v[vOff + k];
      b0 += W[b + k] * v[vOff + k];
    }
    out[outOff + r] = (bias === null ? 0 : bias[r]) + ((a0 + a1) + (a2 + a3));
    out[outOff + r + 1] = (bias === null ? 0 : bias[r + 1]) + ((b0 + b1) + (b2 + b3));
  }
  for (; r < r1; r++) {
    const a = r * cols;
    let a0 = 0, a1 = 0, a2 = 0, a3 = 0;
    let k = 0;
    for (; k < cols4; k += 4) {
      a0 += W[a + k] * v[vOff + k]; a1 += W[a + k + 1] * v[vOff + k + 1];
      a2 += W[a + k + 2] * v[vOff + k + 2]; a3 += W[a + k + 3] * v[vOff + k + 3];
    }
    for (; k < cols; k++) a0 += W[a + k] * v[vOff + k];
    out[outOff + r] = (bias === null ? 0 : bias[r]) + ((a0 + a1) + (a2 + a3));
  }
}

/**
 * The input projections of `steps` timesteps at once: out[t·rows + r] = bias[r] + Σ_k W[r, k] · X[t·cols + k].
 * Four timesteps share each load of a weight row, which is what makes the whole-sequence pass fast.
 */
export function matMulRows(
  W: Float32Array,
  rows: number,
  cols: number,
  X: Float32Array,
  xOff: number,
  steps: number,
  out: Float64Array,
  bias: Float32Array | Float64Array | null,
): void {
  let t = 0;
  for (; t + 3 < steps; t += 4) {
    const x0 = xOff + t * cols, x1 = x0 + cols, x2 = x1 + cols, x3 = x2 + cols;
    for (let r = 0; r < rows; r++) {
      const a = r * cols;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let k = 0; k < cols; k++) {
        const w = W[a + k];
        s0 += w * X[x0 + k]; s1 += w * X[x1 + k]; s2 += w * X[x2 + k]; s3 += w * X[x3 + k];
      }
      const b = bias === null ? 0 : bias[r];
      out[t * rows + r] = b + s0;
      out[(t + 1) * rows + r] = b + s1;
      out[(t + 2) * rows + r] = b + s2;
      out[(t + 3) * rows + r] = b + s3;
    }
  }
  for (; t < steps; t++) matVec(W, cols, X, xOff + t * cols, out, t * rows, 0, rows, bias);
}
