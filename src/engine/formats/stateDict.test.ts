import { describe, expect, it } from 'vitest';
import { LIMITS } from '../limits';
import { ModelError } from '../model';
import { createRng, type Rng } from '../rng';
import { parseJson, type JsonValue } from './json';
import { modelFromStateDict, type StateDictOptions } from './stateDict';
import { TensorError } from './tensor';

type SD = Record<string, JsonValue>;
const GATES = { lstm: 4, gru: 3, rnn: 1 } as const;
type Kind = keyof typeof GATES;

const matrix = (rng: Rng, rows: number, cols: number): number[][] =>
  Array.from({ length: rows }, () => Array.from({ length: cols }, () => Math.fround(rng.uniform(-1, 1))));
const vector = (rng: Rng, n: number): number[] => Array.from({ length: n }, () => Math.fround(rng.uniform(-1, 1)));

/** A state_dict laid out as nn.LSTM / nn.GRU / nn.RNN lays it out. */
function stateDict(rng: Rng, kind: Kind, L: number, I: number, H: number, bias = true, prefix = ''): SD {
  const G = GATES[kind];
  const sd: SD = {};
  for (let l = 0; l < L; l++) {
    sd[`${prefix}weight_ih_l${l}`] = matrix(rng, G * H, l === 0 ? I : H);
    sd[`${prefix}weight_hh_l${l}`] = matrix(rng, G * H, H);
    if (bias) {
      sd[`${prefix}bias_ih_l${l}`] = vector(rng, G * H);
      sd[`${prefix}bias_hh_l${l}`] = vector(rng, G * H);
    }
  }
  return sd;
}

const f32 = (v: JsonValue): Float32Array => Float32Array.from((v as number[][]).flat() as number[]);

/** Runs the loader, expecting it to refuse with a ModelError or TensorError whose message has every part. */
function refuses(sd: JsonValue, parts: Array<string | RegExp>, opts: StateDictOptions = {}): void {
  let error: unknown;
  try {
    modelFromStateDict(sd, opts);
  } catch (e) {
    error = e;
  }
  expect(error, `accepted; expected ${parts.join(' … ')}`).toBeDefined();
  expect(error instanceof ModelError || error instanceof TensorError, String(error)).toBe(true);
  const message = (error as Error).message;
  for (const part of parts) {
    if (typeof part === 'string') expect(message).toContain(part);
    else expect(message).toMatch(part);
  }
}

describe('modelFromStateDict infers the network from the shapes', () => {
  it('for 200 random LSTMs, GRUs and RNNs: cell, layers, sizes, weights and biases', () => {
    const rng = createRng(31);
    const kinds: Kind[] = ['lstm', 'gru', 'rnn'];
    for (let k = 0; k < 200; k++) {
      const kind = kinds[k % 3];
      const [L, I, H] = [1 + rng.int(3), 1 + rng.int(6), 1 + rng.int(6)];
      const bias = rng.next() < 0.7;
      const prefix = ['', 'rnn.', 'model.encoder.'][rng.int(3)];
      const sd = stateDict(rng, kind, L, I, H, bias, prefix);
      const extra: SD = rng.next() < 0.5 ? { 'fc.weight': matrix(rng, 2, H), 'fc.bias': vector(rng, 2), 'step': 7 } : {};
      // Keys in a random order, and sometimes through the JSON reader (null-prototype objects).
      const entries = Object.entries({ ...sd, ...extra }).sort(() => rng.next() - 0.5);
      const json: JsonValue = rng.next() < 0.5 ? Object.fromEntries(entries) : parseJson(JSON.stringify(Object.fromEntries(entries)));
      const relu = kind === 'rnn' && rng.next() < 0.5;
      const before = kind === 'gru' && rng.next() < 0.5;
      const opts: StateDictOptions = { nonlinearity: relu ? 'relu' : undefined, gruReset: before ? 'before' : undefined };
      const { model, ignored } = modelFromStateDict(json, opts);
      const what = `${kind} L=${L} I=${I} H=${H} bias=${bias} prefix=${prefix}`;
      expect(model.cell, what).toBe(kind === 'rnn' ? (relu ? 'rnn_relu' : 'rnn_tanh') : kind);
      expect(model.gruReset, what).toBe(before ? 'before' : 'after');
      expect([model.layers.length, model.inputSize, model.hiddenSize], what).toEqual([L, I, H]);
      expect(model.input).toEqual({ kind: 'dense' });
      expect(model.readout).toBeNull();
      // Weights from a file may be trained: the page must not call them random.
      expect(model.origin).toEqual({ kind: 'loaded' });
      expect(ignored.sort(), what).toEqual(Object.keys(extra).sort());
      model.layers.forEach((p, l) => {
        expect(p.weightIh, `${what} weight_ih_l${l}`).toEqual(f32(sd[`${prefix}weight_ih_l${l}`]));
        expect(p.weightHh, `${what} weight_hh_l${l}`).toEqual(f32(sd[`${prefix}weight_hh_l${l}`]));
        expect(p.biasIh, what).toEqual(bias ? f32(sd[`${prefix}bias_ih_l${l}`]) : null);
        expect(p.biasHh, what).toEqual(bias ? f32(sd[`${prefix}bias_hh_l${l}`]) : null);
      });
    }
  });

  it('takes the sizes at their limits', () => {
    const rng = createRng(32);
    expect(modelFromStateDict(stateDict(rng, 'rnn', LIMITS.layers, 2, 1)).model.layers).toHaveLength(LIMITS.layers);
    expect(modelFromStateDict(stateDict(rng, 'rnn', 1, LIMITS.inputSize, 1)).model.inputSize).toBe(LIMITS.inputSize);
  });

  it('reports a prefix\'s neighbours as ignored, and tensors of another RNN too', () => {
    const rng = createRng(33);
    const sd = { ...stateDict(rng, 'gru', 1, 2, 3, true, 'rnn.'), 'embed.weight': matrix(rng, 5, 2), 'other.weight_ih_l0': matrix(rng, 3, 2) };
    const { model, ignored } = modelFromStateDict(sd);
    expect(model.cell).toBe('gru');
    expect(ignored).toEqual(['embed.weight', 'other.weight_ih_l0']);
  });
});

describe('modelFromStateDict refuses what it cannot run, naming the tensor, its shape and the shape expected', () => {
  const rng = createRng(41);
  const lstm = (L = 1, prefix = ''): SD => stateDict(rng, 'lstm', L, 3, 4, true, prefix); // weight_ih [16, 3], weight_hh [16, 4]

  it('something other than an object of tensors', () => {
    for (const v of [[], null, 3, 'weights'] as JsonValue[]) refuses(v, ['the state_dict must be a JSON object']);
  });

  it('a missing tensor', () => {
    const sd = lstm();
    delete sd.weight_ih_l0;
    refuses(sd, ['weight_ih_l0 is missing', 'keys found: "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"']);
    refuses({}, ['weight_ih_l0 is missing', 'keys found: none']);
    // Each with the shape it should have had (H = 4, an LSTM's 16 rows), and for a bias why it is expected.
    const expected: Record<string, string> = {
      weight_hh_l0: 'expected shape [G·H, H]: 4·H rows for an LSTM',
      bias_ih_l0: 'expected shape [16], since bias_hh_l0 is present',
      bias_hh_l0: 'expected shape [16], since bias_ih_l0 is present',
      weight_hh_l1: 'expected shape [16, 4], like weight_hh_l0',
      bias_hh_l1: 'expected shape [16], since bias_ih_l0 is present: with biases (PyTorch\'s bias=True) every layer has bias_ih and bias_hh',
    };
    for (const [name, shape] of Object.entries(expected)) {
      const two = lstm(2);
      delete two[name];
      refuses(two, [`${name} is missing; ${shape}`]);
    }
    const prefixed = lstm(1, 'rnn.');
    delete prefixed['rnn.weight_hh_l0'];
    refuses(prefixed, ['rnn.weight_hh_l0 is missing; expected shape [G·H, H]']);
  });

  it('bias_ih without bias_hh, either way round, in any layer', () => {
    for (const [drop, missing] of [[['bias_hh_l0'], 'bias_hh_l0'], [['bias_ih_l0'], 'bias_ih_l0'], [['bias_ih_l1'], 'bias_ih_l1'],
      [['bias_ih_l0', 'bias_hh_l0'], 'bias_ih_l0'], [['bias_ih_l1', 'bias_hh_l1'], 'bias_ih_l1']] as const) {
      const sd = lstm(2);
      for (const name of drop) delete sd[name];
      refuses(sd, [`${missing} is missing`]);
    }
  });

  it('wrong shapes', () => {
    const cases: Array<[string, JsonValue, Array<string | RegExp>]> = [
      ['weight_ih_l0', matrix(rng, 15, 3), ['weight_ih_l0 has shape [15, 3]', 'expected [16, input_size]', 'weight_hh_l0 [16, 4]']],
      ['weight_ih_l0', vector(rng, 16), ['weight_ih_l0 has shape [16]', 'expected [16, input_size]']],
      ['weight_ih_l0', Array.from({ length: 16 }, () => []), ['weight_ih_l0 has shape [16, 0]', 'expected [16, input_size]']],
      ['weight_hh_l0', matrix(rng, 10, 4), ['weight_hh_l0 has shape [10, 4]', 'expected [G·H, H] with G = 4 (LSTM), 3 (GRU) or 1 (RNN)']],
      ['weight_hh_l0', matrix(rng, 8, 4), ['weight_hh_l0 has shape [8, 4]', 'G = 4 (LSTM), 3 (GRU) or 1 (RNN)']],
      ['weight_hh_l0', vector(rng, 16), ['weight_hh_l0 has shape [16]', 'expected [G·H, H]']],
      ['weight_hh_l0', [matrix(rng, 16, 4)], ['weight_hh_l0 has shape [1, 16, 4]', 'expected [G·H, H]']],
      ['weight_hh_l0', [], ['weight_hh_l0 has shape [0]', 'expected [G·H, H]']],
      ['weight_hh_l0', [[]], ['weight_hh_l0 has shape [1, 0]', 'expected [G·H, H]']],
      ['bias_ih_l0', vector(rng, 12), ['bias_ih_l0 has shape [12]', 'expected [16]']],
      ['bias_hh_l0', matrix(rng, 16, 1), ['bias_hh_l0 has shape [16, 1]', 'expected [16]']],
      ['weight_ih_l1', matrix(rng, 16, 3), ['weight_ih_l1 has shape [16, 3]', 'expected [16, 4]']],
      ['weight_hh_l1', matrix(rng, 12, 3), ['weight_hh_l1 has shape [12, 3]', 'expected [16, 4]']],
      ['bias_hh_l1', vector(rng, 17), ['bias_hh_l1 has shape [17]', 'expected [16]']],
    ];
    for (const [name, value, parts] of cases) {
      const sd = lstm(2);
      sd[name] = value;
      refuses(sd, parts);
      const prefixed = lstm(2, 'rnn.');
      prefixed[`rnn.${name}`] = value;
      refuses(prefixed, parts.map((p) => (typeof p === 'string' && p.startsWith(name) ? `rnn.${p}` : p)));
    }
  });

  it('ragged, non-numeric and non-finite values, with their place', () => {
    const cases: Array<[string, (sd: SD) => void, string]> = [
      ['ragged', (sd) => (sd.weight_hh_l0 as number[][])[5].pop(), 'weight_hh_l0[5] has 3 entries; expected 4 entries'],
      ['NaN', (sd) => { (sd.weight_ih_l0 as number[][])[2][1] = NaN; }, 'weight_ih_l0[2][1] is NaN'],
      ['Infinity', (sd) => { (sd.bias_hh_l0 as number[])[7] = Infinity; }, 'bias_hh_l0[7] is Infinity'],
      ['null', (sd) => { (sd.weight_hh_l0 as unknown[][])[0][0] = null; }, 'weight_hh_l0[0][0] is null'],
      ['string', (sd) => { (sd.bias_ih_l0 as unknown[])[3] = '0.5'; }, 'bias_ih_l0[3] is the string "0.5"'],
      ['beyond float32', (sd) => { (sd.weight_ih_l0 as number[][])[0][2] = -1e40; }, 'weight_ih_l0[0][2] is -1e+40, beyond the float32 range'],
    ];
    for (const [, edit, message] of cases) {
      const sd = lstm();
      edit(sd);
      refuses(sd, [message]);
    }
  });

  it('a bidirectional network, naming the _reverse tensor found', () => {
    const sd = lstm(2);
    sd.weight_ih_l0_reverse = sd.weight_ih_l0;
    refuses(sd, ['weight_ih_l0_reverse is present', 'bidirectional']);
    const one = lstm(2, 'rnn.');
    one['rnn.bias_hh_l1_reverse'] = one['rnn.bias_hh_l1'];
    refuses(one, ['rnn.bias_hh_l1_reverse is present', 'bidirectional']);
  });

  it('an LSTM with projections (proj_size > 0)', () => {
    const sd = lstm(2);
    sd.weight_hr_l1 = matrix(rng, 2, 4);
    refuses(sd, ['weight_hr_l1 is present', 'proj_size']);
  });

  it('gaps in the layer numbering', () => {
    const sd = lstm(3);
    for (const name of ['weight_ih_l1', 'weight_hh_l1', 'bias_ih_l1', 'bias_hh_l1']) delete sd[name];
    refuses(sd, [/_l2 is present but weight_ih_l1 is missing/, 'numbered 0…0 without gaps']);
    const partial = lstm(2);
    delete partial.weight_ih_l1;
    refuses(partial, [/(weight_hh|bias_ih|bias_hh)_l1 is present but weight_ih_l1 is missing/]);
  });

  it('--gru-reset for a non-GRU and --nonlinearity for a non-RNN', () => {
    refuses(lstm(), ['--gru-reset is for a GRU, and this state_dict is an LSTM'], { gruReset: 'before' });
    refuses(stateDict(rng, 'rnn', 1, 2, 2), ['--gru-reset is for a GRU, and this state_dict is an RNN'], { gruReset: 'after' });
    refuses(lstm(), ['--nonlinearity is for an RNN, and this state_dict is an LSTM'], { nonlinearity: 'tanh' });
    refuses(stateDict(rng, 'gru', 1, 2, 2), ['--nonlinearity is for an RNN, and this state_dict is a GRU'], { nonlinearity: 'relu' });
  });

  it('sizes beyond the limits', () => {
    refuses(stateDict(rng, 'rnn', LIMITS.layers + 1, 1, 1), [`the state_dict has ${LIMITS.layers + 1} layers; the most supported is ${LIMITS.layers}`]);
    refuses(stateDict(rng, 'rnn', 1, LIMITS.inputSize + 1, 1), [`the input size is ${LIMITS.inputSize + 1}; the largest supported is ${LIMITS.inputSize}`]);
    const H = LIMITS.hiddenSize + 1;
    const row = new Array<number>(H).fill(0);
    refuses({ weight_ih_l0: new Array<JsonValue>(H).fill([0]), weight_hh_l0: new Array<JsonValue>(H).fill(row) }, [`the hidden size H is ${H}; the largest supported is ${LIMITS.hiddenSize}`]);
  });
});
