/**
 * The sub-steps of one timestep, in the order the equations run. Stepping inside a timestep walks
 * through these; each lights up the series it computes. The last sub-step completes the timestep.
 */
import type { CellKind } from '../engine/types';

export interface SubStep {
  /** Short title, e.g. 'Forget gate'. */
  title: string;
  /** Series computed in this sub-step (layer series names, plus 'logits'/'probs' for the readout). */
  series: readonly string[];
}

const LSTM: readonly SubStep[] = [
  { title: 'Forget gate', series: ['f_pre', 'f'] },
  { title: 'Input gate and candidate', series: ['i_pre', 'i', 'g_pre', 'g'] },
  { title: 'Cell update', series: ['fc', 'ig', 'c'] },
  { title: 'Output gate and hidden state', series: ['o_pre', 'o', 'tanh_c', 'h', 'logits', 'probs'] },
];

const GRU: readonly SubStep[] = [
  { title: 'Reset and update gates', series: ['r_pre', 'r', 'z_pre', 'z'] },
  { title: 'Candidate', series: ['hn', 'rhn', 'rh', 'n_pre', 'n'] },
  { title: 'Blend', series: ['omz', 'zn', 'zh', 'h', 'logits', 'probs'] },
];

const RNN: readonly SubStep[] = [{ title: 'Recurrent update', series: ['a', 'h', 'logits', 'probs'] }];

export function subSteps(cell: CellKind): readonly SubStep[] {
  return cell === 'lstm' ? LSTM : cell === 'gru' ? GRU : RNN;
}

/** Where sub-step k stands while sub-step `current` is walked: computed already, being computed, or to come. */
export type StepState = 'done' | 'active' | 'pending';

export function stepState(k: number, current: number): StepState {
  return k < current ? 'done' : k === current ? 'active' : 'pending';
}

/** Index of the sub-step that computes a series, or -1 for values that exist before the step (x, states). */
export function subStepOf(cell: CellKind, name: string): number {
  return subSteps(cell).findIndex((s) => s.series.includes(name));
}

/**
 * Series names in the order the equations compute them, sub-step by sub-step (forget gate first in the
 * LSTM, as the diagram reads left to right): the order the values table and the heatmaps list them in.
 * The trace keeps PyTorch's order (i, f, g, o), that of the blocks in the weights. Names no sub-step
 * computes keep their place after the others.
 */
export function inEquationOrder(cell: CellKind, names: readonly string[]): string[] {
  const order = subSteps(cell).flatMap((s) => s.series);
  const rank = (n: string) => (order.includes(n) ? order.indexOf(n) : order.length);
  return [...names].sort((a, b) => rank(a) - rank(b));
}
