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
  cell: CellKind;
  gruReset: GruReset;
  numLayers: number;
  hiddenSize: number;
  inputSize: number;
  /** V, or 0 when the model has no readout. */
  readoutSize: number;
  /** T, the sequence length. */
  steps: number;
  /** Every series, in the order of a chunk's buffers. */
  series: SeriesSpec[];
}

export function traceLayout(model: Model, steps: number): TraceLayout {
  const H = model.hiddenSize;
  const series: SeriesSpec[] = [{ key: 'x', layer: -1, name: 'x', width: model.inputSize, kind: 'real' }];
  for (let l = 0; l < model.layers.length; l++) {
    for (const [name, kind] of layerSeries(model.cell, model.gruReset)) {
      series.push({ key: `l${l}.${name}`, layer: l, name, width: H, kind });
    }
  }
  if (model.readout) {
    series.push({ key: 'logits', layer: -1, name: 'logits', width: model.readout.size, kind: 'real' });
    series.push({ key: 'probs', layer: -1, name: 'probs', width: model.readout.size, kind: 'prob' });
  }
  return {
    cell: model.cell,
    gruReset: model.gruReset,
    numLayers: model.layers.length,
    hiddenSize: H,
    inputSize: model.inputSize,
    readoutSize: model.readout ? model.readout.size : 0,
    steps,
    series,
  };
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

/** A run of consecutive timesteps: one buffer per series, in layout order, each steps × width. */
export interface TraceChunk {
  /** First timestep of the chunk. */
  t0: number;
  /** Number of timesteps. */
  steps: number;
  /** One buffer per series of the layout. */
  data: Float32Array[];
}

/** States before the first timestep, numLayers × H each. */
export interface TraceInitial {
  h0: Float32Array;
  /** null unless the cell is an LSTM. */
  c0: Float32Array | null;
}

/** A whole trace being filled chunk by chunk; buffers are allocated once, at full length. */
export class Trace {
  /** One buffer per series, steps × width. */
  readonly data: Float32Array[];
  /** How many timesteps have arrived. */
  filled = 0;

  constructor(
    readonly layout: TraceLayout,
    readonly initial: TraceInitial,
  ) {
    this.data = layout.series.map((s) => new Float32Array(layout.steps * s.width));
  }

  append(chunk: TraceChunk): void {
    if (chunk.t0 !== this.filled) throw new Error(`trace chunk starts at ${chunk.t0}, expected ${this.filled}`);
    chunk.data.forEach((buf, k) => this.data[k].set(buf, chunk.t0 * this.layout.series[k].width));
    this.filled += chunk.steps;
  }

  /** Index of a series; throws for an unknown key, which is a programming error. */
  index(key: string): number {
    const k = findSeries(this.layout, key);
    if (k < 0) throw new Error(`no series '${key}' in a ${this.layout.cell} trace`);
    return k;
  }

  /** The values of series k at timestep t (a view, not a copy). */
  row(k: number, t: number): Float32Array {
    const w = this.layout.series[k].width;
    return this.data[k].subarray(t * w, (t + 1) * w);
  }

  /** One value: series `key`, timestep t, unit j. */
  at(key: string, t: number, j: number): number {
    const k = this.index(key);
    return this.data[k][t * this.layout.series[k].width + j];
  }

  /** h_{t−1} or c_{t−1} of a layer: the previous step's state, or the initial state at t = 0. */
  previous(layer: number, state: 'h' | 'c', t: number): Float32Array {
    const H = this.layout.hiddenSize;
    if (t > 0) return this.row(this.index(`l${layer}.${state}`), t - 1);
    const init = state === 'h' ? this.initial.h0 : this.initial.c0;
    if (!init) throw new Error(`a ${this.layout.cell} has no ${state}0`);
    return init.subarray(layer * H, (layer + 1) * H);
  }

  /** The input x_t of a layer: the sequence's x_t for layer 0, the h_t of the layer below otherwise. */
  layerInput(layer: number, t: number): Float32Array {
    return this.row(this.index(layer === 0 ? 'x' : `l${layer - 1}.h`), t);
  }
}
