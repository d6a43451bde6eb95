/**
 * Which parts of the diagram are done, lit or to come at a sub-step: the order, LSTM forget →
 * input and candidate → cell update → output and hidden; GRU reset and update → candidate → blend.
 */
import { describe, expect, it } from 'vitest';
import type { CellKind } from '../../engine/types';
import { geometryFor } from '../../viz/geometry';
import { partStates } from './partStates';

/** The parts lit at each sub-step; the inputs (h_{t−1}, c_{t−1}, x_t) are done from the first. */
const LIT: Record<'lstm' | 'gru', string[][]> = {
  lstm: [['f'], ['i', 'g'], ['fc', 'ig', 'c'], ['tanh_c', 'o', 'h', 'probs']],
  gru: [['r', 'z'], ['hn', 'rhn', 'n'], ['omz', 'zn', 'zh', 'h', 'probs']],
};

function statesAt(cell: CellKind, sub: number, focus = true): Record<string, string> {
  return Object.fromEntries(partStates(geometryFor({ cell, gruReset: 'after', readoutSize: 3 }, true), cell, sub, focus));
}

describe('partStates', () => {
  for (const cell of ['lstm', 'gru'] as const) {
    it(`${cell}: what a sub-step computes is lit, what came before is done, what comes after is pending`, () => {
      LIT[cell].forEach((_, sub) => {
        const expected: Record<string, string> = { 'prev:h': 'done', x: 'done', ...(cell === 'lstm' && { 'prev:c': 'done' }) };
        LIT[cell].forEach((parts, k) => { for (const p of parts) expected[p] = k < sub ? 'done' : k === sub ? 'active' : 'pending'; });
        expect(statesAt(cell, sub), `sub-step ${sub + 1}`).toEqual(expected);
      });
    });
  }

  it('an RNN, one sub-step: its h_t and readout lit, its inputs done', () => {
    expect(statesAt('rnn_tanh', 0)).toEqual({ 'prev:h': 'done', x: 'done', h: 'active', probs: 'active' });
  });

  it('leaves every part idle on a whole step (no sub-step walked)', () => {
    for (const state of Object.values(statesAt('lstm', 2, false))) expect(state).toBe('idle');
  });
});
