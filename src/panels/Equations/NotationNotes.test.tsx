import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { NotationNotes } from './NotationNotes';
import type { TraceLayout } from '../../engine/trace';

const notes = (layout: Partial<TraceLayout>) => renderToStaticMarkup(<NotationNotes layout={layout as TraceLayout} layer={0} />);

describe('NotationNotes', () => {
  it('says, for the GRU only, that Olah\'s article writes the blend\'s z the other way round', () => {
    const gru = notes({ cell: 'gru', gruReset: 'after' });
    expect(gru).toContain('an update gate near 1 keeps the old state');
    expect(gru).toContain('Understanding LSTM Networks');
    for (const cell of ['lstm', 'rnn_tanh'] as const) expect(notes({ cell })).not.toContain('Olah');
  });
});
