/**
 * The model and input the user has chosen: small, serializable, mirrored in the URL.
 * Changing it starts a new run in the worker (see app/engineBridge.ts).
 */
import { create } from './store';
import type { ModelConfig } from '../engine/init';
import { VOCAB, type SignalKind } from '../engine/inputs';
import type { CellKind, GruReset } from '../engine/types';
import type { RunSpec } from '../worker/protocol';
import { LIMITS } from '../engine/limits';

export interface Config {
  /** The recurrent cell. */
  cell: CellKind;
  /** GRU: where the reset gate acts. */
  gruReset: GruReset;
  /** 'signal': real-valued input; 'text': characters, one-hot, with a next-character readout. */
  inputKind: 'signal' | 'text';
  /** Which synthetic signal feeds a real-valued model. */
  signal: SignalKind;
  /** I, the width of x_t for signals (text input is one-hot over the vocabulary). */
  inputSize: number;
  /** H. */
  hiddenSize: number;
  /** Stacked layers. */
  numLayers: number;
  /** T for signals (text input runs over the text). */
  seqLen: number;
  /** Seed of the weights and the signal. */
  seed: number;
  /** The text a text model reads. */
  text: string;
  /** Added to the LSTM forget-gate bias. */
  forgetBias: number;
  /** Classes of the softmax readout for signal input; 0 for none. */
  classes: number;
  /** For text input: random weights from the seed, or the trained example model of the cell (public/presets). */
  weights: 'random' | 'trained';
}

export const DEFAULT_CONFIG: Config = {
  cell: 'lstm',
  gruReset: 'after',
  inputKind: 'signal',
  signal: 'sine',
  inputSize: 3,
  hiddenSize: 8,
  numLayers: 1,
  seqLen: 60,
  seed: 1,
  text: 'the cat sat on the mat.',
  forgetBias: 0,
  classes: 4,
  weights: 'random',
};

/** The sizes of the trained example models (scripts/train_presets.py): one layer of 16 units, PyTorch's GRU. */
export const TRAINED = { hiddenSize: 16, numLayers: 1, gruReset: 'after', forgetBias: 0 } as const;

/** Whether a config asks for the trained example model (trained weights apply to text input only). */
export const isTrained = (c: Config): boolean => c.inputKind === 'text' && c.weights === 'trained';

/**
 * The model a config asks for, as the page runs it: with trained weights, the trained model's sizes and
 * settings stand in for the user's own, which are kept for when they switch back to random weights.
 */
export function modelOf(c: Config): Config {
  return isTrained(c) ? { ...c, ...TRAINED } : c;
}

/** What the page lets a user pick (the engine's own LIMITS are wider). */
export const CONFIG_BOUNDS = {
  inputSize: [1, 64],
  hiddenSize: [1, 512],
  numLayers: [1, 4],
  seqLen: [1, 100_000],
  seed: [0, 2 ** 31 - 1],
  forgetBias: [-5, 5],
  classes: [0, 64],
  textLength: 2000,
} as const;

interface ConfigStore extends Config {
  set(patch: Partial<Config>): void;
}

export const useConfig = create<ConfigStore>()((set) => ({
  ...DEFAULT_CONFIG,
  set: (patch) => set(patch),
}));

/** The page's memory budget for one trace (checked by the worker before allocating). */
export const MAX_TRACE_BYTES = LIMITS.traceBytes;

export function runSpecOf(config: Config): RunSpec {
  const c = modelOf(config);
  const text = c.inputKind === 'text';
  const model: ModelConfig = {
    cell: c.cell,
    gruReset: c.gruReset,
    inputSize: text ? VOCAB.length : c.inputSize,
    hiddenSize: c.hiddenSize,
    numLayers: c.numLayers,
    bias: true,
    input: text ? 'onehot' : 'dense',
    vocab: text ? VOCAB.length : 0,
    readoutSize: text ? VOCAB.length : c.classes,
    forgetBias: c.cell === 'lstm' ? c.forgetBias : 0,
  };
  return {
    model,
    seed: c.seed,
    input: text ? { kind: 'text', text: c.text } : { kind: 'signal', signal: c.signal, steps: c.seqLen },
    maxTraceBytes: MAX_TRACE_BYTES,
    ...(isTrained(c) ? { weights: 'trained' as const } : {}),
  };
}
