/**
 * Running a model over a sequence, a chunk of timesteps at a time. The runner owns each layer's state,
 * so the worker can stream chunks as they are computed and the Node tools can simply run to the end.
 */
import { gruLayer } from './cells/gru';
import type { LayerOutputs, LayerStepper } from './cells/layer';
import { lstmLayer } from './cells/lstm';
import { rnnLayer } from './cells/rnn';
import { createMatVec } from './kernels';
import { softmaxInto } from './math';
import { validateInput, validateModel } from './model';
import { Trace, traceLayout, type TraceChunk, type TraceInitial, type TraceLayout } from './trace';
import { sequenceLength, type InitialState, type InputSequence, type Model } from './types';

export interface Runner {
  /** What every chunk holds. */
  readonly layout: TraceLayout;
  /** h0 and c0 as used (zeros where none were given). */
  readonly initial: TraceInitial;
  /** Timesteps computed so far. */
  readonly position: number;
  /** True once the whole sequence has been computed. */
  readonly done: boolean;
  /** Computes up to maxSteps more timesteps and returns them in a fresh buffer (safe to transfer). */
  next(maxSteps: number): TraceChunk;
}

function makeLayer(model: Model, l: number, h0: Float32Array, c0: Float32Array): LayerStepper {
  const H = model.hiddenSize;
  const p = model.layers[l];
  const inputs = l === 0 ? model.inputSize : H;
  switch (model.cell) {
    case 'lstm': return lstmLayer(p, H, inputs, h0, c0);
    case 'gru': return gruLayer(p, H, inputs, h0, model.gruReset);
    case 'rnn_tanh': return rnnLayer(p, H, inputs, h0, false);
    case 'rnn_relu': return rnnLayer(p, H, inputs, h0, true);
  }
}

/** Writes x_t for timesteps [t0, t0 + steps) into x (steps × inputSize). */
function encodeInput(model: Model, seq: InputSequence, t0: number, steps: number, x: Float32Array): void {
  const I = model.inputSize;
  if (seq.kind === 'dense') {
    x.set(seq.values.subarray(t0 * I, (t0 + steps) * I));
    return;
  }
  for (let s = 0; s < steps; s++) {
    const id = seq.tokens[t0 + s];
    if (model.input.kind === 'embedding') x.set(model.input.weight.subarray(id * I, (id + 1) * I), s * I);
    else x[s * I + id] = 1;
  }
}

/** Validates the model and the sequence (throwing ModelError with a clear message) and prepares a run. */
export function createRunner(model: Model, seq: InputSequence, init: InitialState = {}): Runner {
  validateModel(model);
  validateInput(model, seq, init);
  const L = model.layers.length;
  const H = model.hiddenSize;
  const T = sequenceLength(seq);
  const layout = traceLayout(model, T);
  const initial: TraceInitial = {
    h0: init.h0 ? Float32Array.from(init.h0) : new Float32Array(L * H),
    c0: model.cell === 'lstm' ? (init.c0 ? Float32Array.from(init.c0) : new Float32Array(L * H)) : null,
  };
  const layers = model.layers.map((_, l) =>
    makeLayer(model, l, initial.h0.subarray(l * H, (l + 1) * H),
      initial.c0 ? initial.c0.subarray(l * H, (l + 1) * H) : new Float32Array(H)));
  // Where each layer's series sit in the chunk's buffer list, and the record that hands them to the layer:
  // one per layer, refilled for every chunk (the layer takes its arrays out of it as soon as it runs).
  const layerKeys = Array.from({ length: L }, (_, l) =>
    layout.series.flatMap((s, k) => (s.layer === l ? [[s.name, k] as const] : [])));
  const layerOutputs = layerKeys.map((): LayerOutputs => ({}));
  // The readout's product, prepared once like the layers' (its vector is the top layer's h_t).
  const readout = model.readout ? createMatVec(model.readout.weight, model.readout.size, H, model.readout.bias) : null;
  // Each series' share of a chunk's buffer, per timestep.
  const widths = layout.series.map((s) => s.width);
  const floatsPerStep = widths.reduce((a, b) => a + b, 0);
  let position = 0;

  function next(maxSteps: number): TraceChunk {
    const steps = Math.max(0, Math.min(Math.floor(maxSteps), T - position));
    // One fresh buffer for the chunk (the worker transfers it, the trace keeps it), each series a view
    // into it: one allocation instead of one per series, which a step-by-step stream pays on every step.
    const buffer = new ArrayBuffer(steps * floatsPerStep * 4);
    const data: Float32Array[] = [];
    let offset = 0;
    for (const w of widths) {
      data.push(new Float32Array(buffer, offset * 4, steps * w));
      offset += steps * w;
    }
    encodeInput(model, seq, position, steps, data[0]);
    let input: Float32Array = data[0];
    for (let l = 0; l < L; l++) {
      const out = layerOutputs[l];
      for (const [name, k] of layerKeys[l]) out[name] = data[k];
      layers[l].run(input, 0, steps, out);
      input = out.h;
    }
    if (readout) {
      const V = readout.rows;
      const logits = data[data.length - 2];
      const probs = data[data.length - 1];
      const { v, out } = readout;
      for (let s = 0; s < steps; s++) {
        for (let j = 0; j < H; j++) v[j] = input[s * H + j];
        readout.apply();
        for (let k = 0; k < V; k++) logits[s * V + k] = out[k];
        softmaxInto(logits, s * V, probs, s * V, V);
      }
    }
    const chunk = { t0: position, steps, data };
    position += steps;
    return chunk;
  }

  return {
    layout,
    initial,
    get position() { return position; },
    get done() { return position >= T; },
    next,
  };
}

/** Runs the whole sequence and returns the complete trace (for Node: tests, the command line, benchmarks). */
export function runAll(model: Model, seq: InputSequence, init: InitialState = {}, chunkSteps = 4096): Trace {
  const runner = createRunner(model, seq, init);
  const trace = new Trace(runner.layout, runner.initial);
  while (!runner.done) trace.append(runner.next(chunkSteps));
  return trace;
}
