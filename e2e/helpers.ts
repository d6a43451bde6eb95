/**
 * Shared pieces of the browser tests. The expected numbers come from the engine run here in Node on the
 * same config and seed: an independent path from the page's worker to the same answer.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { runAll } from '../src/engine/run';
import type { Trace } from '../src/engine/trace';
import type { Model } from '../src/engine/types';
import { DEFAULT_CONFIG, runSpecOf, type Config } from '../src/state/config';
import { buildRun } from '../src/worker/host';
import { trainedModelFromDisk } from '../src/worker/testing/trainedFromDisk';
import { fmtValue } from '../src/viz/format';
import { geometryFor } from '../src/viz/geometry';
import { sourceSubStep } from '../src/viz/sources';
import { stripValueText } from '../src/panels/CellDiagram/stripText';

export function engineTrace(patch: Partial<Config>): Trace {
  return engineRun(patch).trace;
}

/** The engine's model and trace for a config, computed here in Node. */
export function engineRun(patch: Partial<Config>): { trace: Trace; model: Model } {
  const spec = runSpecOf({ ...DEFAULT_CONFIG, ...patch });
  const { model, seq } = buildRun(spec, spec.weights === 'trained' ? trainedModelFromDisk(spec.model.cell) : undefined);
  return { trace: runAll(model, seq), model };
}

/** The query string for a config patch (as the page's URL table spells it). */
export function query(patch: Record<string, string | number>): string {
  return `?${new URLSearchParams(Object.entries(patch).map(([k, v]) => [k, String(v)])).toString()}`;
}

/** Waits until the run has streamed to the end. */
export async function waitForRun(page: Page): Promise<void> {
  await expect(page.getByRole('status').first()).toContainText('all in', { timeout: 30_000 });
}

/** What the page writes for a trace value. */
export const shown = (v: number) => fmtValue(v);


/** Every value label on the diagram (in `scope`), by data-source. */
export async function diagramValues(scope: Page | Locator): Promise<Record<string, string>> {
  return scope.locator('.diagram-top [data-source]').evaluateAll((parts) =>
    Object.fromEntries(parts.map((p) => [(p as SVGElement).dataset.source!, p.querySelector('.value')?.textContent ?? ''])));
}

/** What the diagram should write on each part at a cursor ('…' for a part whose sub-step is still to come). */
export function expectedDiagramValues(
  trace: Trace, model: Model, c: { t: number; sub: number; focus: boolean; unit: number; layer: number },
): Record<string, string> {
  const g = geometryFor(trace.layout, c.layer === trace.layout.numLayers - 1);
  const expected: Record<string, string> = {};
  for (const part of g.parts) {
    const pending = c.focus && sourceSubStep(trace.layout.cell, part.source) > c.sub;
    expected[part.source] = pending ? '…' : stripValueText(trace, model, c.layer, part.source, c.t, c.unit);
  }
  return expected;
}
