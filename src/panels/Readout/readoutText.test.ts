import { describe, expect, it } from 'vitest';
import { initModel } from '../../engine/init';
import type { Model } from '../../engine/types';
import { rankOf, weightsNote } from './readoutText';

const seeded = initModel({ cell: 'gru', gruReset: 'after', inputSize: 4, hiddenSize: 3, numLayers: 1, bias: true, input: 'dense', vocab: 0, readoutSize: 2, forgetBias: 0 }, 7);

describe('weightsNote', () => {
  it('calls a seeded model random and untrained, naming its seed, for text and for classes', () => {
    expect(seeded.origin).toEqual({ kind: 'seeded', seed: 7 });
    expect(weightsNote(seeded, true)).toBe('The weights are random (seed 7) and untrained, so these next-character guesses carry no meaning, and the gates seldom open or close fully: training is what does that. Weights: trained shows a model that was.');
    expect(weightsNote(seeded, false)).toBe('The weights are random (seed 7) and untrained, so these class probabilities carry no meaning, and the gates seldom open or close fully: training is what does that. A text model with Weights: trained shows one that was.');
  });

  it('says nothing of a model loaded from a file, or of one whose origin is unknown', () => {
    const loaded: Model = { ...seeded, origin: { kind: 'loaded' } };
    const unknown: Model = { ...seeded, origin: undefined };
    expect(weightsNote(loaded, true)).toBeNull();
    expect(weightsNote(unknown, false)).toBeNull();
    expect(weightsNote(null, false)).toBeNull();
  });

  it('says what a trained example was trained on and how well it does (the file\'s own words)', () => {
    expect(weightsNote({ ...seeded, origin: { kind: 'trained', about: 'trained on short sentences', training: 'Trained by PyTorch on sentences.' } }, true)).toBe('Trained by PyTorch on sentences.');
  });
});

describe('rankOf', () => {
  it('counts the classes strictly more likely', () => {
    const p = [0.1, 0.4, 0.1, 0.3, 0.1];
    expect([0, 1, 2, 3, 4].map((k) => rankOf(p, k))).toEqual([3, 1, 3, 2, 3]);
  });
});
