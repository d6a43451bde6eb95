/**
 * Seeded model construction with PyTorch's default initialisation: every recurrent weight and bias from
 * U(−1/√H, 1/√H), embeddings from N(0, 1), the readout like nn.Linear (U(−1/√H, 1/√H)).
 * The same config and seed give the same model everywhere.
 */
import { createRng, type Rng } from './rng';
import { checkSize, ModelError, validateModel } from './model';
import { LIMITS } from './limits';
import { gateCount, type CellKind, type GruReset, type Model } from './types';

/** Everything needed to build a fresh model. */
export interface ModelConfig {
  /** The recurrent cell. */
  cell: CellKind;
  /** GRU only: where the reset gate acts. */
  gruReset: GruReset;
  /** Length of x_t for dense input; the embedding width for embedded tokens. */
  inputSize: number;
  /** H. */
  hiddenSize: number;
  /** How many stacked layers. */
  numLayers: number;
  /** Whether the layers have b_ih and b_hh. */
  bias: boolean;
  /** 'dense': real vectors in; 'onehot': token ids, x_t one-hot over `vocab`; 'embedding': token ids through a table. */
  input: 'dense' | 'onehot' | 'embedding';
  /** Vocabulary size for token input (ignored for dense). */
  vocab: number;
  /** Classes of the softmax readout; 0 for none. */
  readoutSize: number;
  /** Added to the forget-gate bias of an LSTM (Jozefowicz et al. 2015 suggest 1); 0 is PyTorch's default. */
  forgetBias: number;
}

function uniform(rng: Rng, n: number, k: number): Float32Array {
  const a = new Float32Array(n);
  rng.fillUniform(a, -k, k);
  return a;
}

/** Checks a config's sizes before anything is allocated for it. */
export function validateConfig(cfg: ModelConfig): void {
  checkSize('the number of layers', cfg.numLayers, LIMITS.layers);
  checkSize('the hidden size H', cfg.hiddenSize, LIMITS.hiddenSize);
  if (cfg.input === 'dense' || cfg.input === 'embedding') checkSize('the input size', cfg.inputSize, LIMITS.inputSize);
  if (cfg.input !== 'dense') checkSize('the vocabulary', cfg.vocab, LIMITS.vocab);
  if (cfg.readoutSize !== 0) checkSize('the readout size', cfg.readoutSize, LIMITS.vocab);
  if (!Number.isFinite(cfg.forgetBias)) throw new ModelError(`the forget bias must be a finite number, got ${cfg.forgetBias}`);
  const H = cfg.hiddenSize;
  const I = cfg.input === 'onehot' ? cfg.vocab : cfg.inputSize;
  const G = gateCount(cfg.cell);
  const params = G * H * (I + H + 2) + (cfg.numLayers - 1) * G * H * (2 * H + 2) +
    (cfg.input === 'embedding' ? cfg.vocab * I : 0) + cfg.readoutSize * (H + 1);
  if (params > LIMITS.params) throw new ModelError(`that model would have ${params} parameters; the largest supported is ${LIMITS.params}`);
}

export function initModel(cfg: ModelConfig, seed: number): Model {
  validateConfig(cfg);
  const rng = createRng(seed);
  const H = cfg.hiddenSize;
  const G = gateCount(cfg.cell);
  const k = 1 / Math.sqrt(H);
  const inputSize = cfg.input === 'onehot' ? cfg.vocab : cfg.inputSize;
  const layers = Array.from({ length: cfg.numLayers }, (_, l) => {
    const inSize = l === 0 ? inputSize : H;
    const layer = {
      weightIh: uniform(rng, G * H * inSize, k),
      weightHh: uniform(rng, G * H * H, k),
      biasIh: cfg.bias ? uniform(rng, G * H, k) : null,
      biasHh: cfg.bias ? uniform(rng, G * H, k) : null,
    };
    if (cfg.cell === 'lstm' && layer.biasIh && cfg.forgetBias !== 0) {
      for (let j = H; j < 2 * H; j++) layer.biasIh[j] += cfg.forgetBias;
    }
    return layer;
  });
  let input: Model['input'] = { kind: 'dense' };
  if (cfg.input === 'onehot') input = { kind: 'onehot' };
  if (cfg.input === 'embedding') {
    const weight = new Float32Array(cfg.vocab * inputSize);
    for (let i = 0; i < weight.length; i++) weight[i] = rng.normal();
    input = { kind: 'embedding', vocab: cfg.vocab, weight };
  }
  const readout = cfg.readoutSize > 0
    ? { size: cfg.readoutSize, weight: uniform(rng, cfg.readoutSize * H, k), bias: uniform(rng, cfg.readoutSize, k) }
    : null;
  const model: Model = { cell: cfg.cell, gruReset: cfg.gruReset, inputSize, hiddenSize: H, layers, input, readout, origin: { kind: 'seeded', seed } };
  validateModel(model);
  return model;
}
