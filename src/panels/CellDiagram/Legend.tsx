/**
 * The colour legend: the gate scale (0 → 1) and the signed scales, the last with the bound currently in
 * use; a scale nothing on this diagram is coloured with (a ReLU RNN's tanh range, the gate scale of an
 * RNN without a readout) is left out rather than explained away.
 */
import type { Trace } from '../../engine/trace';
import type { Normalisation } from '../../viz/domains';
import { seriesDomain } from '../../viz/domains';
import { scaleFor } from '../../viz/scales';
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

export function Legend({ trace, layer, norm }: { trace: Trace; layer: number; norm: Normalisation }) {
  const gate = scaleFor({ kind: 'sequential', lo: 0, hi: 1 });
  const signed = scaleFor({ kind: 'diverging', lo: -1, hi: 1 });
  const stateKey = trace.layout.cell === 'lstm' ? `l${layer}.c` : `l${layer}.${trace.layout.cell === 'gru' ? 'n_pre' : 'a'}`;
  const m = seriesDomain(trace, trace.index(stateKey), norm).hi;
  // The layer's own series, and the input and readout drawn with it.
  const kinds = new Set(trace.layout.series.filter((q) => q.layer === layer || q.layer === -1).map((q) => q.kind));
  const gates = trace.layout.series.some((q) => q.layer === layer && q.kind === 'gate');
  return (
    <div className="legend" role="group" aria-label="Colour legend">
      {(gates || kinds.has('prob')) && <Bar label={gates ? 'gates, probabilities' : 'probabilities'} lo={gates ? '0 closed' : '0'} hi={gates ? '1 open' : '1'} colour={(s) => gate(s)} />}
      {kinds.has('tanh') && <Bar label="tanh range" lo="−1" mid="0" hi="+1" colour={(s) => signed(2 * s - 1)} />}
      <Bar label={trace.layout.cell === 'lstm' ? 'cell state, sums' : 'pre-activations, sums'} lo={`−${m}`} mid="0" hi={`+${m}`} colour={(s) => signed(2 * s - 1)} />
      <p className="legend-note">Outlined cell: the selected unit. Click any cell, or press {keyOf('unit-prev')} or {keyOf('unit-next')}, to select a unit.</p>
    </div>
  );
}
