import { describe, expect, it } from 'vitest';
import { imageName } from './saveImage';

describe("the saved diagram's file name", () => {
  it('says what it shows: the cell, H, the step (from 1, as on screen), the unit, and a layer and sub-step where there are', () => {
    expect(imageName('lstm', 8, 0, 0, null, null)).toBe('gatescope-lstm-h8-t1-unit0.png');
    expect(imageName('gru', 16, 11, 3, 1, 1)).toBe('gatescope-gru-h16-t12-unit3-layer2-step2.png');
    expect(imageName('rnn_tanh', 128, 9999, 127, null, 0)).toBe('gatescope-rnn-tanh-h128-t10000-unit127-step1.png');
  });
});
