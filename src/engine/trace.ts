/**
 * The trace: every intermediate value a diagram draws, for every layer and timestep, in flat
 * Float32Arrays (series × T × width, time-major) so that chunks move between threads without copying
 * and a panel can scan 100,000 steps without touching an object per value.
 */
import type { CellKind, GruReset, Model } from './types';

/** How a series' values are bounded, which picks its colour scale. */
export type ValueKind =
  /** σ outputs and 1−z: always in (0, 1). */
  | 'gate'
  /** tanh outputs and products of a gate with one: always in (−1, 1). */
  | 'tanh'
  /** Unbounded: pre-activations, the cell state, sums. */
  | 'real'
  /** Softmax probabilities: in (0, 1), summing to one. */
  | 'prob';

/** One recorded series. */
export interface SeriesSpec {
  /** Unique key: 'x', 'l0.f', 'l1.h', 'logits', 'probs'. */
  key: string;
  /** The layer it belongs to, or -1 for the input and the readout. */
  layer: number;
  /** The series' name within its layer ('f', 'fc', …) or the key itself for input and readout. */
  name: string;
  /** Values per timestep (H for layer series, I for the input, V for the readout). */
  width: number;
  /** What range its values take. */
  kind: ValueKind;
}

/** The per-layer series of each cell, in the order the engine writes them. */
export function layerSeries(cell: CellKind, gruReset: GruReset): ReadonlyArray<readonly [string, ValueKind]> {
  switch (cell) {
    case 'lstm':
      return [
        ['i_pre', 'real'], ['f_pre', 'real'], ['g_pre', 'real'], ['o_pre', 'real'],
        ['i', 'gate'], ['f', 'gate'], ['g', 'tanh'], ['o', 'gate'],
        ['fc', 'real'], ['ig', 'tanh'], ['c', 'real'], ['tanh_c', 'tanh'], ['h', 'tanh'],
      ];
    case 'gru': {
      const reset: ReadonlyArray<readonly [string, ValueKind]> =
        gruReset === 'after' ? [['hn', 'real'], ['rhn', 'real']] : [['rh', 'tanh']];
      return [
        ['r_pre', 'real'], ['z_pre', 'real'], ['n_pre', 'real'],
        ['r', 'gate'], ['z', 'gate'], ...reset, ['n', 'tanh'],
        ['omz', 'gate'], ['zn', 'tanh'], ['zh', 'tanh'], ['h', 'tanh'],
      ];
    }
    case 'rnn_tanh':
      return [['a', 'real'], ['h', 'tanh']];
    case 'rnn_relu':
      return [['a', 'real'], ['h', 'real']];
  }
}

/** What a run records, known before the first step so that buffers can be sized (and refused) up front. */
export interface TraceLayout {
  /** The cell of every layer: which series each layer records. */
  cell: CellKind;
  /** For a GRU, where the reset gate applies, which changes the series it records (r⊙(U·h) or U·(r⊙h)). */
  gruReset: GruReset;
  /** L, the layers of the stack; each records its own series. */
  numLayers: number;
  /** H, the units of every layer: the length of each layer series at one step. */
  hiddenSize: number;
  /** I, the length of x_t at one step. */
  inputSize: number;
  /** V, or 0 when the model has no readout. */
  readoutSize: number;
  /** T, the sequence length. */
  steps: number;
  /** Every series, in the order of a chunk's buffers. */
  series: SeriesSpec[];
}

/** The sizes a layout follows from: a model's, or those a run asks for before its model is built. */
export type TraceShape = Omit<TraceLayout, 'steps' | 'series'>;

/** The key of a layer's series in a trace: 'l0.f', 'l1.h' (layers from 0, as PyTorch's _l0, _l1). */
export const seriesKey = (layer: number, name: string): string => `l${layer}.${name}`;

/** The layout of a run of `steps` steps of a model of this shape. */
export function layoutOf(shape: TraceShape, steps: number): TraceLayout {
  const { hiddenSize: H, readoutSize: V } = shape;
  const series: SeriesSpec[] = [{ key: 'x', layer: -1, name: 'x', width: shape.inputSize, kind: 'real' }];
  for (let l = 0; l < shape.numLayers; l++) {
    for (const [name, kind] of layerSeries(shape.cell, shape.gruReset)) {
      series.push({ key: seriesKey(l, name), layer: l, name, width: H, kind });
    }
  }
  if (V > 0) {
    series.push({ key: 'logits', layer: -1, name: 'logits', width: V, kind: 'real' });
    series.push({ key: 'probs', layer: -1, name: 'probs', width: V, kind: 'prob' });
  }
  return { ...shape, steps, series };
}

export function traceLayout(model: Model, steps: number): TraceLayout {
  const shape: TraceShape = {
    cell: model.cell,
    gruReset: model.gruReset,
    numLayers: model.layers.length,
    hiddenSize: model.hiddenSize,
    inputSize: model.inputSize,
    readoutSize: model.readout ? model.readout.size : 0,
  };
  return layoutOf(shape, steps);
}

/** Bytes the full trace of a layout takes: what a page checks against its budget before allocating. */
export function traceBytes(layout: TraceLayout): number {
  let perStep = 0;
  for (const s of layout.series) perStep += s.width;
  return perStep * layout.steps * 4;
}

/** Index of a series in the layout, or -1. */
export function findSeries(layout: TraceLayout, key: string): number {
  return layout.series.findIndex((s) => s.key === key);
}

/** A run of consecutive timesteps: one view per series (all into one ArrayBuffer), in layout order, each steps × width. */
export interface TraceChunk {
  /** First timestep of the chunk. */
  t0: number;
  /** Number of timesteps. */
  steps: number;
  /** One Float32Array per series of the layout (views into one buffer, transferred as one). */
  data: Float32Array[];
}

/** States before the first timestep, numLayers × H each. */
export interface TraceInitial {
  /** h before the first step, layer after layer. */
  h0: Float32Array;
  /** null unless the cell is an LSTM. */
  c0: Float32Array | null;
}

/**
 * A whole trace, filled chunk by chunk. Chunks are kept as they arrive, not copied into one big buffer:
 * on the page they were transferred from the worker, which already touched their memory, so keeping them
 * costs the main thread nothing (copying 100 MB into fresh memory costs it a page fault per 4 KB).
 */
export class Trace {
  /** How many timesteps have arrived. */
  filled = 0;
  /** Largest |value| of each series so far: the colour domain of unbounded series, kept as chunks arrive. */
  readonly absMax: Float64Array;
  /** The chunks as they arrived, in order of their first step. */
  private readonly chunks: TraceChunk[] = [];
  /** The first step of each chunk, for a binary search from t to its chunk. */
  private readonly starts: number[] = [];
  /** The chunk of the last lookup: playback and heatmaps read neighbouring timesteps. */
  private hint = 0;

  constructor(
    readonly layout: TraceLayout,
    readonly initial: TraceInitial,
  ) {
    this.absMax = new Float64Array(layout.series.length);
  }

  append(chunk: TraceChunk): void {
    if (chunk.t0 !== this.filled) throw new Error(`trace chunk starts at ${chunk.t0}, expected ${this.filled}`);
    if (chunk.steps === 0) return;
    chunk.data.forEach((buf, k) => {
      let m = this.absMax[k];
      for (let i = 0; i < buf.length; i++) {
        const a = Math.abs(buf[i]);
        if (a > m) m = a;
      }
      this.absMax[k] = m;
    });
    this.chunks.push(chunk);
    this.starts.push(chunk.t0);
    this.filled += chunk.steps;
  }

  /** The chunk holding timestep t (which must have arrived). */
  private locate(t: number): TraceChunk {
    const h = this.chunks[this.hint];
    if (h && t >= h.t0 && t < h.t0 + h.steps) return h;
    if (!(t >= 0 && t < this.filled)) throw new RangeError(`timestep ${t} has not arrived (${this.filled} have)`);
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= t) lo = mid;
      else hi = mid - 1;
    }
    this.hint = lo;
    return this.chunks[lo];
  }

  /** Index of a series; throws for an unknown key, which is a programming error. */
  index(key: string): number {
    const k = findSeries(this.layout, key);
    if (k < 0) throw new Error(`no series '${key}' in a ${this.layout.cell} trace`);
    return k;
  }

  /** The values of series k at timestep t (a view, not a copy). */
  row(k: number, t: number): Float32Array {
    const c = this.locate(t);
    const w = this.layout.series[k].width;
    const o = (t - c.t0) * w;
    return c.data[k].subarray(o, o + w);
  }

  /** One value of series k: timestep t, unit j. */
  value(k: number, t: number, j: number): number {
    const c = this.locate(t);
    return c.data[k][(t - c.t0) * this.layout.series[k].width + j];
  }

  /** One value: series `key`, timestep t, unit j. */
  at(key: string, t: number, j: number): number {
    return this.value(this.index(key), t, j);
  }

  /** Calls fn with each arrived run of series k: its values (steps × width), first timestep and length. */
  forEachRun(k: number, fn: (data: Float32Array, t0: number, steps: number) => void): void {
    for (const c of this.chunks) fn(c.data[k], c.t0, c.steps);
  }

  /** Series k over every arrived timestep, as one new buffer (for the command line and tests). */
  series(k: number): Float32Array {
    const w = this.layout.series[k].width;
    const out = new Float32Array(this.filled * w);
    this.forEachRun(k, (data, t0) => out.set(data, t0 * w));
    return out;
  }

  /** h_{t−1} or c_{t−1} of a layer: the previous step's state, or the initial state at t = 0. */
  previous(layer: number, state: 'h' | 'c', t: number): Float32Array {
    const H = this.layout.hiddenSize;
    if (t > 0) return this.row(this.index(seriesKey(layer, state)), t - 1);
    const init = state === 'h' ? this.initial.h0 : this.initial.c0;
    if (!init) throw new Error(`a ${this.layout.cell} has no ${state}0`);
    return init.subarray(layer * H, (layer + 1) * H);
  }

  /** The input x_t of a layer: the sequence's x_t for layer 0, the h_t of the layer below otherwise. */
  layerInput(layer: number, t: number): Float32Array {
    return this.row(this.index(layer === 0 ? 'x' : seriesKey(layer - 1, 'h')), t);
  }
}
