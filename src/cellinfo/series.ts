/**
 * What each trace series means to a person: its symbol in the course notes' notation (LaTeX), its name
 * (also the accessible name of the diagram part that draws it) and a short description.
 * Notation for the whole page: W multiplies the input x_t, U the previous hidden state h_{t−1}.
 */
import type { CellKind } from '../engine/types';

export interface SeriesInfo {
  /** LaTeX symbol, e.g. 'f_t'. */
  tex: string;
  /** Plain-text symbol for labels, e.g. 'fₜ'. */
  symbol: string;
  /** Accessible name and caption, e.g. 'forget gate'. */
  name: string;
}

const COMMON: Record<string, SeriesInfo> = {
  x: { tex: 'x_t', symbol: 'xₜ', name: 'input' },
  h: { tex: 'h_t', symbol: 'hₜ', name: 'hidden state' },
  logits: { tex: 'W_y h_t + b_y', symbol: 'W_y·hₜ+b_y', name: 'readout logits' },
  probs: { tex: '\\hat{y}_t', symbol: 'ŷₜ', name: 'output' },
};

const LSTM: Record<string, SeriesInfo> = {
  i_pre: { tex: 'a^{i}_t', symbol: 'aⁱₜ', name: 'input gate pre-activation' },
  f_pre: { tex: 'a^{f}_t', symbol: 'aᶠₜ', name: 'forget gate pre-activation' },
  g_pre: { tex: 'a^{g}_t', symbol: 'aᵍₜ', name: 'candidate pre-activation' },
  o_pre: { tex: 'a^{o}_t', symbol: 'aᵒₜ', name: 'output gate pre-activation' },
  i: { tex: 'i_t', symbol: 'iₜ', name: 'input gate' },
  f: { tex: 'f_t', symbol: 'fₜ', name: 'forget gate' },
  g: { tex: 'g_t', symbol: 'gₜ', name: 'candidate' },
  o: { tex: 'o_t', symbol: 'oₜ', name: 'output gate' },
  fc: { tex: 'f_t \\odot c_{t-1}', symbol: 'f⊙c', name: 'Hadamard product f⊙c' },
  ig: { tex: 'i_t \\odot g_t', symbol: 'i⊙g', name: 'Hadamard product i⊙g' },
  c: { tex: 'c_t', symbol: 'cₜ', name: 'cell state' },
  tanh_c: { tex: '\\tanh(c_t)', symbol: 'tanh(cₜ)', name: 'tanh of cell state' },
};

const GRU: Record<string, SeriesInfo> = {
  r_pre: { tex: 'a^{r}_t', symbol: 'aʳₜ', name: 'reset gate pre-activation' },
  z_pre: { tex: 'a^{z}_t', symbol: 'aᶻₜ', name: 'update gate pre-activation' },
  n_pre: { tex: "a^{h'}_t", symbol: "aʰ'ₜ", name: 'candidate pre-activation' },
  r: { tex: 'r_t', symbol: 'rₜ', name: 'reset gate' },
  z: { tex: 'z_t', symbol: 'zₜ', name: 'update gate' },
  // PyTorch's reset-after GRU keeps b_hn inside the reset product: this series carries it.
  hn: { tex: 'U_h h_{t-1} + b_{hn}', symbol: 'U·hₜ₋₁ + b', name: 'recurrent product U h' },
  rhn: { tex: 'r_t \\odot (U_h h_{t-1} + b_{hn})', symbol: 'r⊙Uh', name: 'Hadamard product r⊙Uh' },
  rh: { tex: 'r_t \\odot h_{t-1}', symbol: 'r⊙h', name: 'Hadamard product r⊙h' },
  n: { tex: "h'_t", symbol: "h'ₜ", name: 'candidate' },
  omz: { tex: '1 - z_t', symbol: '1−zₜ', name: 'one minus update gate' },
  zn: { tex: "(1 - z_t) \\odot h'_t", symbol: "(1−z)⊙h'", name: "Hadamard product (1−z)⊙h'" },
  zh: { tex: 'z_t \\odot h_{t-1}', symbol: 'z⊙h', name: 'Hadamard product z⊙h' },
};

const RNN: Record<string, SeriesInfo> = {
  a: { tex: 'a_t', symbol: 'aₜ', name: 'pre-activation' },
};

export function seriesInfo(cell: CellKind, name: string): SeriesInfo {
  const own = cell === 'lstm' ? LSTM : cell === 'gru' ? GRU : RNN;
  return own[name] ?? COMMON[name] ?? { tex: `\\text{${name}}`, symbol: name, name };
}
