/**
 * The page's trained example models (public/presets/<cell>.json, written by scripts/train_presets.py):
 * a character model — one-hot characters over VOCAB in, a PyTorch nn.LSTM / nn.GRU / nn.RNN, a softmax
 * readout over VOCAB out — as a state_dict with a little about its training. Read and checked like any
 * file: the page fetches it, so it is data from the network, whatever wrote it.
 */
import { VOCAB } from '../inputs';
import { LIMITS } from '../limits';
import { ModelError, validateModel } from '../model';
import { CELL_NAMES, type CellKind, type Model } from '../types';
import type { JsonValue } from './json';
import { modelFromStateDict } from './stateDict';
import { expectShape, TensorError, toTensor } from './tensor';

export const PRESET_FORMAT = 'gatescope-preset/1';

/** Reads a preset file's JSON into its model; throws ModelError naming what doesn't fit. `cell`: the cell the page asked for. */
export function presetFromJson(json: JsonValue, cell: CellKind): Model {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new ModelError('the trained model file is not a JSON object');
  const text = (key: string, max: number): string => {
    const v = json[key];
    if (typeof v !== 'string' || v.length > max) throw new ModelError(`the trained model file's "${key}" must be a string of at most ${max} characters`);
    return v;
  };
  if (json.format !== PRESET_FORMAT) throw new ModelError(`the trained model file's format is ${JSON.stringify(json.format)}; expected "${PRESET_FORMAT}"`);
  if (json.cell !== cell) throw new ModelError(`the trained model file holds ${JSON.stringify(json.cell)}; expected ${CELL_NAMES[cell].a} ("${cell}")`);
  if (text('vocab', 200) !== VOCAB) throw new ModelError('the trained model file was made for another vocabulary than this page\'s');
  const dict = json.state_dict;
  if (dict === null || typeof dict !== 'object' || Array.isArray(dict)) throw new ModelError('the trained model file has no state_dict object');
  try {
    const { model } = modelFromStateDict(dict, { nonlinearity: cell === 'rnn_relu' ? 'relu' : cell === 'rnn_tanh' ? 'tanh' : undefined });
    const V = VOCAB.length;
    if (model.inputSize !== V) throw new ModelError(`the trained model reads ${model.inputSize} inputs; expected one per character of the vocabulary (${V})`);
    const weight = toTensor('readout.weight', dict['readout.weight'], LIMITS.params);
    const bias = toTensor('readout.bias', dict['readout.bias'], LIMITS.params);
    expectShape('readout.weight', weight, [V, model.hiddenSize]);
    expectShape('readout.bias', bias, [V]);
    const trained: Model = {
      ...model,
      input: { kind: 'onehot' },
      readout: { size: V, weight: weight.data, bias: bias.data },
      origin: { kind: 'trained', about: text('about', 60), training: text('training', 400) },
    };
    validateModel(trained);
    return trained;
  } catch (err) {
    if (err instanceof TensorError) throw new ModelError(`the trained model file: ${err.message}`);
    throw err;
  }
}
