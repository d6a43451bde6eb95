/** The readout's top class and the names of classes. */
import { describe, expect, it } from 'vitest';
import { initModel } from '../engine/init';
import { testConfig } from '../engine/testing/config';
import { classLabel, topClass, weightsTitle } from './labels';

describe('topClass', () => {
  it('is the most likely class, and the first of equals (as the bars and the equations name it)', () => {
    expect(topClass([0.1, 0.7, 0.2])).toBe(1);
    expect(topClass([0.2, 0.4, 0.4])).toBe(1);
    expect(topClass([0.5, 0.5])).toBe(0);
    expect(topClass(Float32Array.from([0.1, 0.1, 0.3, 0.5]))).toBe(3);
  });
});

describe('classLabel', () => {
  it("names a text model's classes by their character, another model's by number", () => {
    const base = testConfig({ hiddenSize: 2, numLayers: 1, vocab: 30, readoutSize: 30 });
    expect(classLabel(initModel(base, 1), 4)).toBe('class 4');
    expect(classLabel(null, 0)).toBe('class 0');
    expect(classLabel(initModel({ ...base, input: 'onehot' }, 1), 1)).toMatch(/^‘.+’$/);
  });
});

describe('weightsTitle', () => {
  it('gives the diagram\'s title a word for random weights and a trained example\'s own, and none for loaded ones', () => {
    const seeded = initModel(testConfig({}), 7);
    expect(weightsTitle(seeded)).toBe('untrained (seed 7)');
    expect(weightsTitle({ ...seeded, origin: { kind: 'loaded' } })).toBeNull();
    expect(weightsTitle(null)).toBeNull();
    expect(weightsTitle({ ...seeded, origin: { kind: 'trained', about: 'trained on short sentences', training: 'By PyTorch.' } })).toBe('trained on short sentences');
  });
});
