/**
 * What a diagram strip shows, read straight from the trace: a layer series, the previous states
 * (h_{t−1}, c_{t−1}: the initial state at t = 0), the layer's input, or the readout.
 */
import { seriesInfo } from '../cellinfo/series';
import { subStepOf } from '../cellinfo/substeps';
import { seriesKey, type Trace } from '../engine/trace';
import type { CellKind } from '../engine/types';
import type { StripSource } from './geometry/types';

/** The values of a strip at timestep t (a view into the trace, never a copy). */
export function sourceValues(trace: Trace, layer: number, source: StripSource, t: number): Float32Array {
  // The previous states at t = 0 are the initial state, which is in no series.
  if (source === 'prev:h' || source === 'prev:c') return trace.previous(layer, source === 'prev:h' ? 'h' : 'c', t);
  return trace.row(sourceSeries(trace, layer, source), t);
}

/** The trace series a source reads (its colour domain comes from that series; h_{t−1} reads h's). */
export function sourceSeries(trace: Trace, layer: number, source: StripSource): number {
  switch (source) {
    case 'prev:h': return trace.index(seriesKey(layer, 'h'));
    case 'prev:c': return trace.index(seriesKey(layer, 'c'));
    case 'x': return trace.index(layer === 0 ? 'x' : seriesKey(layer - 1, 'h'));
    case 'probs': return trace.index('probs');
    default: return trace.index(seriesKey(layer, source));
  }
}

/**
 * Whether a source has one value per unit of the layer (so the selected unit is marked on it and a click
 * selects a unit): the layer's own series and states, and the input of an upper layer (the h of the one
 * below). Not the sequence's x_t, nor the readout, even when their width happens to equal H.
 */
export function isPerUnit(layer: number, source: StripSource): boolean {
  if (source === 'probs') return false;
  if (source === 'x') return layer > 0;
  return true;
}

/** How many values a source has per timestep (known from the layout, before any data arrives). */
export function sourceWidth(trace: Trace, layer: number, source: StripSource): number {
  return trace.layout.series[sourceSeries(trace, layer, source)].width;
}

/** The sub-step that computes a source; -1 for what exists before the step starts. */
export function sourceSubStep(cell: CellKind, source: StripSource): number {
  if (source === 'prev:h' || source === 'prev:c' || source === 'x') return -1;
  return subStepOf(cell, source);
}

/** The symbol written beside a strip. */
export function sourceSymbol(trace: Trace, source: StripSource): string {
  switch (source) {
    case 'prev:h': return 'hₜ₋₁';
    case 'prev:c': return 'cₜ₋₁';
    case 'x': return 'xₜ';
    case 'probs': return 'ŷₜ';
    default: return seriesInfo(trace.layout.cell, source).symbol;
  }
}
