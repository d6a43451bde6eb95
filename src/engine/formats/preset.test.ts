import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { initModel } from '../init';
import { encodeText, VOCAB } from '../inputs';
import { testConfig } from '../testing/config';
import { ModelError } from '../model';
import { runAll } from '../run';
import { CELL_KINDS, type CellKind, type Model } from '../types';
import { parseJson, type JsonValue } from './json';
import { presetFromJson } from './preset';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const file = (cell: CellKind): Record<string, JsonValue> => parseJson(readFileSync(join(root, 'public/presets', `${cell}.json`), 'utf8')) as Record<string, JsonValue>;
const expected = JSON.parse(readFileSync(join(root, 'fixtures/presets/expected.json'), 'utf8')) as {
  text: string;
  models: Record<CellKind, { h: number[][]; probs: number[][] }>;
};

function maxDiff(a: ArrayLike<number>, b: readonly number[]): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let k = 0; k < b.length; k++) m = Math.max(m, Math.abs(a[k] - b[k]));
  return m;
}

describe('the trained example models', () => {
  for (const cell of CELL_KINDS) {
    it(`${cell}: the engine gives PyTorch's h_t and next-character probabilities on the page's default text`, () => {
      const model = presetFromJson(file(cell), cell);
      expect(model.cell).toBe(cell);
      expect(model.origin).toMatchObject({ kind: 'trained', about: 'trained on short sentences' });
      const trace = runAll(model, { kind: 'tokens', tokens: encodeText(expected.text).tokens });
      const { h, probs } = expected.models[cell];
      expect(trace.layout.steps).toBe(h.length);
      for (let t = 0; t < h.length; t++) {
        expect(maxDiff(trace.row(trace.index('l0.h'), t), h[t])).toBeLessThan(1e-5);
        expect(maxDiff(trace.row(trace.index('probs'), t), probs[t])).toBeLessThan(1e-5);
      }
    });
  }

  it('are trained: after "the c" an LSTM expects "a" (cat) far above chance, where random weights are near 1/46', () => {
    const model = presetFromJson(file('lstm'), 'lstm');
    const trace = runAll(model, { kind: 'tokens', tokens: encodeText('the c').tokens });
    const p = trace.row(trace.index('probs'), 4);
    expect(p[encodeText('a').tokens[0]]).toBeGreaterThan(0.3);
  });

  it('open and close their gates fully, where random weights of the same sizes keep them mid-way', () => {
    const seq = { kind: 'tokens' as const, tokens: encodeText(expected.text).tokens };
    const gateRange = (model: Model, gate: string) => {
      const trace = runAll(model, seq);
      const v = trace.series(trace.index(`l0.${gate}`));
      return [Math.min(...v), Math.max(...v)];
    };
    const trained = presetFromJson(file('lstm'), 'lstm');
    const random = initModel({ ...testConfig({}), cell: 'lstm', input: 'onehot', vocab: VOCAB.length, inputSize: VOCAB.length, hiddenSize: 16, readoutSize: VOCAB.length }, 1);
    for (const gate of ['f', 'i', 'o']) {
      const [lo, hi] = gateRange(trained, gate);
      expect(lo, gate).toBeLessThan(0.05);
      expect(hi, gate).toBeGreaterThan(0.95);
      const [rlo, rhi] = gateRange(random, gate);
      expect(rlo, gate).toBeGreaterThan(0.2);
      expect(rhi, gate).toBeLessThan(0.8);
    }
  });

  it('refuses a file that is not what the page asked for, saying what is wrong', () => {
    const lstm = file('lstm');
    const refuses = (json: JsonValue, cell: CellKind, message: RegExp) => {
      expect(() => presetFromJson(json, cell)).toThrow(ModelError);
      expect(() => presetFromJson(json, cell)).toThrow(message);
    };
    refuses(lstm, 'gru', /holds "lstm"; expected a GRU/);
    refuses([1, 2], 'lstm', /not a JSON object/);
    refuses({ ...lstm, format: 'x' }, 'lstm', /format is "x"; expected "gatescope-preset\/1"/);
    refuses({ ...lstm, vocab: 'abc' }, 'lstm', /another vocabulary/);
    const sd = lstm.state_dict as Record<string, JsonValue>;
    refuses({ ...lstm, state_dict: { ...sd, 'readout.bias': [1, 2] } }, 'lstm', /readout.bias has shape \[2\]; expected \[46\]/);
    refuses({ ...lstm, state_dict: { ...sd, 'readout.weight': undefined as unknown as JsonValue } }, 'lstm', /readout.weight is missing/);
    refuses({ ...lstm, about: 'x'.repeat(100) }, 'lstm', /"about" must be a string of at most 60/);
  });
});
