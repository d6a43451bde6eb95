import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { NotationNotes } from './NotationNotes';
import type { TraceLayout } from '../../engine/trace';

const notes = (layout: Partial<TraceLayout>) => renderToStaticMarkup(<NotationNotes layout={layout as TraceLayout} layer={0} />);

describe('NotationNotes', () => {
  it('says, for the GRU only, that Olah\'s article writes the blend\'s z the other way round, and that his reset comes before the product', () => {
    const gru = notes({ cell: 'gru', gruReset: 'after' });
    expect(gru).toContain('an update gate near 1 keeps the old state');
    expect(gru).toContain('Olah writes z and 1 − z the other way round');
    expect(gru).toContain('set Reset to “before U·h” to see his cell (this one is PyTorch’s');
    expect(notes({ cell: 'gru', gruReset: 'before' })).toContain('to see his cell (as now)');
    for (const cell of ['lstm', 'rnn_tanh'] as const) expect(notes({ cell })).not.toContain('other way round');
  });

  it('maps each cell to Olah\'s symbols: his concatenated products, his C̃ and C', () => {
    const lstm = notes({ cell: 'lstm' });
    expect(lstm).toContain('Understanding LSTM Networks');
    expect(lstm).toMatch(/his C̃<sub>t<\/sub> is the candidate g<sub>t<\/sub>/);
    expect(notes({ cell: 'rnn_relu' })).toContain('a ReLU in place of the tanh');
    expect(notes({ cell: 'rnn_tanh' })).not.toContain('ReLU');
  });

  it('speaks of gate blocks and ⊙ only for the cells that have them', () => {
    for (const cell of ['lstm', 'gru'] as const) {
      expect(notes({ cell, gruReset: 'after' })).toContain('Gate blocks are stacked');
      expect(notes({ cell, gruReset: 'after' })).toContain('Hadamard');
    }
    for (const cell of ['rnn_tanh', 'rnn_relu'] as const) {
      const rnn = notes({ cell });
      expect(rnn).not.toContain('Gate blocks');
      expect(rnn).not.toContain('Hadamard');
      expect(rnn).toContain('W is weight_ih_l<i>k</i> and U is weight_hh_l<i>k</i>');
    }
  });
});
