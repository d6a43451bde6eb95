/**
 * A PyTorch state_dict, as JSON ({name: nested arrays}, what json.dump({k: v.tolist()}) writes), read into
 * a Model. The cell, the sizes and the number of layers are inferred from the tensor shapes, the way
 * nn.LSTM / nn.GRU / nn.RNN lay them out; anything that doesn't fit is named with its shape and the shape
 * expected.
 */
import { LIMITS } from '../limits';
import { ModelError, validateModel } from '../model';
import { CELL_NAMES, type CellKind, type GruReset, type LayerParams, type Model } from '../types';
import type { JsonValue } from './json';
import { expectShape, shapeText, toTensor, type Tensor } from './tensor';

export interface StateDictOptions {
  /** For a GRU: where the reset gate acts (default 'after', PyTorch's). */
  gruReset?: GruReset;
  /** For an RNN: its nonlinearity (default 'tanh'); a state_dict cannot tell. */
  nonlinearity?: 'tanh' | 'relu';
}

export interface LoadedStateDict {
  /** The model the tensors describe. */
  model: Model;
  /** Keys that were not used, e.g. a classifier head stored beside the RNN. */
  ignored: string[];
}

/** The cell a state_dict holds, by the gate blocks stacked in its weights (an RNN's nonlinearity aside). */
const CELL_BY_GATES: Record<number, CellKind> = { 4: 'lstm', 3: 'gru', 1: 'rnn_tanh' };

/** A key of the file as a message lists it: quoted, and cut to 60 characters (a key can be any length). */
export const tensorName = (key: string): string => JSON.stringify(key.length > 60 ? `${key.slice(0, 60)}…` : key);

export function modelFromStateDict(json: JsonValue, opts: StateDictOptions = {}): LoadedStateDict {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new ModelError('the state_dict must be a JSON object of {tensor name: nested arrays}');
  }
  const dict = json;
  const keys = Object.keys(dict);
  const first = keys.find((k) => /(^|\.)weight_ih_l0$/.test(k));
  if (first === undefined) {
    const shown = keys.slice(0, 6).map(tensorName).join(', ') + (keys.length > 6 ? `, and ${keys.length - 6} more` : '') || 'none';
    throw new ModelError(`weight_ih_l0 is missing: no tensor named weight_ih_l0 (keys found: ${shown})`);
  }
  // A whole model's state_dict prefixes the RNN's tensors with its attribute name ("rnn.weight_ih_l0").
  const prefix = first.slice(0, first.length - 'weight_ih_l0'.length);
  // Every message names tensors with it: a module path is a few words, not a page.
  if (prefix.length > 200) throw new ModelError(`the tensor ${tensorName(first)} has a prefix of ${prefix.length} characters; expected a module path such as "rnn."`);
  const own = keys.filter((k) => k.startsWith(prefix) && /^(weight|bias)_(ih|hh|hr)_l\d+(_reverse)?$/.test(k.slice(prefix.length)));
  const reverse = own.find((k) => k.endsWith('_reverse'));
  if (reverse) {
    throw new ModelError(`${reverse} is present: bidirectional networks are not supported; export one direction`);
  }
  const projection = own.find((k) => k.includes('_hr_'));
  if (projection) {
    throw new ModelError(`${projection} is present: LSTM projections (proj_size > 0) are not supported`);
  }
  /** A tensor of the file; a missing one is named with the shape it should have had, and why. */
  const get = (name: string, expected: string): Tensor => {
    if (dict[prefix + name] === undefined) throw new ModelError(`${prefix}${name} is missing; expected ${expected}`);
    return toTensor(prefix + name, dict[prefix + name], LIMITS.params);
  };

  const whh0 = get('weight_hh_l0', 'shape [G·H, H]: 4·H rows for an LSTM, 3·H for a GRU, H for an RNN');
  if (whh0.shape.length !== 2) {
    throw new ModelError(`${prefix}weight_hh_l0 has shape ${shapeText(whh0.shape)}; expected [G·H, H]`);
  }
  const H = whh0.shape[1];
  const G = whh0.shape[0] / H;
  if (!(G in CELL_BY_GATES)) {
    throw new ModelError(`${prefix}weight_hh_l0 has shape ${shapeText(whh0.shape)}; expected [G·H, H] with G = 4 (LSTM), 3 (GRU) or 1 (RNN)`);
  }
  if (H > LIMITS.hiddenSize) throw new ModelError(`the hidden size H is ${H}; the largest supported is ${LIMITS.hiddenSize}`);
  const cell: CellKind = G === 4 ? 'lstm' : G === 3 ? 'gru' : opts.nonlinearity === 'relu' ? 'rnn_relu' : 'rnn_tanh';
  if (opts.gruReset && cell !== 'gru') throw new ModelError(`--gru-reset is for a GRU, and this state_dict is ${CELL_NAMES[CELL_BY_GATES[G]].a}`);
  if (opts.nonlinearity && G !== 1) throw new ModelError(`--nonlinearity is for an RNN, and this state_dict is ${CELL_NAMES[CELL_BY_GATES[G]].a}`);

  let L = 0;
  while (prefix + `weight_ih_l${L}` in dict) L++;
  if (L > LIMITS.layers) throw new ModelError(`the state_dict has ${L} layers; the most supported is ${LIMITS.layers}`);
  const stray = own.find((k) => Number(/_l(\d+)$/.exec(k)?.[1]) >= L);
  if (stray) throw new ModelError(`${stray} is present but weight_ih_l${L} is missing; layers must be numbered 0…${L - 1} without gaps`);
  // Biases in any layer mean biases in every layer (PyTorch's bias=True), so none is silently dropped.
  const someBias = own.find((k) => k.startsWith(prefix + 'bias_'));
  const hasBias = someBias !== undefined;
  const biasShape = `shape [${G * H}], since ${someBias} is present: with biases (PyTorch's bias=True) every layer has bias_ih and bias_hh`;

  const wih0 = get('weight_ih_l0', `shape [${G * H}, input_size]`);
  if (wih0.shape.length !== 2 || wih0.shape[0] !== G * H || wih0.shape[1] === 0) {
    throw new ModelError(`${prefix}weight_ih_l0 has shape ${shapeText(wih0.shape)}; expected [${G * H}, input_size] (G·H rows, from weight_hh_l0 ${shapeText(whh0.shape)})`);
  }
  const I = wih0.shape[1];
  if (I > LIMITS.inputSize) throw new ModelError(`the input size is ${I}; the largest supported is ${LIMITS.inputSize}`);

  const layers: LayerParams[] = [];
  for (let l = 0; l < L; l++) {
    const inSize = l === 0 ? I : H;
    const wih = l === 0 ? wih0 : get(`weight_ih_l${l}`, `shape [${G * H}, ${H}]`);
    const whh = l === 0 ? whh0 : get(`weight_hh_l${l}`, `shape [${G * H}, ${H}], like weight_hh_l0`);
    expectShape(prefix + `weight_ih_l${l}`, wih, [G * H, inSize]);
    expectShape(prefix + `weight_hh_l${l}`, whh, [G * H, H]);
    let biasIh: Float32Array | null = null;
    let biasHh: Float32Array | null = null;
    if (hasBias) {
      const bih = get(`bias_ih_l${l}`, biasShape);
      const bhh = get(`bias_hh_l${l}`, biasShape);
      expectShape(prefix + `bias_ih_l${l}`, bih, [G * H]);
      expectShape(prefix + `bias_hh_l${l}`, bhh, [G * H]);
      biasIh = bih.data;
      biasHh = bhh.data;
    }
    layers.push({ weightIh: wih.data, weightHh: whh.data, biasIh, biasHh });
  }
  const model: Model = {
    cell,
    gruReset: opts.gruReset ?? 'after',
    inputSize: I,
    hiddenSize: H,
    layers,
    input: { kind: 'dense' },
    readout: null,
    origin: { kind: 'loaded' },
  };
  validateModel(model);
  const used = new Set(own);
  return { model, ignored: keys.filter((k) => !used.has(k)) };
}
