/**
 * What the diagram on screen shows, as last painted. CellDiagram writes it at each paint; saveImage.ts
 * pictures the diagram from it, so that the image and its name are of the step on screen (during playback
 * the stores are already further on). It hands over the painter too: saveImage.ts, a chunk of its own,
 * importing drawStrips had split the modules it shares with the page into five small chunks of their own.
 */
export interface ShownDiagram {
  /** Paints the strips as on screen into a canvas the size of the diagram's box, at `dpr` pixels per CSS pixel. */
  paintStrips(ctx: CanvasRenderingContext2D, dpr: number): void;
  /** Where the drawing sits in its box (CSS pixels per diagram unit, and its origin), and its height in diagram units. */
  fit: { scale: number; offsetX: number; offsetY: number; height: number };
  cell: string;
  hiddenSize: number;
  numLayers: number;
  /** The step, unit and layer shown (from 0). */
  t: number;
  unit: number;
  layer: number;
  /** The sub-step walked (from 0), or null for the whole timestep. */
  step: number | null;
}

export const shownDiagram: { current: ShownDiagram | null } = { current: null };

/** Said when there is nothing to picture yet (no run on screen, or no diagram drawn). */
export const NO_DIAGRAM = 'There is no diagram to save yet';
