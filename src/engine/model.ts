/**
 * Checks that a model is whole and sane before anything runs or allocates: every tensor has the shape
 * its neighbours imply, every size is within LIMITS, every value is finite. The messages name the
 * tensor in PyTorch's terms, its shape and the shape expected.
 */
import { LIMITS } from './limits';
import { gateCount, type InitialState, type InputSequence, type Model } from './types';

/** A problem with the user's model or data (as opposed to a bug): shown to the user as it is. */
export class ModelError extends Error {
  override name = 'ModelError';
}

export function checkSize(what: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 1) throw new ModelError(`${what} must be a whole number ≥ 1, got ${value}`);
  if (value > max) throw new ModelError(`${what} is ${value}; the largest supported is ${max}`);
}

function checkLength(name: string, arr: Float32Array | null, expected: number, shape: string): void {
  if (arr === null) return;
  if (arr.length !== expected) {
    throw new ModelError(`${name} has ${arr.length} values; expected shape ${shape} (${expected} values)`);
  }
}

/** Index of the first value that is NaN or ±Infinity, or -1. */
export function firstNonFinite(arr: ArrayLike<number>): number {
  for (let k = 0; k < arr.length; k++) if (!Number.isFinite(arr[k])) return k;
  return -1;
}

function checkFinite(name: string, arr: Float32Array | null, cols: number): void {
  if (arr === null) return;
  const k = firstNonFinite(arr);
  if (k >= 0) {
    const where = cols > 0 ? `[${Math.floor(k / cols)}][${k % cols}]` : `[${k}]`;
    throw new ModelError(`${name}${where} is ${arr[k]}; every parameter must be a finite number`);
  }
}

export function validateModel(m: Model): void {
  const L = m.layers.length;
  checkSize('the number of layers', L, LIMITS.layers);
  checkSize('the hidden size H', m.hiddenSize, LIMITS.hiddenSize);
  checkSize('the input size', m.inputSize, LIMITS.inputSize);
  const H = m.hiddenSize;
  const G = gateCount(m.cell);
  let params = 0;
  m.layers.forEach((p, k) => {
    const inSize = k === 0 ? m.inputSize : H;
    checkLength(`weight_ih_l${k}`, p.weightIh, G * H * inSize, `[${G * H}, ${inSize}]`);
    checkLength(`weight_hh_l${k}`, p.weightHh, G * H * H, `[${G * H}, ${H}]`);
    checkLength(`bias_ih_l${k}`, p.biasIh, G * H, `[${G * H}]`);
    checkLength(`bias_hh_l${k}`, p.biasHh, G * H, `[${G * H}]`);
    if ((p.biasIh === null) !== (p.biasHh === null)) {
      throw new ModelError(`layer ${k} has ${p.biasIh ? 'bias_ih' : 'bias_hh'}_l${k} but not the other; PyTorch has both or neither`);
    }
    params += p.weightIh.length + p.weightHh.length + 2 * G * H;
  });
  if (m.input.kind === 'embedding') {
    checkSize('the vocabulary', m.input.vocab, LIMITS.vocab);
    checkLength('the embedding weight', m.input.weight, m.input.vocab * m.inputSize, `[${m.input.vocab}, ${m.inputSize}]`);
    params += m.input.weight.length;
  }
  if (m.input.kind === 'onehot') checkSize('the one-hot vocabulary (input size)', m.inputSize, LIMITS.vocab);
  if (m.readout) {
    checkSize('the readout size', m.readout.size, LIMITS.vocab);
    checkLength('the readout weight', m.readout.weight, m.readout.size * H, `[${m.readout.size}, ${H}]`);
    checkLength('the readout bias', m.readout.bias, m.readout.size, `[${m.readout.size}]`);
    params += m.readout.weight.length;
  }
  if (params > LIMITS.params) throw new ModelError(`the model has ${params} parameters; the largest supported is ${LIMITS.params}`);
  m.layers.forEach((p, k) => {
    const inSize = k === 0 ? m.inputSize : H;
    checkFinite(`weight_ih_l${k}`, p.weightIh, inSize);
    checkFinite(`weight_hh_l${k}`, p.weightHh, H);
    checkFinite(`bias_ih_l${k}`, p.biasIh, 0);
    checkFinite(`bias_hh_l${k}`, p.biasHh, 0);
  });
  if (m.input.kind === 'embedding') checkFinite('the embedding weight', m.input.weight, m.inputSize);
  if (m.readout) {
    checkFinite('the readout weight', m.readout.weight, H);
    checkFinite('the readout bias', m.readout.bias, 0);
  }
}

/** Checks a sequence (length, shape, finite values, token range) against the model it is for. */
export function validateInput(m: Model, seq: InputSequence, init: InitialState = {}): void {
  if (seq.kind === 'dense') {
    if (m.input.kind !== 'dense') throw new ModelError(`this model reads token ids (${m.input.kind}), not real vectors`);
    checkSize('the sequence length T', seq.steps, LIMITS.steps);
    checkLength('the input x', seq.values, seq.steps * m.inputSize, `[${seq.steps}, ${m.inputSize}]`);
    checkFinite('x', seq.values, m.inputSize);
  } else {
    if (m.input.kind === 'dense') throw new ModelError('this model reads real vectors, not token ids');
    checkSize('the sequence length T', seq.tokens.length, LIMITS.steps);
    const vocab = m.input.kind === 'embedding' ? m.input.vocab : m.inputSize;
    for (let t = 0; t < seq.tokens.length; t++) {
      const id = seq.tokens[t];
      if (!(id >= 0 && id < vocab)) throw new ModelError(`token ${t} has id ${id}; ids must be in 0…${vocab - 1}`);
    }
  }
  const L = m.layers.length;
  const H = m.hiddenSize;
  if (init.h0) {
    checkLength('h0', init.h0, L * H, `[${L}, ${H}]`);
    checkFinite('h0', init.h0, H);
  }
  if (init.c0) {
    if (m.cell !== 'lstm') throw new ModelError(`c0 is only for an LSTM; this model is a ${m.cell}`);
    checkLength('c0', init.c0, L * H, `[${L}, ${H}]`);
    checkFinite('c0', init.c0, H);
  }
}
