import { describe, expect, it } from 'vitest';
import { ModelError } from '../engine/model';
import { runSpecOf, DEFAULT_CONFIG, type Config } from '../state/config';
import { checkRunSpec, skippedNote } from './spec';
import { characterName } from '../engine/codePoints';
import { initModel } from '../engine/init';
import { traceBytes, traceLayout } from '../engine/trace';

const spec = (patch: Partial<Config> = {}) => runSpecOf({ ...DEFAULT_CONFIG, ...patch });

describe('checkRunSpec', () => {
  it('passes what the engine can run, up to the budget itself', () => {
    expect(() => checkRunSpec(spec())).not.toThrow();
    expect(() => checkRunSpec(spec({ hiddenSize: 512, seqLen: 1000, numLayers: 4 }))).not.toThrow();
    expect(() => checkRunSpec(spec({ inputKind: 'text', text: 'é a' }))).not.toThrow();
  });

  it('refuses, with what is wrong and what would do, a trace over the budget, bad sizes and a text with nothing known', () => {
    const refusal = (s: ReturnType<typeof spec>) => {
      try {
        checkRunSpec(s);
      } catch (err) {
        expect(err).toBeInstanceOf(ModelError);
        return (err as Error).message;
      }
      return null;
    };
    expect(refusal({ ...spec({ hiddenSize: 512, seqLen: 100_000 }), maxTraceBytes: 1e9 })).toMatch(/keep 2\.6\d GB of values .*the limit is 1\.00 GB\./);
    expect(refusal(spec({ hiddenSize: 0 }))).toMatch(/hidden size H must be a whole number/);
    expect(refusal(spec({ seqLen: 0 }))).toMatch(/sequence length T must be a whole number from 1 to/);
    expect(refusal(spec({ seqLen: 2.5 }))).toMatch(/sequence length T must be a whole number from 1 to/);
    expect(refusal(spec({ inputKind: 'text', text: 'ÉÉ☃' }))).toBe('the text has no characters the model knows; type some letters');
  });
});

describe('a trace over the budget', () => {
  const refused = (patch: Parameters<typeof spec>[0], maxTraceBytes = 1e9) => {
    try {
      checkRunSpec({ ...spec(patch), maxTraceBytes });
      return null;
    } catch (err) {
      return (err as Error).message;
    }
  };
  it('is refused with the largest H for its T and the longest T for its H, each the most that fits', () => {
    for (const patch of [{ hiddenSize: 512, seqLen: 100_000 }, { cell: 'gru' as const, hiddenSize: 300, numLayers: 3, seqLen: 50_000 }]) {
      const message = refused(patch)!;
      const [, maxH, maxT] = /H can be at most ([\d,]+); with H = [\d,]+, T can be at most ([\d,]+)/.exec(message)!.map((x) => Number(x?.replace(/,/g, '')));
      expect(refused({ ...patch, hiddenSize: maxH }), message).toBeNull();
      expect(refused({ ...patch, hiddenSize: maxH + 1 })).not.toBeNull();
      expect(refused({ ...patch, seqLen: maxT }), message).toBeNull();
      expect(refused({ ...patch, seqLen: maxT + 1 })).not.toBeNull();
    }
  });
  it('counts exactly the bytes the engine then allocates for the run', () => {
    const configs: Array<Partial<Config>> = [
      {},
      { cell: 'gru', gruReset: 'before', hiddenSize: 33, numLayers: 3, seqLen: 700, classes: 0 },
      { cell: 'gru', hiddenSize: 17, seqLen: 90 },
      { cell: 'rnn_relu', hiddenSize: 5, numLayers: 4, inputSize: 9, seqLen: 1234, classes: 7 },
      // A text model: x_t is one-hot over the vocabulary, not inputSize wide.
      { inputKind: 'text', text: 'the cat sat on the mat', hiddenSize: 6, inputSize: 2 },
    ];
    for (const patch of configs) {
      const s = spec(patch);
      const T = patch.text?.length ?? patch.seqLen ?? DEFAULT_CONFIG.seqLen;
      const allocated = traceBytes(traceLayout(initModel(s.model, s.seed), T));
      expect(refused(patch, allocated), JSON.stringify(patch)).toBeNull();
      expect(refused(patch, allocated - 1), JSON.stringify(patch)).not.toBeNull();
    }
  });
  it("counts a text model's x_t as wide as its vocabulary, as the engine makes it, whatever inputSize says", () => {
    const s = spec({ inputKind: 'text', text: 'the cat sat', hiddenSize: 6 });
    const odd = { ...s, model: { ...s.model, inputSize: 2 } };
    const allocated = traceBytes(traceLayout(initModel(odd.model, odd.seed), 11));
    expect(() => checkRunSpec({ ...odd, maxTraceBytes: allocated })).not.toThrow();
    expect(() => checkRunSpec({ ...odd, maxTraceBytes: allocated - 1 })).toThrow(ModelError);
  });
  it('says so in words a user knows: steps, units, layers', () => {
    expect(refused({ hiddenSize: 500, numLayers: 2, seqLen: 100_000 })).toMatch(
      /^this run would keep \d\.\d\d GB of values \(T = 100,000 steps × H = 500 units × 2 layers × 13 values per unit, one for each part the diagram draws\); the limit is 1\.00 GB\. With T = 100,000, H can be at most [\d,]+; with H = 500, T can be at most [\d,]+$/);
  });
  it('names only the T that would fit when no H would', () => {
    // 100,000 steps of the 64 inputs alone take 25.6 MB.
    expect(refused({ hiddenSize: 512, seqLen: 100_000, inputSize: 64 }, 20e6)).toMatch(/20\.0 MB\. With H = 512, T can be at most [\d,]+$/);
  });
});

describe('the note of skipped characters', () => {
  it('quotes a character that shows, and names by code point one that doesn\'t', () => {
    expect(characterName('é')).toBe('"é"');
    expect(characterName('"')).toBe('"\\""');
    expect(characterName('\u202e')).toBe('U+202E'); // right-to-left override: would turn the note around
    expect(characterName('\u200b')).toBe('U+200B'); // zero-width space
    expect(characterName('\t')).toBe('U+0009');
    expect(characterName('\u00a0')).toBe('U+00A0');
    expect(characterName('\ud800')).toBe('U+D800'); // a lone surrogate
    expect(characterName('😀')).toBe('"😀"');
  });

  it('lists 20 and counts the rest', () => {
    const many = Array.from({ length: 1500 }, (_, k) => String.fromCodePoint(0x4e00 + k));
    const note = skippedNote(many);
    expect(note).toMatch(/^Skipped characters outside the vocabulary: \u2068"一"\u2069 \u2068"丁"\u2069 .* and 1480 more$/);
    expect(note.match(/"/g)).toHaveLength(40);
    expect(skippedNote(['é', '\u202e'])).toBe('Skipped characters outside the vocabulary: \u2068"é"\u2069 \u2068U+202E\u2069');
  });

  it('isolates each name, so that right-to-left letters keep their order', () => {
    // Each in its own isolate (FSI … PDI); the note as a whole stays left to right, in the text's order.
    expect(skippedNote(['ש', 'ל', 'ו', 'م'])).toBe('Skipped characters outside the vocabulary: \u2068"ש"\u2069 \u2068"ל"\u2069 \u2068"ו"\u2069 \u2068"م"\u2069');
  });
});
