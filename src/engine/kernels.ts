/**
 * The matrix–vector products the engine spends its time in, written for V8: flat typed arrays, no
 * allocation, several independent accumulators so that the additions pipeline. Sums are accumulated in
 * float64 (JavaScript's number) and rounded to float32 when stored, which is at least as exact as PyTorch's float32.
 *
 * The cells use prepared products (createMatVec, below), which run on WebAssembly SIMD where they can;
 * matVec and matMulRows are the plain forms, for one-off products such as the readout.
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

/*
 * ─── Prepared matrix–vector products ──────────────────────────────────────────────────────────────
 *
 * The recurrence is one matrix–vector product per timestep that cannot be batched, so its speed is the
 * engine's speed. Scalar JavaScript tops out near 3 GFLOP/s on it; WebAssembly's 128-bit SIMD does
 * about four times that with the same float64 accumulation, in every host the engine runs in (Node, a
 * worker, the page), from a few hundred bytes assembled below — no build step, no binary in the repo.
 *
 * Both ways add in the same order — four float64 partial sums per row, lane k mod 4, then
 * bias + ((s0 + s1) + (s2 + s3)) — so they give bit-identical results, and the scalar way is what runs
 * wherever WebAssembly SIMD is missing or forbidden: by a Content-Security-Policy without
 * 'wasm-unsafe-eval' (the built page's own CSP, on its main thread; its worker, loaded from its own URL,
 * is not under the page's meta CSP), or in browsers from before 2021–2023.
 */

/** out = bias + W·v for a fixed W, with v and out held where the fastest kernel wants them. */
export interface MatVec {
  /** Rows of W (the length of the useful part of `out`). */
  readonly rows: number;
  /** Columns of W (the length of the useful part of `v`). */
  readonly cols: number;
  /** The vector, float64; write v[0..cols) before apply(). The padding after it stays zero. */
  readonly v: Float64Array;
  /** The result after apply(): out[r] = bias[r] + Σ_k W[r, k]·v[k] for r < rows. */
  readonly out: Float64Array;
  /** Which kernel this product runs on. */
  readonly kernel: KernelKind;
  apply(): void;
}

export type KernelKind = 'wasm-simd' | 'scalar';

let preferScalar = false;

/**
 * Forces the scalar kernel for products prepared from now on (true), or goes back to the fastest
 * available (false). For benchmarks and tests: both kernels give the same numbers.
 */
export function setScalarKernels(on: boolean): void {
  preferScalar = on;
}

/** The kernel that createMatVec will use now. */
export function kernelKind(): KernelKind {
  return !preferScalar && simdModule() !== null ? 'wasm-simd' : 'scalar';
}

/**
 * Prepares out = bias + W·v for the row-major rows × cols matrix W (copied: later changes to W are not
 * seen). Rows and columns are padded with zeros to multiples of 4, which adds nothing to any sum.
 */
export function createMatVec(W: Float32Array, rows: number, cols: number, bias: Float32Array | Float64Array | null): MatVec {
  const rowsP = (rows + 3) & ~3;
  const colsP = (cols + 3) & ~3;
  const mod = preferScalar ? null : simdModule();
  if (mod) {
    try {
      return wasmMatVec(mod, W, rows, cols, rowsP, colsP, bias);
    } catch {
      // No memory for the instance (e.g. address space used up by live runners): scalar it is.
    }
  }
  const Wp = new Float32Array(rowsP * colsP);
  const b = new Float64Array(rowsP);
  const v = new Float64Array(colsP);
  const out = new Float64Array(rowsP);
  fillPadded(Wp, W, rows, cols, colsP, b, bias);
  return { rows, cols, v, out, kernel: 'scalar', apply: () => scalarMatVec(Wp, rowsP, colsP, v, out, b) };
}

function fillPadded(
  Wp: Float32Array, W: Float32Array, rows: number, cols: number, colsP: number,
  b: Float64Array, bias: Float32Array | Float64Array | null,
): void {
  for (let r = 0; r < rows; r++) Wp.set(W.subarray(r * cols, (r + 1) * cols), r * colsP);
  if (bias) for (let r = 0; r < rows; r++) b[r] = bias[r];
}

/** The scalar kernel: two rows share each load of v, four partial sums per row (rows, cols multiples of 4). */
function scalarMatVec(W: Float32Array, rows: number, cols: number, v: Float64Array, out: Float64Array, bias: Float64Array): void {
  for (let r = 0; r < rows; r += 2) {
    const a = r * cols;
    const b = a + cols;
    let a0 = 0, a1 = 0, a2 = 0, a3 = 0, b0 = 0, b1 = 0, b2 = 0, b3 = 0;
    for (let k = 0; k < cols; k += 4) {
      const v0 = v[k], v1 = v[k + 1], v2 = v[k + 2], v3 = v[k + 3];
      a0 += W[a + k] * v0; a1 += W[a + k + 1] * v1; a2 += W[a + k + 2] * v2; a3 += W[a + k + 3] * v3;
      b0 += W[b + k] * v0; b1 += W[b + k + 1] * v1; b2 += W[b + k + 2] * v2; b3 += W[b + k + 3] * v3;
    }
    out[r] = bias[r] + ((a0 + a1) + (a2 + a3));
    out[r + 1] = bias[r + 1] + ((b0 + b1) + (b2 + b3));
  }
}

/** Each product gets its own small memory: [W f32 | bias f64 | v f64 | out f64], all 16-byte aligned. */
function wasmMatVec(
  mod: WebAssembly.Module, W: Float32Array, rows: number, cols: number, rowsP: number, colsP: number,
  bias: Float32Array | Float64Array | null,
): MatVec {
  const wBytes = rowsP * colsP * 4;
  const bOff = wBytes;
  const vOff = bOff + rowsP * 8;
  const oOff = vOff + colsP * 8;
  const memory = new WebAssembly.Memory({ initial: Math.ceil((oOff + rowsP * 8) / 65536) });
  const instance = new WebAssembly.Instance(mod, { k: { m: memory } });
  const mv = instance.exports.mv as (w: number, cols: number, v: number, out: number, rows: number, bias: number) => void;
  const buf = memory.buffer;
  fillPadded(new Float32Array(buf, 0, rowsP * colsP), W, rows, cols, colsP, new Float64Array(buf, bOff, rowsP), bias);
  const v = new Float64Array(buf, vOff, colsP);
  const out = new Float64Array(buf, oOff, rowsP);
  return { rows, cols, v, out, kernel: 'wasm-simd', apply: () => mv(0, colsP, vOff, oOff, rowsP, bOff) };
}

let simdCache: WebAssembly.Module | null | undefined;

/** The compiled SIMD kernel, or null where WebAssembly or its SIMD instructions are unavailable. */
function simdModule(): WebAssembly.Module | null {
  if (simdCache === undefined) {
    simdCache = null;
    try {
      const bytes = matVecWasm();
      if (typeof WebAssembly === 'object' && WebAssembly.validate(bytes)) simdCache = new WebAssembly.Module(bytes);
    } catch {
      // No WebAssembly, or compiling forbidden: the scalar kernel it is.
    }
  }
  return simdCache;
}

/*
 * The WebAssembly module, assembled by hand: one function
 *   mv(W, cols, v, out, rows, bias)   (byte addresses into the imported memory k.m; rows, cols multiples of 4)
 * Four rows at a time share the loads of v; per row and per 4 columns it loads 4 float32 weights, widens
 * them to two float64x2 (lanes k, k+1 and k+2, k+3), multiplies by v and adds into two float64x2 sums.
 * Lane order makes (acc0[0] + acc0[1]) + (acc1[0] + acc1[1]) the scalar kernel's ((a0 + a1) + (a2 + a3)).
 */
function matVecWasm(): Uint8Array<ArrayBuffer> {
  const uleb = (n: number): number[] => {
    const o: number[] = [];
    do {
      let b = n & 0x7f;
      n >>>= 7;
      if (n) b |= 0x80;
      o.push(b);
    } while (n);
    return o;
  };
  const sleb = (n: number): number[] => {
    const o: number[] = [];
    for (;;) {
      const b = n & 0x7f;
      n >>= 7;
      if ((n === 0 && !(b & 0x40)) || (n === -1 && b & 0x40)) return [...o, b];
      o.push(b | 0x80);
    }
  };
  const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
  const name = (s: string): number[] => vec([...s].map((ch) => [ch.charCodeAt(0)]));
  const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
  const [i32, v128] = [0x7f, 0x7b];
  // Instructions.
  const get = (l: number) => [0x20, l], set = (l: number) => [0x21, l], tee = (l: number) => [0x22, l];
  const i32const = (n: number) => [0x41, ...sleb(n)];
  const [i32add, i32mul, i32ltu, f64add] = [[0x6a], [0x6c], [0x49], [0xa0]];
  const f64store = (offset: number) => [0x39, 3, ...uleb(offset)];
  const f64load = (offset: number) => [0x2b, 3, ...uleb(offset)];
  const loop = (...body: number[][]) => [0x03, 0x40, ...body.flat(), 0x0b];
  const brIf = (depth: number) => [0x0d, depth];
  const simd = (op: number, ...imm: number[]) => [0xfd, ...uleb(op), ...imm];
  const vload = (offset: number) => simd(0x00, 4, ...uleb(offset));
  const vzero = simd(0x0c, ...new Array<number>(16).fill(0));
  const highToLow = simd(0x0d, 8, 9, 10, 11, 12, 13, 14, 15, 8, 9, 10, 11, 12, 13, 14, 15); // i8x16.shuffle
  const [promoteLow, f64x2add, f64x2mul] = [simd(0x5f), simd(0xf0), simd(0xf2)];
  const lane = (l: number) => simd(0x21, l); // f64x2.extract_lane

  // Locals: params 0 W, 1 cols, 2 v, 3 out, 4 rows, 5 bias; then i32 6 r, 7 pw, 8 pv, 9 vEnd, 10 rowBytes;
  // v128 11..18 the sums (two per row), 19 v[k..k+1], 20 v[k+2..k+3], 21 the four weights.
  const [W, cols, v, out, rows, bias, r, pw, pv, vEnd, rowBytes, va, vb, w] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 19, 20, 21];
  const acc = (q: number, half: number) => 11 + 2 * q + half;
  const quad = [0, 1, 2, 3];
  const rowPtr = (q: number) => (q === 0 ? get(pw) : [...get(pw), ...get(rowBytes), ...i32const(q), ...i32mul, ...i32add]);
  const code = [
    ...get(cols), ...i32const(4), ...i32mul, ...set(rowBytes),
    ...get(v), ...get(cols), ...i32const(8), ...i32mul, ...i32add, ...set(vEnd),
    ...loop(
      // pw = W + r·rowBytes; pv = v; sums = 0
      get(W), get(r), get(rowBytes), i32mul, i32add, set(pw), get(v), set(pv),
      ...quad.flatMap((q) => [vzero, set(acc(q, 0)), vzero, set(acc(q, 1))]),
      loop(
        get(pv), vload(0), set(va), get(pv), vload(16), set(vb),
        ...quad.flatMap((q) => [
          rowPtr(q), vload(0), tee(w),
          promoteLow, get(va), f64x2mul, get(acc(q, 0)), f64x2add, set(acc(q, 0)),
          get(w), get(w), highToLow, promoteLow, get(vb), f64x2mul, get(acc(q, 1)), f64x2add, set(acc(q, 1)),
        ]),
        get(pw), i32const(16), i32add, set(pw),
        get(pv), i32const(32), i32add, tee(pv), get(vEnd), i32ltu, brIf(0),
      ),
      // out[r + q] = bias[r + q] + ((acc0[0] + acc0[1]) + (acc1[0] + acc1[1]))
      ...quad.flatMap((q) => [
        get(out), get(r), i32const(8), i32mul, i32add,
        get(bias), get(r), i32const(8), i32mul, i32add, f64load(8 * q),
        get(acc(q, 0)), lane(0), get(acc(q, 0)), lane(1), f64add,
        get(acc(q, 1)), lane(0), get(acc(q, 1)), lane(1), f64add, f64add,
        f64add, f64store(8 * q),
      ]),
      get(r), i32const(4), i32add, tee(r), get(rows), i32ltu, brIf(0),
    ),
  ];
  const locals = vec([[5, i32], [11, v128]]);
  const body = [...locals, ...code, 0x0b];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec([[0x60, ...vec([[i32], [i32], [i32], [i32], [i32], [i32]]), 0]])), // type (6 × i32) → ()
    ...section(2, vec([[...name('k'), ...name('m'), 0x02, 0x00, 0x01]])), // import memory k.m, min 1 page
    ...section(3, vec([[0]])), // one function of type 0
    ...section(7, vec([[...name('mv'), 0x00, 0]])), // export it as mv
    ...section(10, vec([[...uleb(body.length), ...body]])),
  ]);
}
