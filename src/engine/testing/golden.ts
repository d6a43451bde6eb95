/**
 * Loads the golden traces from PyTorch (../shared/fixtures/golden, or $GATESCOPE_GOLDEN) for the tests.
 * They are read at test time and never copied into the repository.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseJson } from '../formats/json';
import { modelFromStateDict } from '../formats/stateDict';
import { toTensor } from '../formats/tensor';
import type { InitialState, InputSequence, Model } from '../types';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export const GOLDEN_DIR = process.env.GATESCOPE_GOLDEN ?? resolve(repoRoot, '../shared/fixtures/golden');

/** Our own generated fixtures (variants PyTorch has no module for), committed with their script. */
export const LOCAL_FIXTURES_DIR = join(repoRoot, 'fixtures');

export interface Golden {
  name: string;
  cell: 'lstm' | 'gru' | 'rnn_tanh' | 'rnn_relu';
  input_size: number;
  hidden_size: number;
  num_layers: number;
  seq_len: number;
  bias: boolean;
  gru_reset?: 'after' | 'before';
  state_dict: Record<string, unknown>;
  x: number[][];
  tokens?: number[];
  embedding?: number[][];
  h0: number[][];
  c0?: number[][];
  layers: Record<string, number[][]>[];
  output: number[][];
  h_n: number[][];
  c_n?: number[][];
  readout?: { weight: number[][]; bias: number[]; probs: number[][] };
}

export function goldenFiles(dir: string): string[] {
  if (!existsSync(dir)) {
    throw new Error(`golden fixtures not found at ${dir}; set GATESCOPE_GOLDEN to the folder that holds them`);
  }
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => join(dir, f));
}

export function readGolden(file: string): Golden {
  return parseJson(readFileSync(file, 'utf8')) as unknown as Golden;
}

const flat = (name: string, v: unknown): Float32Array => toTensor(name, v as never, 1e8).data;

/** The golden case as the engine's model, sequence and initial state. */
export function goldenCase(g: Golden): { model: Model; seq: InputSequence; init: InitialState } {
  const { model } = modelFromStateDict(g.state_dict as never, {
    gruReset: g.cell === 'gru' ? g.gru_reset : undefined,
    nonlinearity: g.cell === 'rnn_relu' ? 'relu' : g.cell === 'rnn_tanh' ? 'tanh' : undefined,
  });
  if (g.readout) {
    model.readout = { size: g.readout.bias.length, weight: flat('readout.weight', g.readout.weight), bias: flat('readout.bias', g.readout.bias) };
  }
  let seq: InputSequence;
  if (g.tokens && g.embedding) {
    model.input = { kind: 'embedding', vocab: g.embedding.length, weight: flat('embedding', g.embedding) };
    seq = { kind: 'tokens', tokens: Int32Array.from(g.tokens) };
  } else {
    seq = { kind: 'dense', steps: g.seq_len, values: flat('x', g.x) };
  }
  const init: InitialState = { h0: flat('h0', g.h0) };
  if (g.c0) init.c0 = flat('c0', g.c0);
  return { model, seq, init };
}

/** Largest |a − b| over two equally shaped nested arrays / flat buffers. */
export function maxAbsDiff(expected: number[][] | number[], actual: ArrayLike<number>): number {
  const e = (expected as number[]).flat() as number[];
  if (e.length !== actual.length) throw new Error(`length ${actual.length}, expected ${e.length}`);
  let m = 0;
  for (let k = 0; k < e.length; k++) m = Math.max(m, Math.abs(e[k] - actual[k]));
  return m;
}
