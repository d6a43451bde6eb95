/** Which parts of the diagram are done, lit or still to come at a sub-step. */
import type { CellKind } from '../../engine/types';
import type { CellGeometry } from '../../viz/geometry';
import { stepState } from '../../cellinfo/substeps';
import { sourceSubStep } from '../../viz/sources';
import type { PartState } from './drawStrips';

export function partStates(g: CellGeometry, cell: CellKind, sub: number, focus: boolean): Map<string, PartState> {
  const out = new Map<string, PartState>();
  for (const part of g.parts) {
    const k = sourceSubStep(cell, part.source);
    out.set(part.source, focus ? stepState(k, sub) : 'idle');
  }
  return out;
}
