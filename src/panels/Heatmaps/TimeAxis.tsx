/**
 * The heatmaps' time axis: round timesteps marked under the rows, where their columns are, for the window
 * shown. A picture for the eye only: the window's text above the rows says the same range in words.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import { timeTicks } from '../../viz/heatmap';
import { fmtInt } from '../../viz/format';

/** Half the widest label ("100,000" in the ticks' font), in pixels. */
const EDGE = 26;

export function TimeAxis({ t0, t1 }: { t0: number; t1: number }) {
  const track = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = track.current;
    if (!el) return;
    const ro = new ResizeObserver(([e]) => setWidth(Math.floor(e.contentRect.width)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return (
    <div className="heatmap-row time-axis" aria-hidden="true">
      <span className="time-axis-label">t</span>
      <div className="time-axis-track" ref={track}>
        {timeTicks(t0, t1, width).map(({ step, frac }) => {
          // A label centred on a mark near an end would stick out of the panel: it starts or ends there.
          const side = frac * width < EDGE ? ' start' : (1 - frac) * width < EDGE ? ' end' : '';
          return <span key={step} className={`time-tick${side}`} style={{ left: `${frac * 100}%` }}>{fmtInt(step)}</span>;
        })}
      </div>
    </div>
  );
}
