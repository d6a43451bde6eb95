/** The diagram of a trace's cell. */
import type { TraceLayout } from '../../engine/trace';
import { gruGeometry } from './gru';
import { lstmGeometry } from './lstm';
import { rnnGeometry } from './rnn';
import type { CellGeometry } from './types';

export function geometryFor(layout: Pick<TraceLayout, 'cell' | 'gruReset' | 'readoutSize'>, showReadout: boolean): CellGeometry {
  const readout = showReadout && layout.readoutSize > 0;
  switch (layout.cell) {
    case 'lstm': return lstmGeometry(readout);
    case 'gru': return gruGeometry(layout.gruReset, readout);
    case 'rnn_tanh': return rnnGeometry(false, readout);
    case 'rnn_relu': return rnnGeometry(true, readout);
  }
}

export * from './types';
