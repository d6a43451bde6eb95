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
import type { CSSProperties } from 'react';
import { scaleFor, type ColourDomain, type ScaleTheme } from '../../viz/scales';
import { sourceSeries } from '../../viz/sources';
import { keyOf } from '../../app/commands';

/** The scale's colours from its low end to its high end, as a CSS gradient for a page of this theme. */
function gradient(domain: ColourDomain, theme: ScaleTheme): string {
  const colour = scaleFor(domain, theme);
  const stops = Array.from({ length: 11 }, (_, k) => colour(domain.lo + (k / 10) * (domain.hi - domain.lo)));
  return `linear-gradient(to right, ${stops.join(', ')})`;
}

function Bar({ label, lo, mid, hi, domain }: { label: string; lo: string; mid?: string; hi: string; domain: ColourDomain }) {
  // Both themes' colours, the stylesheet picking (as StripCells does): the build's first frame can't know
  // the theme, and its legend had shown the light page's signed scale beside the dark page's strips.
  const style = { '--light-bg': gradient(domain, 'light'), '--dark-bg': gradient(domain, 'dark') } as CSSProperties;
  return (
    <figure className="legend-bar">
      <figcaption>{label}</figcaption>
      <div className="legend-swatch" style={style} />
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
  const gate: ColourDomain = { kind: 'sequential', lo: 0, hi: 1 };
  const signed: ColourDomain = { kind: 'diverging', lo: -1, hi: 1 };
  const bounds = sumsBounds(trace, geometry, layer, norm);
  // Strips to different bounds: the ends stand for each strip's own, and the caption says which there are.
  const one = bounds.length === 1;
  const sums = sumsCaption(trace.layout.cell, layer) + (one ? '' : `: b = ${bounds.slice(0, -1).join(', ')} or ${bounds.at(-1)} by strip`);
  // The layer's own series, and the input and readout drawn with it.
  const kinds = new Set(trace.layout.series.filter((q) => q.layer === layer || q.layer === -1).map((q) => q.kind));
  const gates = trace.layout.series.some((q) => q.layer === layer && q.kind === 'gate');
  return (
    <div className="legend" role="group" aria-label="Colour legend">
      {(gates || kinds.has('prob')) && <Bar label={gates ? 'gates, probabilities' : 'probabilities'} lo={gates ? '0 closed' : '0'} hi={gates ? '1 open' : '1'} domain={gate} />}
      {kinds.has('tanh') && <Bar label="tanh range" lo="−1" mid="0" hi="+1" domain={signed} />}
      {bounds.length > 0 && <Bar label={sums} lo={one ? `−${bounds[0]}` : '−b'} mid="0" hi={one ? `+${bounds[0]}` : '+b'} domain={signed} />}
      <p className="legend-note">Outlined cell: the selected unit. Click any cell, or press {keyOf('unit-prev')} or {keyOf('unit-next')}, to select a unit.</p>
    </div>
  );
}
