/**
 * The heatmaps' time axis: round timesteps marked under the rows, where their columns are, for the window
 * shown. A picture for the eye only: the window's text above the rows says the same range in words.
 */
import { tickLabelWidth, timeTicks } from '../../viz/timeTicks';
import { fmtInt } from '../../viz/format';

/** `width`: the heatmaps' pictures' width in CSS pixels, which the track under them has too. */
export function TimeAxis({ t0, t1, width }: { t0: number; t1: number; width: number }) {
  return (
    <div className="heatmap-row time-axis" aria-hidden="true">
      <span className="time-axis-label">t</span>
      <div className="time-axis-track">
        {timeTicks(t0, t1, width).map(({ step, frac }) => {
          // A label centred on a mark near an end would stick out of the panel: it starts or ends there.
          const half = tickLabelWidth(step) / 2;
          const side = frac * width < half ? ' start' : (1 - frac) * width < half ? ' end' : '';
          return <span key={step} className={`time-tick${side}`} style={{ left: `${frac * 100}%` }}>{fmtInt(step)}</span>;
        })}
      </div>
    </div>
  );
}
