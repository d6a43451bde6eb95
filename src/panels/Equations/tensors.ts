/**
 * Which PyTorch tensor each symbol on the page is: W_f is rows H…2H−1 of weight_ih_l0, and so on.
 * Shown when hovering a symbol in an equation; the "Notation: Olah's symbols, PyTorch's tensors" note under the
 * equations says the same in words.
 */
import type { CellKind } from '../../engine/types';

/** Gate letter → its block index in PyTorch's stacked weights. */
const BLOCKS: Record<CellKind, Record<string, number>> = {
  lstm: { i: 0, f: 1, g: 2, o: 3 },
  gru: { r: 0, z: 1, h: 2 },
  rnn_tanh: { '': 0 },
  rnn_relu: { '': 0 },
};

export function gateBlock(cell: CellKind, gate: string): number {
  return BLOCKS[cell][gate];
}

const rows = (block: number, H: number) => `${block * H}:${(block + 1) * H}`;

/** The tensors behind W, U and b of a gate in layer k. */
export function gateTensors(cell: CellKind, gate: string, k: number, H: number) {
  const b = gateBlock(cell, gate);
  const r = cell.startsWith('rnn') ? '' : `[${rows(b, H)}]`;
  return {
    W: `weight_ih_l${k}${r}`,
    U: `weight_hh_l${k}${r}`,
    bIh: `bias_ih_l${k}${r}`,
    bHh: `bias_hh_l${k}${r}`,
  };
}

const MODULES: Record<CellKind, string> = { lstm: 'nn.LSTM', gru: 'nn.GRU', rnn_tanh: 'nn.RNN', rnn_relu: 'nn.RNN' };

/**
 * The tensor behind the input of layer k. Above the first layer it is no input at all but the h_t of
 * layer k−1, which PyTorch never hands back per step: `output` holds the top layer only, h_n the last step.
 * (No commas: \htmlData reads them as separators.)
 */
export function inputTensor(cell: CellKind, k: number): string {
  if (k === 0) return 'input[t]';
  return `h_t of layer l${k - 1} fed to weight_ih_l${k} (${MODULES[cell]} returns only its last step: h_n[${k - 1}])`;
}
