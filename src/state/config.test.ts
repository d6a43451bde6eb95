import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, isTrained, modelOf, runSpecOf, TRAINED } from './config';

describe('trained weights in the config', () => {
  const text = { ...DEFAULT_CONFIG, inputKind: 'text' as const, hiddenSize: 40, numLayers: 3, gruReset: 'before' as const, forgetBias: 2 };

  it('run the trained model\'s sizes, keeping the user\'s own for random weights', () => {
    const trained = { ...text, weights: 'trained' as const };
    expect(isTrained(trained)).toBe(true);
    expect(modelOf(trained)).toMatchObject(TRAINED);
    expect(trained.hiddenSize).toBe(40); // kept, for a switch back
    const spec = runSpecOf(trained);
    expect(spec.weights).toBe('trained');
    expect(spec.model).toMatchObject({ hiddenSize: 16, numLayers: 1, gruReset: 'after', forgetBias: 0, input: 'onehot' });
  });

  it('mean nothing for a signal, nor with random weights: the user\'s sizes run', () => {
    for (const c of [{ ...text, weights: 'random' as const }, { ...text, inputKind: 'signal' as const, weights: 'trained' as const }]) {
      expect(isTrained(c)).toBe(false);
      expect(modelOf(c)).toBe(c);
      expect(runSpecOf(c).weights).toBeUndefined();
      expect(runSpecOf(c).model.hiddenSize).toBe(40);
    }
  });
});
