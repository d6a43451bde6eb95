/**
 * npm run bench — the engine's LSTM forward pass (full trace) against TensorFlow.js, in one process,
 * on the same weights and inputs: TF.js with its CPU backend and with its WebAssembly backend.
 *
 * Two modes per shape:
 *   step   one timestep at a time with the values read back after each step, as the stream does
 *          (engine: runner.next(1) per step; TF.js: one LSTM step of ops, then dataSync of what it computed);
 *   whole  the whole sequence in one go (engine: runner.next(T); TF.js: the fastest formulation we found).
 * Implementations take turns inside each round (rotating the order), so background load hits them alike;
 * figures are medians over the rounds after a warm-up. It prints figures and writes bench/results.json;
 * it never fails a build.
 *
 * Environment: BENCH_ROUNDS (timed rounds per case, default 7), BENCH_SHAPES ("I,H,T;I,H,T").
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { initModel, type ModelConfig } from '../src/engine/init';
import { kernelKind, setScalarKernels } from '../src/engine/kernels';
import { createRng } from '../src/engine/rng';
import { createRunner } from '../src/engine/run';
import type { Model } from '../src/engine/types';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 7));
const SHAPES: Array<[number, number, number]> = process.env.BENCH_SHAPES
  ? process.env.BENCH_SHAPES.split(';').map((s) => s.split(',').map(Number) as [number, number, number])
  : [[8, 16, 2000], [16, 64, 1000], [32, 256, 500], [64, 512, 200]];

type Mode = 'step' | 'whole';
type ImplName = 'engine' | 'engineScalar' | 'tfjsCpu' | 'tfjsWasm';
const IMPLS: ImplName[] = ['engine', 'engineScalar', 'tfjsCpu', 'tfjsWasm'];
const BACKEND: Record<ImplName, 'cpu' | 'wasm' | null> = { engine: null, engineScalar: null, tfjsCpu: 'cpu', tfjsWasm: 'wasm' };

const DESCRIBE = {
  engineStep: 'runner.next(1) per timestep: every series of the trace (13 × H values) as Float32Arrays in one fresh buffer',
  engineWhole: 'runner.next(T) once: the full trace of all T steps',
  tfjsStep:
    'per timestep, in tf.tidy: z = concat([x_t, h]) · K + b (K = [W_ih; W_hh]ᵀ, fused as tf.basicLSTMCell does), ' +
    'split into 4 gates, σ/tanh, c = f⊙c + i⊙g, h = o⊙tanh(c); then dataSync() of z, i, f, g, o, c, h ' +
    '(10 × H values: the trace minus f⊙c, i⊙g, tanh(c))',
  tfjsWhole:
    'no readback until the end, then one of every h_t (concat, T × H) and of c_T; per backend and shape the faster of ' +
    'F: the step above, fused [x_t, h] · K, and P: all input projections X · W_ihᵀ + b in one matMul first, then per step ' +
    'h · W_hhᵀ (chosen in the warm-up; per-step tf.tidy). Measured slower and not used: tf.layers.lstm predict on ' +
    '[1, T, I], one tf.tidy around the whole loop, tf.slice/tf.unstack of the projections (milliseconds per call on wasm)',
} as const;

// ─── Timing helpers ───────────────────────────────────────────────────────────────────────────────

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let m = 0;
  for (let k = 0; k < a.length; k++) m = Math.max(m, Math.abs(a[k] - b[k]));
  return m;
}

// ─── The engine ───────────────────────────────────────────────────────────────────────────────────

function lstmConfig(I: number, H: number): ModelConfig {
  return {
    cell: 'lstm', gruReset: 'after', inputSize: I, hiddenSize: H, numLayers: 1, bias: true,
    input: 'dense', vocab: 0, readoutSize: 0, forgetBias: 0,
  };
}

/** Runs the engine once; returns the time of the forward pass (runner set-up excluded) and all h_t. */
function runEngine(model: Model, X: Float32Array, T: number, mode: Mode, scalar: boolean): { ms: number; h: Float32Array; setupMs: number } {
  const seq = { kind: 'dense' as const, steps: T, values: X };
  const s0 = performance.now();
  setScalarKernels(scalar);
  const runner = createRunner(model, seq);
  setScalarKernels(false);
  const hKey = runner.layout.series.findIndex((s) => s.key === 'l0.h');
  const H = model.hiddenSize;
  const t0 = performance.now();
  let h: Float32Array;
  if (mode === 'step') {
    // Like the worker, keep nothing of a chunk once it is handed on; only h_t is copied out, as for TF.js.
    h = new Float32Array(T * H);
    for (let t = 0; t < T; t++) h.set(runner.next(1).data[hKey], t * H);
    return { ms: performance.now() - t0, h, setupMs: t0 - s0 };
  }
  const chunk = runner.next(T);
  const ms = performance.now() - t0;
  return { ms, h: chunk.data[hKey], setupMs: t0 - s0 };
}

// ─── TensorFlow.js ────────────────────────────────────────────────────────────────────────────────

/** One backend's copy of the weights, as TF.js wants them (x · K, so the transposes of PyTorch's). */
interface TfWeights {
  K: tf.Tensor2D; // [I + H, 4H]: [W_ihᵀ; W_hhᵀ]
  Kx: tf.Tensor2D; // [I, 4H]
  Kh: tf.Tensor2D; // [H, 4H]
  b: tf.Tensor1D; // [4H]: b_ih + b_hh
  dispose(): void;
}

function transpose(W: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let k = 0; k < cols; k++) out[k * rows + r] = W[r * cols + k];
  return out;
}

function tfWeights(model: Model): TfWeights {
  const { weightIh, weightHh, biasIh, biasHh } = model.layers[0];
  const I = model.inputSize, H = model.hiddenSize, G = 4 * H;
  const wx = transpose(weightIh, G, I);
  const wh = transpose(weightHh, G, H);
  const both = new Float32Array((I + H) * G);
  both.set(wx);
  both.set(wh, I * G);
  const bias = new Float32Array(G);
  for (let r = 0; r < G; r++) bias[r] = (biasIh ? biasIh[r] : 0) + (biasHh ? biasHh[r] : 0);
  const w = {
    K: tf.tensor2d(both, [I + H, G]),
    Kx: tf.tensor2d(wx, [I, G]),
    Kh: tf.tensor2d(wh, [H, G]),
    b: tf.tensor1d(bias),
    dispose: () => tf.dispose([w.K, w.Kx, w.Kh, w.b]),
  };
  return w;
}

/** One LSTM step of TF.js ops from z (the pre-activations, [1, 4H]); returns [i, f, g, o, c', h']. */
function tfGates(z: tf.Tensor2D, c: tf.Tensor2D): tf.Tensor2D[] {
  const [ip, fp, gp, op] = tf.split(z, 4, 1);
  const i = tf.sigmoid(ip), f = tf.sigmoid(fp), g = tf.tanh(gp), o = tf.sigmoid(op);
  const c2 = tf.add(tf.mul(f, c), tf.mul(i, g));
  const h2 = tf.mul(o, tf.tanh(c2));
  return [i, f, g, o, c2, h2] as tf.Tensor2D[];
}

function runTfStep(w: TfWeights, X: Float32Array, I: number, H: number, T: number): { ms: number; h: Float32Array } {
  const hs = new Float32Array(T * H);
  const t0 = performance.now();
  let h = tf.zeros([1, H]) as tf.Tensor2D;
  let c = tf.zeros([1, H]) as tf.Tensor2D;
  for (let t = 0; t < T; t++) {
    const out = tf.tidy(() => {
      const x = tf.tensor2d(X.subarray(t * I, (t + 1) * I), [1, I]);
      const z = tf.add(tf.matMul(tf.concat([x, h], 1), w.K), w.b) as tf.Tensor2D;
      return [z, ...tfGates(z, c)];
    });
    // Read back everything computed, as the stream would: z (4H), i, f, g, o, c, h.
    const values = out.map((v) => v.dataSync());
    hs.set(values[6], t * H);
    tf.dispose([h, c, ...out.slice(0, 5)]);
    c = out[5];
    h = out[6];
  }
  tf.dispose([h, c]);
  return { ms: performance.now() - t0, h: hs };
}

type TfRun = (w: TfWeights, X: Float32Array, I: number, H: number, T: number) => { ms: number; h: Float32Array };

/**
 * The recurrence of a whole-sequence run: per step, z_t (the four gates' pre-activations) from `preact`,
 * then the gates; no readback until the end.
 */
function wholeLoop(t0: number, H: number, T: number, preact: (t: number, h: tf.Tensor2D) => tf.Tensor2D) {
  let h = tf.zeros([1, H]) as tf.Tensor2D;
  let c = tf.zeros([1, H]) as tf.Tensor2D;
  const hs: tf.Tensor2D[] = [];
  for (let t = 0; t < T; t++) {
    const [c2, h2] = tf.tidy(() => tfGates(preact(t, h), c).slice(4));
    c.dispose();
    hs.push(h2);
    c = c2;
    h = h2;
  }
  return finishWhole(t0, hs, c);
}

/** Whole sequence, formulation F: the same fused step as runTfStep, no readback until the end. */
const runTfWholeFused: TfRun = (w, X, I, H, T) =>
  wholeLoop(performance.now(), H, T, (t, h) => {
    const x = tf.tensor2d(X.subarray(t * I, (t + 1) * I), [1, I]);
    return tf.add(tf.matMul(tf.concat([x, h], 1), w.K), w.b) as tf.Tensor2D;
  });

/**
 * Whole sequence, formulation P: every input projection X · W_ihᵀ + b in one matMul first, then per step only
 * h · W_hhᵀ. The projections are read back once and fed in row by row: tf.slice of a [T, 4H] tensor costs
 * milliseconds per call on the wasm backend, and tf.unstack is as slow.
 */
const runTfWholeProjected: TfRun = (w, X, I, H, T) => {
  const t0 = performance.now();
  const XPt = tf.tidy(() => tf.add(tf.matMul(tf.tensor2d(X, [T, I]), w.Kx), w.b));
  const XP = XPt.dataSync() as Float32Array;
  XPt.dispose();
  return wholeLoop(t0, H, T, (t, h) =>
    tf.add(tf.tensor2d(XP.subarray(t * 4 * H, (t + 1) * 4 * H), [1, 4 * H]), tf.matMul(h, w.Kh)) as tf.Tensor2D);
};

/** The one readback of a whole-sequence run: every h_t (T × H) and c_T. */
function finishWhole(t0: number, hs: tf.Tensor2D[], c: tf.Tensor2D): { ms: number; h: Float32Array } {
  const all = tf.concat(hs, 0);
  const values = all.dataSync() as Float32Array;
  c.dataSync();
  const ms = performance.now() - t0;
  tf.dispose([all, c, ...hs]);
  return { ms, h: values };
}

const TF_WHOLE: Record<'F' | 'P', TfRun> = { F: runTfWholeFused, P: runTfWholeProjected };

// ─── The run ──────────────────────────────────────────────────────────────────────────────────────

interface ImplResult { ms: number; minMs: number; gflops: number; samples: number[]; maxAbsDh: number }
interface CaseResult {
  I: number; H: number; T: number; mode: Mode; flops: number;
  engine: ImplResult; engineScalar: ImplResult; tfjsCpu: ImplResult; tfjsWasm: ImplResult;
  engineSetupMs: number;
  /** Whole mode: the TF.js formulation used per backend (F fused step, P projections first). */
  tfjsWholeFormulation: Record<'cpu' | 'wasm', 'F' | 'P'> | null;
  /** Speed-ups: TF.js time / engine time. */
  engineVsTfjsCpu: number; engineVsTfjsWasm: number; engineScalarVsTfjsCpu: number; engineScalarVsTfjsWasm: number;
  /** Whether the scalar fallback gave bit-identical h to the SIMD kernel. */
  scalarIdentical: boolean;
  target: { what: string; met: boolean } | null;
}

async function switchBackend(name: 'cpu' | 'wasm'): Promise<void> {
  if (tf.getBackend() !== name) {
    if (!(await tf.setBackend(name))) throw new Error(`TF.js backend ${name} failed to initialise`);
    await tf.ready();
  }
}

function targetFor(H: number, mode: Mode, vsCpu: number, vsWasm: number): CaseResult['target'] {
  if (mode === 'step' && H <= 64) return { what: 'step by step ≥ 10× TF.js-CPU (H ≤ 64)', met: vsCpu >= 10 };
  if (mode === 'whole' && (H === 256 || H === 512)) return { what: 'whole sequence ≥ 1.0× TF.js-wasm (H = 256, 512)', met: vsWasm >= 1 };
  return null;
}

async function main(): Promise<void> {
  const started = performance.now();
  setWasmPaths(path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + path.sep);
  await switchBackend('wasm');
  const wasmSimd = Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'));
  const wasmThreads = Boolean(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'));
  const wasmThreadCount = getThreadsCount();
  await switchBackend('cpu');

  const cpus = os.cpus();
  const machine = {
    cpu: cpus[0]?.model ?? 'unknown', cores: cpus.length, node: process.version, platform: `${process.platform} ${process.arch}`,
    loadavg: os.loadavg().map((x) => Number(x.toFixed(2))),
  };
  console.log(`Gatescope engine vs TensorFlow.js ${tf.version.tfjs} — LSTM forward pass, full trace`);
  console.log(`machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node} (${machine.platform}), load ${machine.loadavg.join(' ')}`);
  console.log(`engine kernel: ${kernelKind()} (engineScalar = the same engine forced onto its scalar fallback)`);
  console.log(`tfjs-wasm: SIMD ${wasmSimd ? 'yes' : 'no'}, threads ${wasmThreads ? `yes (${wasmThreadCount})` : 'no (TF.js disables them in Node)'}`);
  console.log(`engine step:  ${DESCRIBE.engineStep}`);
  console.log(`engine whole: ${DESCRIBE.engineWhole}`);
  console.log(`tfjs step:    ${DESCRIBE.tfjsStep}`);
  console.log(`tfjs whole:   ${DESCRIBE.tfjsWhole}`);
  console.log(`timing: 1 warm-up + ${ROUNDS} rounds, implementations interleaved; medians; runner set-up and TF.js weight upload excluded`);
  console.log('');

  const results: CaseResult[] = [];
  for (const [I, H, T] of SHAPES) {
    const model = initModel(lstmConfig(I, H), 1);
    const rng = createRng(2);
    const X = new Float32Array(T * I);
    for (let k = 0; k < X.length; k++) X[k] = rng.uniform(-1, 1);
    const weights: Partial<Record<'cpu' | 'wasm', TfWeights>> = {};
    for (const b of ['cpu', 'wasm'] as const) {
      await switchBackend(b);
      weights[b] = tfWeights(model);
    }
    const flops = 2 * 4 * H * (I + H) * T;
    for (const mode of ['step', 'whole'] as const) {
      const samples: Record<ImplName, number[]> = { engine: [], engineScalar: [], tfjsCpu: [], tfjsWasm: [] };
      const hOut: Partial<Record<ImplName, Float32Array>> = {};
      const setup: number[] = [];
      // Which TF.js whole-sequence formulation each backend uses for this shape (picked in the warm-up).
      const formulation: Record<'cpu' | 'wasm', 'F' | 'P'> = { cpu: 'F', wasm: 'F' };
      for (let round = 0; round <= ROUNDS; round++) {
        for (let k = 0; k < IMPLS.length; k++) {
          const impl = IMPLS[(k + round) % IMPLS.length];
          const backend = BACKEND[impl];
          let r: { ms: number; h: Float32Array };
          if (backend === null) {
            const e = runEngine(model, X, T, mode, impl === 'engineScalar');
            if (impl === 'engine' && round > 0) setup.push(e.setupMs);
            r = e;
          } else {
            await switchBackend(backend);
            const w = weights[backend] as TfWeights;
            if (mode === 'step') {
              r = runTfStep(w, X, I, H, T);
            } else if (round === 0) {
              // Warm-up: run both formulations twice each and keep the faster.
              const tries = (['F', 'P', 'F', 'P'] as const).map((f) => ({ f, ...TF_WHOLE[f](w, X, I, H, T) }));
              const best = tries.reduce((a, b) => (b.ms < a.ms ? b : a));
              formulation[backend] = best.f;
              r = best;
            } else {
              r = TF_WHOLE[formulation[backend]](w, X, I, H, T);
            }
          }
          if (round === 0) hOut[impl] = r.h; // the warm-up's outputs are the ones compared
          else samples[impl].push(r.ms);
        }
      }
      const ref = hOut.engine as Float32Array;
      const impl = (name: ImplName): ImplResult => {
        const ms = median(samples[name]);
        return {
          ms, minMs: Math.min(...samples[name]), gflops: flops / ms / 1e6, samples: samples[name].map((x) => Number(x.toFixed(3))),
          maxAbsDh: maxAbsDiff(ref, hOut[name] as Float32Array),
        };
      };
      const res = { engine: impl('engine'), engineScalar: impl('engineScalar'), tfjsCpu: impl('tfjsCpu'), tfjsWasm: impl('tfjsWasm') };
      const vsCpu = res.tfjsCpu.ms / res.engine.ms;
      const vsWasm = res.tfjsWasm.ms / res.engine.ms;
      const c: CaseResult = {
        I, H, T, mode, flops, ...res, engineSetupMs: median(setup),
        tfjsWholeFormulation: mode === 'whole' ? { ...formulation } : null,
        engineVsTfjsCpu: vsCpu, engineVsTfjsWasm: vsWasm,
        engineScalarVsTfjsCpu: res.tfjsCpu.ms / res.engineScalar.ms, engineScalarVsTfjsWasm: res.tfjsWasm.ms / res.engineScalar.ms,
        scalarIdentical: res.engineScalar.maxAbsDh === 0,
        target: targetFor(H, mode, vsCpu, vsWasm),
      };
      results.push(c);
      printRow(c, results.length === 1);
    }
    weights.cpu?.dispose();
    weights.wasm?.dispose();
  }

  console.log('');
  console.log('×cpu, ×wasm: how many times faster the engine is (TF.js median / engine median); F/P: the TF.js whole-sequence ' +
    'formulation used. max|Δh|: largest difference of any h_t from the engine\'s (both sum in float32, in different orders). ' +
    '"scalar": the engine on its pure-JavaScript fallback kernel.');
  const targets = results.filter((r) => r.target);
  for (const r of targets) {
    const t = r.target as { what: string; met: boolean };
    const [ratio, best] = r.mode === 'step'
      ? [r.engineVsTfjsCpu, r.tfjsCpu.minMs / r.engine.minMs]
      : [r.engineVsTfjsWasm, r.tfjsWasm.minMs / r.engine.minMs];
    console.log(`target ${t.met ? 'met   ' : 'MISSED'} ${t.what}: (${r.I}, ${r.H}, ${r.T}) ${r.mode} ${ratio.toFixed(2)}× (best runs: ${best.toFixed(2)}×)`);
  }
  const allMet = targets.every((r) => r.target?.met);
  const totalS = (performance.now() - started) / 1000;
  console.log(`all targets ${allMet ? 'met' : 'NOT met'}; bench took ${totalS.toFixed(1)} s`);

  const json = {
    date: new Date().toISOString(),
    machine,
    engine: { kernel: kernelKind() },
    tfjs: { version: tf.version.tfjs, wasm: { simd: wasmSimd, threads: wasmThreads, threadCount: wasmThreadCount } },
    method: { ...DESCRIBE, rounds: ROUNDS, statistic: 'median', flops: '2·G·H·(I+H)·T, G = 4', excluded: 'runner set-up (validation, weight copy) and TF.js weight upload' },
    results,
    targetsMet: allMet,
    seconds: Number(totalS.toFixed(1)),
  };
  const file = path.join(here, 'results.json');
  writeFileSync(file, JSON.stringify(json, null, 2) + '\n');
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}

function printRow(c: CaseResult, header: boolean): void {
  const pad = (s: string, n: number) => s.padStart(n);
  const cell = (r: ImplResult, f: string) => `${pad(r.ms.toFixed(1), 8)} ${pad(r.gflops.toFixed(2), 6)} ${f}`;
  const form = c.tfjsWholeFormulation ?? { cpu: ' ', wasm: ' ' };
  if (header) {
    console.log(
      `${'I, H, T'.padEnd(15)} ${'mode'.padEnd(5)} │ ${pad('engine ms', 9)} ${pad('GF/s', 6)} │ ${pad('tfjs-cpu', 8)} ${pad('GF/s', 6)}   │ ` +
      `${pad('tfjs-wasm', 8)} ${pad('GF/s', 6)}   │ ${pad('×cpu', 6)} ${pad('×wasm', 6)} │ ${pad('scalar ms', 9)} ${pad('×cpu', 6)} ${pad('×wasm', 6)} │ ` +
      `max|Δh| cpu, wasm │ target`,
    );
  }
  const tgt = c.target ? (c.target.met ? 'met' : 'MISSED') : '';
  console.log(
    `${`${c.I}, ${c.H}, ${c.T}`.padEnd(15)} ${c.mode.padEnd(5)} │ ${pad(c.engine.ms.toFixed(1), 9)} ${pad(c.engine.gflops.toFixed(2), 6)} │ ` +
    `${cell(c.tfjsCpu, form.cpu)} │ ${cell(c.tfjsWasm, form.wasm)} │ ${pad(c.engineVsTfjsCpu.toFixed(1), 6)} ${pad(c.engineVsTfjsWasm.toFixed(2), 6)} │ ` +
    `${pad(c.engineScalar.ms.toFixed(1), 9)} ${pad(c.engineScalarVsTfjsCpu.toFixed(1), 6)} ${pad(c.engineScalarVsTfjsWasm.toFixed(2), 6)} │ ` +
    `${c.tfjsCpu.maxAbsDh.toExponential(1)}, ${c.tfjsWasm.maxAbsDh.toExponential(1)}${c.scalarIdentical ? '' : ' (scalar ≠ simd!)'} │ ${tgt}`,
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
