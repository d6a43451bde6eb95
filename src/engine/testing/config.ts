/** A small model's config for tests: an LSTM of H = 5 on 3 dense inputs, 2 layers, a readout of 4; `over` changes any of it. */
import type { ModelConfig } from '../init';

export function testConfig(over: Partial<ModelConfig> = {}): ModelConfig {
  return {
    cell: 'lstm', gruReset: 'after', inputSize: 3, hiddenSize: 5, numLayers: 2, bias: true,
    input: 'dense', vocab: 0, readoutSize: 4, forgetBias: 0, ...over,
  };
}
