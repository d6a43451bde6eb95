/** The number written beside a strip: the selected unit's value, or what stands for the vector. */
import type { Trace } from '../../engine/trace';
import type { Model } from '../../engine/types';
import { tokenLabel } from '../../engine/inputs';
import { fmtValue } from '../../viz/format';
import { classLabel, isTextModel, topClass } from '../../viz/labels';
import { isPerUnit, sourceValues } from '../../viz/sources';

export function stripValueText(trace: Trace, model: Model | null, layer: number, source: string, t: number, unit: number): string {
  const v = sourceValues(trace, layer, source, t);
  if (source === 'probs') {
    const best = topClass(v);
    return `${classLabel(model, best)} ${fmtValue(v[best])}`;
  }
  if (!isPerUnit(layer, source)) {
    if (isTextModel(model)) return `‘${tokenLabel(v.indexOf(1))}’`;
    if (v.length <= 3) return `(${Array.from(v, (x) => fmtValue(x, 2)).join(', ')})`;
    return `${v.length} values`;
  }
  return fmtValue(v[Math.min(unit, v.length - 1)]);
}
