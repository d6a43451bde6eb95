/**
 * What the diagram on screen shows, as last painted: the strips' paint (see drawStrips) and the sub-step
 * walked, if any. CellDiagram writes it at each paint; saveImage.ts pictures the diagram from it, so that
 * the image and its name are of the step on screen (during playback the stores are already further on).
 */
import type { StripPaint } from './drawStrips';

export interface ShownDiagram {
  /** The strips as painted: the trace, the step, the unit, the layer, the theme. */
  strips: StripPaint;
  /** The sub-step walked (from 0), or null for the whole timestep. */
  step: number | null;
}

export const shownDiagram: { current: ShownDiagram | null } = { current: null };

/** Said when there is nothing to picture yet (no run on screen, or no diagram drawn). */
export const NO_DIAGRAM = 'There is no diagram to save yet';
