/**
 * The vocabulary of the engine: which recurrent cells exist and how a model is laid out.
 * Parameter names and layouts are PyTorch's, so that a `state_dict` loads as it is.
 */

/** The recurrent cells, named as in the golden fixtures and the command line. */
export type CellKind = 'lstm' | 'gru' | 'rnn_tanh' | 'rnn_relu';

/**
 * Where the GRU's reset gate acts.
 * 'after': r ⊙ (U_n h + b_hn), PyTorch/cuDNN, Keras reset_after=True, ONNX linear_before_reset=1 (the default).
 * 'before': U_n (r ⊙ h) + b_hn, Cho et al. 2014, Keras reset_after=False.
 */
export type GruReset = 'after' | 'before';

export const CELL_KINDS: readonly CellKind[] = ['lstm', 'gru', 'rnn_tanh', 'rnn_relu'];

/** How people name each cell: on screen ("RNN (tanh)"), and in a sentence, with its article ("an RNN"). */
export const CELL_NAMES: Readonly<Record<CellKind, { name: string; a: string }>> = {
  lstm: { name: 'LSTM', a: 'an LSTM' },
  gru: { name: 'GRU', a: 'a GRU' },
  rnn_tanh: { name: 'RNN (tanh)', a: 'an RNN' },
  rnn_relu: { name: 'RNN (ReLU)', a: 'an RNN' },
};

/** Number of gate blocks stacked in weight_ih / weight_hh: i,f,g,o for LSTM, r,z,n for GRU, one for RNN. */
export function gateCount(cell: CellKind): number {
  return cell === 'lstm' ? 4 : cell === 'gru' ? 3 : 1;
}

/** One layer's parameters, row-major, in PyTorch's layout. */
export interface LayerParams {
  /** weight_ih_l{k}: (G·H) × inputs of this layer. */
  weightIh: Float32Array;
  /** weight_hh_l{k}: (G·H) × H. */
  weightHh: Float32Array;
  /** bias_ih_l{k}: G·H, or null when the model has no biases. */
  biasIh: Float32Array | null;
  /** bias_hh_l{k}: G·H, or null when the model has no biases. */
  biasHh: Float32Array | null;
}

/** How each timestep's input vector x_t is made. */
export type InputEncoding =
  /** The sequence gives x_t directly (T × inputSize real values). */
  | { kind: 'dense' }
  /** The sequence gives token ids; x_t is the one-hot vector of length inputSize (= vocabulary size). */
  | { kind: 'onehot' }
  /** The sequence gives token ids; x_t is the token's row of an embedding table (vocab × inputSize). */
  | { kind: 'embedding'; vocab: number; weight: Float32Array };

/** Output = softmax(W_y h_t + b_y) over the last layer's h_t. */
export interface Readout {
  /** Number of classes (V). */
  size: number;
  /** W_y: V × H, row-major. */
  weight: Float32Array;
  /** b_y: V, or null. */
  bias: Float32Array | null;
}

/**
 * Where a model's parameters come from, so that the page can say whether its predictions mean anything.
 * 'seeded': drawn at random by initModel, untrained; 'loaded': read from a file (a PyTorch state_dict),
 * perhaps trained; 'trained': one of the page's trained examples (engine/formats/preset.ts), with `about`
 * a few words for a title ('trained on short sentences') and `training` a sentence or two on how.
 */
export type WeightsOrigin = { kind: 'seeded'; seed: number } | { kind: 'loaded' } | { kind: 'trained'; about: string; training: string };

/** A complete network: a stack of recurrent layers with its input encoding and optional readout. */
export interface Model {
  /** Which recurrent cell every layer uses. */
  cell: CellKind;
  /** GRU only: where the reset gate acts. */
  gruReset: GruReset;
  /** Length of x_t (the embedding width, or the vocabulary size for one-hot input). */
  inputSize: number;
  /** H, the same for every layer. */
  hiddenSize: number;
  /** Parameters of each layer, bottom first; layers.length is the number of layers. */
  layers: LayerParams[];
  /** How x_t is made from the sequence. */
  input: InputEncoding;
  /** The optional softmax readout on top of the last layer. */
  readout: Readout | null;
  /** Where the parameters come from; absent when unknown (a model put together by hand). */
  origin?: WeightsOrigin;
}

/** A sequence to run: real vectors, or token ids for one-hot and embedding inputs. */
export type InputSequence =
  /** T × inputSize values, row-major. */
  | { kind: 'dense'; steps: number; values: Float32Array }
  /** One token id per timestep. */
  | { kind: 'tokens'; tokens: Int32Array };

/** Initial states; a missing one means zeros. */
export interface InitialState {
  /** h0: numLayers × H, row-major. */
  h0?: Float32Array;
  /** c0: numLayers × H (LSTM only). */
  c0?: Float32Array;
}

export function sequenceLength(seq: InputSequence): number {
  return seq.kind === 'dense' ? seq.steps : seq.tokens.length;
}
