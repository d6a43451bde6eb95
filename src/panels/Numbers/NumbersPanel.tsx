/**
 * Every series of the shown layer at the current timestep, as numbers: the plainest view of the trace,
 * and the one a student can check a hand calculation against. It starts with what the step reads (hₜ₋₁,
 * cₜ₋₁, and a stacked layer's input), so that every equation's operands are in it. The selected unit's
 * column is marked; while the user walks the sub-steps, the rows the current one computes are marked and
 * those of later sub-steps are held back, as the diagram holds back their numbers.
 */
import { memo, useDeferredValue, useId, useMemo } from 'react';
import { useSettled } from '../../app/useSettled';
import { keyOf } from '../../app/commands';
import { seriesInfo } from '../../cellinfo/series';
import { inEquationOrder, stepState, subSteps } from '../../cellinfo/substeps';
import { selectUnit } from '../../state/cursor';
import { usePlayback } from '../../state/playback';
import { useRun } from '../../state/run';
import type { Trace } from '../../engine/trace';
import { fmtInt, fmtValue } from '../../viz/format';
import { isPerUnit, sourceSubStep, sourceValues } from '../../viz/sources';
import type { StripSource } from '../../viz/geometry/types';
import { stripSymbol } from '../CellDiagram/stripText';

/** Columns shown around the selected unit when H is too wide for all of them. */
const MAX_COLUMNS = 8;

export default function NumbersPanel() {
  const liveTrace = useRun((r) => r.trace);
  const liveT = useSettled(usePlayback((p) => p.t), usePlayback((p) => p.scrubbing));
  const liveReady = useRun((r) => liveT < r.filled);
  const layer = usePlayback((p) => p.layer);
  const unit = usePlayback((p) => p.unit);
  const sub = usePlayback((p) => p.sub);
  const subFocus = usePlayback((p) => p.subFocus);
  // One deferred snapshot: a new run or step redraws the table in a background render.
  const live = useMemo(
    () => ({ trace: liveTrace, t: liveT, ready: liveReady, layer, unit, walking: subFocus ? sub : null }),
    [liveTrace, liveT, liveReady, layer, unit, sub, subFocus],
  );
  const v = useDeferredValue(live);
  return v.trace ? <ValuesTable trace={v.trace} t={v.t} ready={v.ready} layer={v.layer} unit={v.unit} walking={v.walking} /> : null;
}

interface TableProps {
  trace: Trace;
  t: number;
  ready: boolean;
  layer: number;
  unit: number;
  /** The sub-step being walked through, or null when the whole timestep is shown. */
  walking: number | null;
}

/** One row of the table: a strip's values at the timestep, and the sub-step that computes them (−1: before it). */
interface Row { source: StripSource; symbol: string; name: string; step: number }

/** What a step reads before it computes anything: a stacked layer's input, then the previous states. */
function inputRows(trace: Trace, layer: number): Row[] {
  const rows: Row[] = [];
  if (isPerUnit(layer, 'x')) rows.push({ source: 'x', symbol: stripSymbol(trace, layer, 'x'), name: `hidden state of layer ${layer}, this layer's input`, step: -1 });
  rows.push({ source: 'prev:h', symbol: stripSymbol(trace, layer, 'prev:h'), name: 'hidden state at the step before (the initial state at t = 1)', step: -1 });
  if (trace.layout.cell === 'lstm') rows.push({ source: 'prev:c', symbol: stripSymbol(trace, layer, 'prev:c'), name: 'cell state at the step before (the initial state at t = 1)', step: -1 });
  return rows;
}

const ValuesTable = memo(function ValuesTable({ trace, t, ready, layer, unit, walking }: TableProps) {
  const { layout } = trace;
  const H = layout.hiddenSize;
  const first = Math.max(0, Math.min(unit - Math.floor(MAX_COLUMNS / 2), H - MAX_COLUMNS));
  const units = Array.from({ length: Math.min(H, MAX_COLUMNS) }, (_, k) => first + k);
  const some = units.length < H;
  const titleId = useId();
  const own = layout.series.filter((s) => s.layer === layer).map((s) => s.name);
  const rows: Row[] = [
    ...inputRows(trace, layer),
    ...inEquationOrder(layout.cell, own).map((name) => {
      const info = seriesInfo(layout.cell, name);
      return { source: name, symbol: info.symbol, name: info.name, step: sourceSubStep(layout.cell, name) };
    }),
  ];
  const steps = subSteps(layout.cell);
  const walkingStep = walking !== null && steps.length > 1 ? Math.min(walking, steps.length - 1) : null;
  return (
    <section className="panel numbers" aria-label="Values at this timestep" data-focus-home>
      <h2 className="panel-title" id={titleId}>Values at t = {fmtInt(t + 1)}, layer {layer + 1}</h2>
      {/* Without this, eight columns of a wide layer read as the whole layer. */}
      {some && (
        <p className="numbers-range">
          Units {units[0]}–{units[units.length - 1]} of {H} (0–{H - 1}), around the selected unit {unit}. For others, press <kbd>{keyOf('unit-prev')}</kbd> or <kbd>{keyOf('unit-next')}</kbd>,
          or click a cell on a strip of the diagram.
        </p>
      )}
      {walkingStep !== null && (
        <p className="numbers-range">
          Step {walkingStep + 1} of {steps.length}, {steps[walkingStep].title.toLowerCase()}: its rows are marked ▸; the rows of later steps show … until you reach them.
        </p>
      )}
      {!ready ? (
        <p className="muted">Step {t + 1} is still being computed…</p>
      ) : (
        <div className="table-scroll">
          {/* Named by the title: a screen reader's list of tables had an unnamed one. */}
          <table aria-labelledby={titleId}>
            <thead>
              <tr>
                <th scope="col">series</th>
                {units.map((j) => (
                  <th key={j} scope="col" className={j === unit ? 'selected' : ''}>
                    <button type="button" className="unit-button" aria-pressed={j === unit} onClick={() => selectUnit(j)} data-focus-fallback={j === unit ? '' : undefined}>unit {j}</button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const values = sourceValues(trace, layer, r.source, t);
                const state = walkingStep === null ? undefined : stepState(r.step, walkingStep);
                return (
                  <tr key={r.source} data-series={r.source} data-state={state} className={r.step < 0 ? 'numbers-input' : undefined}>
                    <th scope="row" title={r.name}>
                      {state === 'active' && <span aria-hidden="true">▸ </span>}
                      {r.symbol}
                      {state === 'active' && <span className="visually-hidden"> (computed in this step)</span>}
                    </th>
                    {units.map((j) => (
                      <td key={j} className={j === unit ? 'selected' : ''} data-unit={j}>
                        {state === 'pending'
                          ? <><span aria-hidden="true">…</span><span className="visually-hidden">in step {r.step + 1}</span></>
                          : fmtValue(values[j])}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
});
