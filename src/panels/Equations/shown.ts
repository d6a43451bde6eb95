/**
 * Which equations are shown for a cursor: the panel typesets them, and Copy as LaTeX (a registered command,
 * app/commands.ts) copies them. One rule for both, so the clipboard holds what the panel shows.
 */
import type { Model } from '../../engine/types';
import type { Trace } from '../../engine/trace';
import { buildEquations, type EquationGroup } from './build';
import { plainLatex } from './latex';

/** The equations of one unit at one timestep, for a cursor clamped to the run (a layer or unit past its end shows its last). */
export interface EquationsAt {
  /** Layer index, from 0. */
  layer: number;
  unit: number;
  /** Timestep index, from 0. */
  t: number;
  /** Every sub-step's group, in order. */
  groups: EquationGroup[];
}

export function equationsAt(trace: Trace, model: Model, at: { layer: number; unit: number; t: number }): EquationsAt {
  const layer = Math.min(at.layer, trace.layout.numLayers - 1);
  const unit = Math.min(at.unit, trace.layout.hiddenSize - 1);
  return { layer, unit, t: at.t, groups: buildEquations(trace, model, layer, at.t, unit) };
}

/**
 * The groups in view: the current sub-step's alone while the user walks through sub-steps (`subFocus`), the
 * whole timestep otherwise. `current`: the sub-step, clamped to the cell's (the cursor's may be another cell's).
 */
export function inFocus(groups: readonly EquationGroup[], sub: number, subFocus: boolean): { current: number; visible: EquationGroup[] } {
  const current = Math.min(sub, Math.max(0, groups.length - 1));
  return { current, visible: subFocus ? groups.filter((g) => g.sub === current) : [...groups] };
}

/** The LaTeX of the equations in view, headed by what they are for (cell, layer, unit, t, sub-step). */
export function latexInView(trace: Trace, eq: EquationsAt, sub: number, subFocus: boolean): string {
  const { current, visible } = inFocus(eq.groups, sub, subFocus);
  const { cell, gruReset, numLayers } = trace.layout;
  return plainLatex(visible, {
    cell, gruReset, numLayers, layer: eq.layer, unit: eq.unit, t: eq.t,
    sub: subFocus ? { index: current, count: eq.groups.length } : undefined,
  });
}
