/**
 * A heatmap row explored by keyboard: while it has the focus, this says the value at the cursor's step for
 * the selected unit, as the hover tip does for the pointer, and says it again as either moves (← → step,
 * ↑ ↓ pick the unit). Rendered only while the row is focused, so that rows never follow the cursor
 * otherwise; silent while playing, where a value a frame would flood a screen reader.
 */
import type { Trace } from '../../engine/trace';
import { usePlayback } from '../../state/playback';
import { useRun } from '../../state/run';
import { fmtInt, fmtValue } from '../../viz/format';

export function ProbeText({ id, trace, k }: { id: string; trace: Trace; k: number }) {
  const t = usePlayback((p) => p.t);
  const unit = usePlayback((p) => p.unit);
  const playing = usePlayback((p) => p.playing);
  const arrived = useRun((r) => t < r.filled);
  const j = Math.min(unit, trace.layout.series[k].width - 1);
  const text = playing ? '' : `t = ${fmtInt(t + 1)}, unit ${j}: ${arrived ? fmtValue(trace.value(k, t, j)) : 'not computed yet'}`;
  return <span id={id} className="visually-hidden" aria-live="polite">{text}</span>;
}
