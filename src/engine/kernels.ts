/**
 * The matrix–vector products the engine spends its time in: out = bias + W·v for a fixed W, prepared
 * once (createMatVec) and applied once per timestep. The recurrence is one such product per step that
 * cannot be batched, so its speed is the engine's speed.
 *
 * Sums are accumulated in float32, as PyTorch does on the CPU, in one fixed order (below); the bias is
 * added to the finished sum in float64. Two kernels compute it:
 *   - WebAssembly SIMD (f32x4), assembled below from a few hundred bytes: no build step, no binary in the
 *     repository. It runs in every host the engine runs in (Node, a worker, the page) that allows it.
 *   - plain JavaScript, with Math.fround after every multiply and add, wherever WebAssembly SIMD is missing
 *     or forbidden: by a Content-Security-Policy a host sends without 'wasm-unsafe-eval', or in browsers
 *     from before 2021–2023. (The page's own meta CSP doesn't reach its worker, loaded from its own URL.)
 * Both add in the same order, so they give bit-identical results (kernels.test.ts checks it).
 *
 * The order. Rows are taken four at a time. Each row keeps four partial sums, one per lane: lane l adds up
 * W[r, k]·v[k] for the columns k ≡ l (mod 4), in increasing k, each product rounded to float32 and then
 * each sum. Finally out[r] = bias[r] + ((s0 + s1) + (s2 + s3)).
 *
 * The layout. W is stored as 4 × 4 tiles: for each group of four rows, for each block of four columns,
 * the group's 16 weights are adjacent (row by row). Both kernels then read W once, front to back, with a
 * single pointer; at H = 512 (4 MB of weights, more than the L2 cache) that ran a third faster than
 * reading four row-major rows side by side.
 */

/** out = bias + W·v for a fixed W, with v and out held where the kernel wants them. */
export interface MatVec {
  /** Rows of W (the length of the useful part of `out`). */
  readonly rows: number;
  /** Columns of W (the length of the useful part of `v`). */
  readonly cols: number;
  /** The vector; write v[0..cols) before apply(). The padding after it stays zero. */
  readonly v: Float32Array;
  /** The result after apply(): out[r] = bias[r] + Σ_k W[r, k]·v[k] for r < rows. */
  readonly out: Float64Array;
  /** Which kernel this product runs on. */
  readonly kernel: KernelKind;
  /** Computes `out` from the current `v`. */
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
  const tiles = new Float32Array(rowsP * colsP);
  const b = new Float64Array(rowsP);
  const v = new Float32Array(colsP);
  const out = new Float64Array(rowsP);
  fillTiles(tiles, W, rows, cols, colsP, b, bias);
  return { rows, cols, v, out, kernel: 'scalar', apply: () => scalarMatVec(tiles, rowsP, colsP, v, out, b) };
}

/** Copies W into the 4 × 4 tile layout (zeros in the padding) and the bias into b. */
function fillTiles(
  tiles: Float32Array, W: Float32Array, rows: number, cols: number, colsP: number,
  b: Float64Array, bias: Float32Array | Float64Array | null,
): void {
  for (let r = 0; r < rows; r++) {
    // Row r is row r % 4 of tile row r >> 2, whose tiles take 4·colsP floats.
    const base = (r >> 2) * 4 * colsP + (r & 3) * 4;
    for (let k = 0; k < cols; k++) tiles[base + (k >> 2) * 16 + (k & 3)] = W[r * cols + k];
  }
  if (bias) for (let r = 0; r < rows; r++) b[r] = bias[r];
}

const f32 = Math.fround;

/**
 * The scalar kernel, the SIMD kernel's operations one lane at a time: four rows (a, b, c, d) of four
 * partial sums each (lanes 0–3), every product and sum rounded to float32.
 */
function scalarMatVec(W: Float32Array, rows: number, cols: number, v: Float32Array, out: Float64Array, bias: Float64Array): void {
  let p = 0; // the next tile
  for (let r = 0; r < rows; r += 4) {
    let a0 = 0, a1 = 0, a2 = 0, a3 = 0, b0 = 0, b1 = 0, b2 = 0, b3 = 0;
    let c0 = 0, c1 = 0, c2 = 0, c3 = 0, d0 = 0, d1 = 0, d2 = 0, d3 = 0;
    for (let k = 0; k < cols; k += 4, p += 16) {
      const v0 = v[k], v1 = v[k + 1], v2 = v[k + 2], v3 = v[k + 3];
      a0 = f32(a0 + f32(W[p] * v0)); a1 = f32(a1 + f32(W[p + 1] * v1));
      a2 = f32(a2 + f32(W[p + 2] * v2)); a3 = f32(a3 + f32(W[p + 3] * v3));
      b0 = f32(b0 + f32(W[p + 4] * v0)); b1 = f32(b1 + f32(W[p + 5] * v1));
      b2 = f32(b2 + f32(W[p + 6] * v2)); b3 = f32(b3 + f32(W[p + 7] * v3));
      c0 = f32(c0 + f32(W[p + 8] * v0)); c1 = f32(c1 + f32(W[p + 9] * v1));
      c2 = f32(c2 + f32(W[p + 10] * v2)); c3 = f32(c3 + f32(W[p + 11] * v3));
      d0 = f32(d0 + f32(W[p + 12] * v0)); d1 = f32(d1 + f32(W[p + 13] * v1));
      d2 = f32(d2 + f32(W[p + 14] * v2)); d3 = f32(d3 + f32(W[p + 15] * v3));
    }
    out[r] = bias[r] + f32(f32(a0 + a1) + f32(a2 + a3));
    out[r + 1] = bias[r + 1] + f32(f32(b0 + b1) + f32(b2 + b3));
    out[r + 2] = bias[r + 2] + f32(f32(c0 + c1) + f32(c2 + c3));
    out[r + 3] = bias[r + 3] + f32(f32(d0 + d1) + f32(d2 + d3));
  }
}

/**
 * Each product gets its own instance and small memory: [W tiles f32 | bias f64 | v f32 | out f64], all
 * 16-byte aligned. The addresses are the instance's constants, so that apply() is the exported function
 * itself, called with no arguments: V8 calls a new instance's exports through a generic wrapper for their
 * first thousand or so calls, and that wrapper converts each argument; with six arguments a call cost
 * about 0.09 µs more, on most of the calls of a short run.
 */
function wasmMatVec(
  mod: WebAssembly.Module, W: Float32Array, rows: number, cols: number, rowsP: number, colsP: number,
  bias: Float32Array | Float64Array | null,
): MatVec {
  const bOff = rowsP * colsP * 4;
  const vOff = bOff + rowsP * 8;
  const oOff = vOff + colsP * 4;
  const end = oOff + rowsP * 8;
  const memory = new WebAssembly.Memory({ initial: Math.ceil(end / 65536) });
  const constants = { w: 0, v: vOff, vEnd: vOff + colsP * 4, out: oOff, outEnd: end, bias: bOff };
  const instance = new WebAssembly.Instance(mod, { k: { m: memory, ...constants } });
  const buf = memory.buffer;
  fillTiles(new Float32Array(buf, 0, rowsP * colsP), W, rows, cols, colsP, new Float64Array(buf, bOff, rowsP), bias);
  const v = new Float32Array(buf, vOff, colsP);
  const out = new Float64Array(buf, oOff, rowsP);
  return { rows, cols, v, out, kernel: 'wasm-simd', apply: instance.exports.mv as () => void };
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
 * The WebAssembly module, assembled by hand: one function mv(), which works on the imported memory k.m
 * at the byte addresses given by the imported constants k.w (the tiles), k.v … k.vEnd (the vector),
 * k.out … k.outEnd (the result) and k.bias.
 * For each group of four rows: four f32x4 sums, one per row, lane l holding the row's partial sum l;
 * per block of four columns, load v[k..k+3] once and each row's tile row, multiply, add. Then each row's
 * sum is reduced as (s0 + s1) + (s2 + s3), widened to float64 and added to its bias.
 *
 * Why four rows of one f32x4 sum each, not more: V8 issues all of an iteration's loads before its
 * arithmetic, so loads and sums must fit in the 15 usable vector registers together. Eight sums (four
 * rows × two column blocks, or eight rows) spill, and ran 25–45% slower than this in our measurements;
 * six rows ran at the same speed as four.
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
  const constant = (g: number) => [0x23, g]; // global.get
  const i32const = (n: number) => [0x41, ...sleb(n)];
  const [i32add, i32ltu, f32add, f64add, f64promote] = [[0x6a], [0x49], [0x92], [0xa0], [0xbb]];
  const f64store = (offset: number) => [0x39, 3, ...uleb(offset)];
  const f64load = (offset: number) => [0x2b, 3, ...uleb(offset)];
  const loop = (...body: number[][]) => [0x03, 0x40, ...body.flat(), 0x0b];
  const brIf = (depth: number) => [0x0d, depth];
  const simd = (op: number, ...imm: number[]) => [0xfd, ...uleb(op), ...imm];
  const vload = (offset: number) => simd(0x00, 4, ...uleb(offset));
  const vzero = simd(0x0c, ...new Array<number>(16).fill(0)); // v128.const 0
  const [f32x4add, f32x4mul] = [simd(0xe4), simd(0xe6)];
  const lane = (l: number) => simd(0x1f, l); // f32x4.extract_lane

  // The imported constants (globals 0–5, in this order), and the locals: i32 0 w, 1 out, 2 bias (which
  // advance as rows are done), 3 pv (the current columns of v); v128 4..7 the four rows' sums, 8 v[k..k+3].
  const imports = ['w', 'v', 'vEnd', 'out', 'outEnd', 'bias'];
  const [W, V, V_END, OUT, OUT_END, BIAS] = [0, 1, 2, 3, 4, 5];
  const [w, out, bias, pv, vk] = [0, 1, 2, 3, 8];
  const sum = (q: number) => 4 + q;
  const quad = [0, 1, 2, 3];
  const code = [
    ...constant(W), ...set(w), ...constant(OUT), ...set(out), ...constant(BIAS), ...set(bias),
    ...loop(
      constant(V), set(pv),
      ...quad.flatMap((q) => [vzero, set(sum(q))]),
      loop(
        // sum_q += tile row q · v[k..k+3]; the tile is the 64 bytes at w.
        get(pv), vload(0), set(vk),
        ...quad.flatMap((q) => [get(w), vload(16 * q), get(vk), f32x4mul, get(sum(q)), f32x4add, set(sum(q))]),
        get(w), i32const(64), i32add, set(w),
        get(pv), i32const(16), i32add, tee(pv), constant(V_END), i32ltu, brIf(0),
      ),
      // out[q] = bias[q] + f64((s[0] + s[1]) + (s[2] + s[3]))
      ...quad.flatMap((q) => [
        get(out),
        get(bias), f64load(8 * q),
        get(sum(q)), lane(0), get(sum(q)), lane(1), f32add,
        get(sum(q)), lane(2), get(sum(q)), lane(3), f32add, f32add, f64promote,
        f64add, f64store(8 * q),
      ]),
      get(bias), i32const(32), i32add, set(bias),
      get(out), i32const(32), i32add, tee(out), constant(OUT_END), i32ltu, brIf(0),
    ),
  ];
  const locals = vec([[4, i32], [5, v128]]);
  const body = [...locals, ...code, 0x0b];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec([[0x60, 0, 0]])), // one function type: () → ()
    ...section(2, vec([
      [...name('k'), ...name('m'), 0x02, 0x00, 0x01], // memory k.m, at least 1 page
      ...imports.map((g) => [...name('k'), ...name(g), 0x03, i32, 0x00]), // immutable i32 k.w, k.v, …
    ])),
    ...section(3, vec([[0]])), // one function, of type 0
    ...section(7, vec([[...name('mv'), 0x00, 0]])), // exported as mv
    ...section(10, vec([[...uleb(body.length), ...body]])),
  ]);
}
