/** The diagram of a trace's cell. */
import type { TraceLayout } from '../../engine/trace';
import { gruGeometry } from './gru';
import { lstmGeometry } from './lstm';
import { rnnGeometry } from './rnn';
import type { CellGeometry, GeometrySpec } from './types';
import { seriesInfo } from '../../cellinfo/series';

export function geometryFor(layout: Pick<TraceLayout, 'cell' | 'gruReset' | 'readoutSize'>, showReadout: boolean): CellGeometry {
  const spec = specFor(layout, showReadout && layout.readoutSize > 0);
  const parts = spec.parts.map((p) => ({ ...p, name: p.name ?? seriesInfo(layout.cell, p.source).name }));
  return { ...spec, parts };
}

function specFor(layout: Pick<TraceLayout, 'cell' | 'gruReset'>, readout: boolean): GeometrySpec {
  switch (layout.cell) {
    case 'lstm': return lstmGeometry(readout);
    case 'gru': return gruGeometry(layout.gruReset, readout);
    case 'rnn_tanh': return rnnGeometry(false, readout);
    case 'rnn_relu': return rnnGeometry(true, readout);
  }
}

export * from './types';
