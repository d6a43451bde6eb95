/**
 * The colour legend: the gate scale (0 → 1) and the signed scales, the last with the bound its strips are
 * coloured to; a scale nothing on this diagram is coloured with (a ReLU RNN's tanh range, the gate scale of
 * an RNN without a readout) is left out rather than explained away.
 */
import type { Trace } from '../../engine/trace';
import type { CellKind } from '../../engine/types';
import type { Normalisation } from '../../viz/domains';
import { seriesDomain } from '../../viz/domains';
import type { CellGeometry } from '../../viz/geometry';
import { scaleFor } from '../../viz/scales';
import { useEffectiveTheme } from '../../app/theme';
import { sourceSeries } from '../../viz/sources';
import { keyOf } from '../../app/commands';

function Bar({ label, lo, mid, hi, colour }: { label: string; lo: string; mid?: string; hi: string; colour: (v: number) => string }) {
  const stops = Array.from({ length: 11 }, (_, k) => k / 10);
  const gradient = `linear-gradient(to right, ${stops.map((s) => colour(s)).join(', ')})`;
  return (
    <figure className="legend-bar">
      <figcaption>{label}</figcaption>
      <div className="legend-swatch" style={{ background: gradient }} />
      <div className="legend-ticks"><span>{lo}</span>{mid && <span>{mid}</span>}<span>{hi}</span></div>
    </figure>
  );
}

/** What the signed, unbounded scale colours on each cell's diagram (above the first layer, the input is the tanh of the layer below, except in a ReLU RNN). */
const SUMS_CAPTION: Record<CellKind, string> = {
  lstm: 'cell state, sums',
  gru: 'sums, input',
  rnn_tanh: 'input',
  rnn_relu: 'ReLU states, input',
};
const sumsCaption = (cell: CellKind, layer: number) => (layer > 0 && cell === 'gru' ? 'sums' : SUMS_CAPTION[cell]);

/**
 * The bounds the unbounded strips of this diagram are coloured to (one per strip when each series has its
 * own, so possibly several), least first. Read from the strips drawn, not from a series that stands for
 * them: an RNN's diagram draws no aₜ, and its legend had said ±2 for an xₜ coloured to ±1.
 */
export function sumsBounds(trace: Trace, geometry: CellGeometry, layer: number, norm: Normalisation): number[] {
  const bounds = new Set<number>();
  for (const part of geometry.parts) {
    const k = sourceSeries(trace, layer, part.source);
    if (trace.layout.series[k].kind === 'real') bounds.add(seriesDomain(trace, k, norm).hi);
  }
  return [...bounds].sort((a, b) => a - b);
}

export function Legend({ trace, geometry, layer, norm }: { trace: Trace; geometry: CellGeometry; layer: number; norm: Normalisation }) {
  const theme = useEffectiveTheme();
  const gate = scaleFor({ kind: 'sequential', lo: 0, hi: 1 }, theme);
  const signed = scaleFor({ kind: 'diverging', lo: -1, hi: 1 }, theme);
  const bounds = sumsBounds(trace, geometry, layer, norm);
  // Strips to different bounds: the ends stand for each strip's own, and the caption says which there are.
  const one = bounds.length === 1;
  const sums = sumsCaption(trace.layout.cell, layer) + (one ? '' : `: b = ${bounds.slice(0, -1).join(', ')} or ${bounds.at(-1)} by strip`);
  // The layer's own series, and the input and readout drawn with it.
  const kinds = new Set(trace.layout.series.filter((q) => q.layer === layer || q.layer === -1).map((q) => q.kind));
  const gates = trace.layout.series.some((q) => q.layer === layer && q.kind === 'gate');
  return (
    <div className="legend" role="group" aria-label="Colour legend">
      {(gates || kinds.has('prob')) && <Bar label={gates ? 'gates, probabilities' : 'probabilities'} lo={gates ? '0 closed' : '0'} hi={gates ? '1 open' : '1'} colour={(s) => gate(s)} />}
      {kinds.has('tanh') && <Bar label="tanh range" lo="−1" mid="0" hi="+1" colour={(s) => signed(2 * s - 1)} />}
      {bounds.length > 0 && <Bar label={sums} lo={one ? `−${bounds[0]}` : '−b'} mid="0" hi={one ? `+${bounds[0]}` : '+b'} colour={(s) => signed(2 * s - 1)} />}
      <p className="legend-note">Outlined cell: the selected unit. Click any cell, or press {keyOf('unit-prev')} or {keyOf('unit-next')}, to select a unit.</p>
    </div>
  );
}
