/**
 * What a diagram strip shows, read straight from the trace: a layer series, the previous states
 * (h_{t−1}, c_{t−1}: the initial state at t = 0), the layer's input, or the readout.
 */
import { seriesInfo } from '../cellinfo/series';
import { subStepOf } from '../cellinfo/substeps';
import type { Trace } from '../engine/trace';
import type { CellKind } from '../engine/types';
import type { StripSource } from './geometry/types';

/** The values of a strip at timestep t (a view into the trace, never a copy). */
export function sourceValues(trace: Trace, layer: number, source: StripSource, t: number): Float32Array {
  switch (source) {
    case 'prev:h': return trace.previous(layer, 'h', t);
    case 'prev:c': return trace.previous(layer, 'c', t);
    case 'x': return trace.layerInput(layer, t);
    case 'probs': return trace.row(trace.index('probs'), t);
    default: return trace.row(trace.index(`l${layer}.${source}`), t);
  }
}

/** The trace series a source reads (its colour domain comes from that series). */
export function sourceSeries(trace: Trace, layer: number, source: StripSource): number {
  switch (source) {
    case 'prev:h': return trace.index(`l${layer}.h`);
    case 'prev:c': return trace.index(`l${layer}.c`);
    case 'x': return trace.index(layer === 0 ? 'x' : `l${layer - 1}.h`);
    case 'probs': return trace.index('probs');
    default: return trace.index(`l${layer}.${source}`);
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
