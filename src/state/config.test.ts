import { describe, expect, it } from 'vitest';
import { CELL_KINDS } from '../engine/types';
import { trainedModelFromDisk } from '../worker/testing/trainedFromDisk';
import { DEFAULT_CONFIG, isTrained, modelOf, runSpecOf, TRAINED } from './config';

describe('trained weights in the config', () => {
  const text = { ...DEFAULT_CONFIG, inputKind: 'text' as const, hiddenSize: 40, numLayers: 3, gruReset: 'before' as const, forgetBias: 2 };

  it('ask for the sizes the trained models have, every cell\'s (public/presets)', () => {
    for (const cell of CELL_KINDS) {
      const model = trainedModelFromDisk(cell);
      const spec = runSpecOf({ ...text, cell, weights: 'trained' });
      expect(spec.weights, cell).toBe('trained');
      expect([spec.model.hiddenSize, spec.model.numLayers, spec.model.inputSize, spec.model.readoutSize], cell)
        .toEqual([model.hiddenSize, model.layers.length, model.inputSize, model.readout?.size]);
      if (cell === 'gru') expect(spec.model.gruReset).toBe(model.gruReset);
      // The forget-gate bias is the file's own: nothing is added to it.
      expect(spec.model.forgetBias, cell).toBe(0);
    }
  });

  it('keep the user\'s own sizes in the config, for a switch back to random weights', () => {
    const trained = { ...text, weights: 'trained' as const };
    expect(isTrained(trained)).toBe(true);
    expect(modelOf(trained).hiddenSize).toBe(TRAINED.hiddenSize);
    expect(trained.hiddenSize).toBe(40);
    expect(runSpecOf({ ...trained, weights: 'random' }).model.hiddenSize).toBe(40);
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
