/**
 * The colour domain of a series, shared by the diagram's strips and the heatmaps. 'series' gives each
 * unbounded series its own bound; 'global' one bound for all unbounded series of the trace, so that
 * their colours can be compared (as CNN Explainer's local/global toggle does). The input and the readout's
 * logits don't set that bound (they are not the cell's values, and a signal's range would swamp them),
 * but are coloured to it.
 */
import type { Trace } from '../engine/trace';
import { domainFor, type ColourDomain } from './scales';

export type Normalisation = 'series' | 'global';

export function seriesDomain(trace: Trace, k: number, norm: Normalisation): ColourDomain {
  const s = trace.layout.series[k];
  if (s.kind !== 'real' || norm === 'series') return domainFor(s.kind, trace.absMax[k]);
  let m = 0;
  trace.layout.series.forEach((q, i) => {
    if (q.kind === 'real' && q.key !== 'x' && q.key !== 'logits') m = Math.max(m, trace.absMax[i]);
  });
  return domainFor('real', m);
}

/** A colour domain as a heatmap row's key writes it: "0–1" for gates, "±1" for the tanh range, "±5" for sums. */
export function domainText(d: ColourDomain): string {
  return d.kind === 'sequential' ? `${d.lo}–${d.hi}` : `±${d.hi}`;
}
