/** The text written beside a strip: its symbol, and the selected unit's value or what stands for the vector. */
import type { Trace } from '../../engine/trace';
import type { Model } from '../../engine/types';
import { tokenLabel } from '../../engine/inputs';
import { fmtValue } from '../../viz/format';
import { classLabel, isTextModel, topClass } from '../../viz/labels';
import { isPerUnit, sourceSymbol, sourceValues } from '../../viz/sources';

/**
 * The symbol beside a strip: the series' own, which other panels use, except for the input of a stacked
 * layer, which is no xₜ but the hₜ of the layer below (layers are numbered from 1 on the page, so the
 * layer with index k reads the one numbered k).
 */
export function stripSymbol(trace: Trace, layer: number, source: string): string {
  if (source === 'x' && layer > 0) return `hₜ of layer ${layer}`;
  return sourceSymbol(trace, source);
}

/** The number written beside a strip: the selected unit's value, or what stands for the vector. */
export function stripValueText(trace: Trace, model: Model | null, layer: number, source: string, t: number, unit: number): string {
  const v = sourceValues(trace, layer, source, t);
  if (source === 'probs') {
    const best = topClass(v);
    return `${classLabel(model, best)} ${fmtValue(v[best])}`;
  }
  if (!isPerUnit(layer, source)) {
    if (isTextModel(model)) return `‘${tokenLabel(v.indexOf(1))}’`;
    if (v.length <= 3) return `(${Array.from(v, (x) => fmtValue(x)).join(', ')})`;
    return `${v.length} values`;
  }
  return fmtValue(v[Math.min(unit, v.length - 1)]);
}
