/**
 * Every series of the shown layer at the current timestep, as numbers: the plainest view of the trace,
 * and the one a student can check a hand calculation against. The selected unit's column is marked.
 */
import { memo, useDeferredValue, useId, useMemo } from 'react';
import { useSettled } from '../../app/useSettled';
import { keyOf } from '../../app/commands';
import { seriesInfo } from '../../cellinfo/series';
import { inEquationOrder } from '../../cellinfo/substeps';
import { selectUnit } from '../../state/cursor';
import { usePlayback } from '../../state/playback';
import { useRun } from '../../state/run';
import type { Trace } from '../../engine/trace';
import { fmtValue } from '../../viz/format';
import { fmtInt } from '../../viz/format';

/** Columns shown around the selected unit when H is too wide for all of them. */
const MAX_COLUMNS = 8;

export default function NumbersPanel() {
  const liveTrace = useRun((r) => r.trace);
  const liveT = useSettled(usePlayback((p) => p.t), usePlayback((p) => p.scrubbing));
  const liveReady = useRun((r) => liveT < r.filled);
  const layer = usePlayback((p) => p.layer);
  const unit = usePlayback((p) => p.unit);
  // One deferred snapshot: a new run or step redraws the table in a background render.
  const live = useMemo(() => ({ trace: liveTrace, t: liveT, ready: liveReady, layer, unit }), [liveTrace, liveT, liveReady, layer, unit]);
  const v = useDeferredValue(live);
  return v.trace ? <ValuesTable trace={v.trace} t={v.t} ready={v.ready} layer={v.layer} unit={v.unit} /> : null;
}

interface TableProps { trace: Trace; t: number; ready: boolean; layer: number; unit: number }

const ValuesTable = memo(function ValuesTable({ trace, t, ready, layer, unit }: TableProps) {
  const { layout } = trace;
  const H = layout.hiddenSize;
  const first = Math.max(0, Math.min(unit - Math.floor(MAX_COLUMNS / 2), H - MAX_COLUMNS));
  const units = Array.from({ length: Math.min(H, MAX_COLUMNS) }, (_, k) => first + k);
  const some = units.length < H;
  const titleId = useId();
  const own = layout.series.map((s, k) => ({ s, k })).filter(({ s }) => s.layer === layer);
  const order = inEquationOrder(layout.cell, own.map(({ s }) => s.name));
  const rows = order.map((name) => own.find(({ s }) => s.name === name)!);
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
              {rows.map(({ s, k }) => {
                const row = trace.row(k, t);
                return (
                  <tr key={s.key} data-series={s.name}>
                    <th scope="row" title={seriesInfo(layout.cell, s.name).name}>{seriesInfo(layout.cell, s.name).symbol}</th>
                    {units.map((j) => (
                      <td key={j} className={j === unit ? 'selected' : ''} data-unit={j}>{fmtValue(row[j])}</td>
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
