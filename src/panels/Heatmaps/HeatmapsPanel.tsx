/**
 * Every gate and state of the shown layer over time, as units × time heatmaps that share one time
 * window (zoom with Ctrl+wheel, or the buttons and keys of the zoom commands; drag to pan), the cursor and
 * the selected unit.
 */
import { useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { seriesInfo } from '../../cellinfo/series';
import { inEquationOrder } from '../../cellinfo/substeps';
import { seriesKey } from '../../engine/trace';
import { usePlayback } from '../../state/playback';
import { useRun } from '../../state/run';
import { useView } from '../../state/view';
import { shownWindow, stepsShown } from '../../state/timeWindow';
import { CommandButton } from '../../app/CommandButton';
import { keyOf } from '../../app/commands';
import { TimeAxis } from './TimeAxis';
import { HeatmapRow } from './HeatmapRow';
import { fmtInt } from '../../viz/format';
import { useThrottled } from '../../app/useSettled';
import { TitleParts } from '../TitleParts';

/** Steps still being computed: a mid grey that reads as "nothing yet" on both themes (packed ABGR). */
const NOT_YET = ((255 << 24) | (0x8a << 16) | (0x84 << 8) | 0x80) >>> 0;

export default function HeatmapsPanel() {
  // A new run re-lays the rows out in a background render (their canvases repaint in slices anyway).
  const trace = useDeferredValue(useRun((r) => r.trace));
  // While a run streams, the heatmaps take in new timesteps a few times a second: each repaint means
  // uploading every changed canvas, and without a GPU that is what would make frames long.
  const filled = useThrottled(useRun((r) => r.filled), useRun((r) => r.status === 'running') ? 400 : 0);
  const layer = usePlayback((p) => p.layer);
  const norm = useView((v) => v.heatmapNorm);
  const win = useView((v) => v.heatmapWindow);
  const chosen = useView((v) => v.heatmapSeries);
  const layout = trace?.layout;
  const T = layout?.steps ?? 1;
  const shownLayer = layout ? Math.min(layer, layout.numLayers - 1) : 0;

  // The window can't outlive a run of a different length.
  const timeWindow = useMemo(() => shownWindow(win, T), [win, T]);

  // Keep the cursor in view while playing or stepping past the window's edge.
  useEffect(() => usePlayback.subscribe((s, prev) => {
    if (s.t === prev.t) return;
    const w = useView.getState().heatmapWindow;
    if (!w || (s.t >= w[0] && s.t < w[1])) return;
    const span = w[1] - w[0];
    const a = Math.max(0, Math.min(T - span, s.t - span * 0.1));
    useView.setState({ heatmapWindow: [a, a + span] });
  }), [T]);

  // The cursor: one line over all rows, moved with a transform straight from the store (no re-render).
  const rowsRef = useRef<HTMLDivElement>(null);
  const cursorRef = useRef<HTMLDivElement>(null);
  // Where the canvases sit, measured when their size changes, never while the cursor moves (reading
  // offsetLeft on every step would force a layout each time).
  const geometry = useRef({ left: 0, width: 0 });
  // The same width as state, for what is drawn from it (the time axis, the "sampled" note): it changes
  // only when the page's layout does, never as the cursor moves.
  const [plotWidth, setPlotWidth] = useState(0);
  const [t0, t1] = timeWindow;
  useLayoutEffect(() => {
    const rows = rowsRef.current;
    const line = cursorRef.current;
    if (!rows || !line) return;
    const place = () => {
      const { left, width } = geometry.current;
      const x = ((usePlayback.getState().t + 0.5 - t0) / (t1 - t0)) * width;
      line.style.transform = `translateX(${left + x}px)`;
      line.style.visibility = width > 0 && x >= 0 && x <= width ? 'visible' : 'hidden';
    };
    const firstCanvas = () => rows.querySelector<HTMLElement>('.heatmap-canvas'); // rows come and go with the chips
    const measure = () => {
      const canvas = firstCanvas();
      geometry.current = canvas ? { left: canvas.offsetLeft, width: canvas.clientWidth } : { left: 0, width: 0 };
      setPlotWidth(geometry.current.width);
      place();
    };
    // Measured when the observers first report, after the next layout, and not here: reading offsetLeft
    // in a commit pulls the page's whole layout into the commit's task, 25–45 ms when these panels first
    // appear, which is often just as the first run starts to stream.
    place();
    const ro = new ResizeObserver(measure);
    ro.observe(rows);
    const canvas = firstCanvas();
    if (canvas) ro.observe(canvas); // its left edge moves when the labels beside it change width
    const unsubscribe = usePlayback.subscribe((s, prev) => { if (s.t !== prev.t) place(); });
    return () => { ro.disconnect(); unsubscribe(); };
  }, [t0, t1, trace]);

  if (!trace || !layout) return null;
  const names = inEquationOrder(layout.cell, layout.series.filter((s) => s.layer === shownLayer).map((s) => s.name));
  const selected = chosen[layout.cell];
  const toggle = (n: string) =>
    useView.setState({ heatmapSeries: { ...chosen, [layout.cell]: selected.includes(n) ? selected.filter((x) => x !== n) : names.filter((x) => selected.includes(x) || x === n) } });
  const rows = names.filter((n) => selected.includes(n));
  const H = layout.hiddenSize;
  const height = Math.max(40, Math.min(112, H * 7));
  const span = timeWindow[1] - timeWindow[0];
  const [first, last] = stepsShown(timeWindow);

  return (
    <section className="panel heatmaps" aria-label="Heatmaps over time">
      <header className="heatmaps-head">
        <h2 className="panel-title"><TitleParts parts={['Over time', layout.numLayers > 1 && `layer ${shownLayer + 1}`]} /></h2>
        <div className="chips" role="group" aria-label="Series shown">
          {names.map((n) => {
            const { symbol, name } = seriesInfo(layout.cell, n);
            // The name starts with what the chip shows, so that a voice command naming it finds it.
            return (
              <button key={n} type="button" className="chip" aria-pressed={selected.includes(n)} onClick={() => toggle(n)} title={name} aria-label={`${symbol}, ${name}`}>
                {symbol}
              </button>
            );
          })}
        </div>
        <div className="segmented" role="group" aria-label="Colour scale of unbounded series">
          {(['series', 'global'] as const).map((n) => (
            <button key={n} type="button" aria-pressed={norm === n} className="seg" onClick={() => useView.setState({ heatmapNorm: n })}>
              {n === 'series' ? 'scale per series' : 'one shared scale'}
            </button>
          ))}
        </div>
        <div className="zoom" role="group" aria-label="Time window">
          <CommandButton id="time-zoom-out">−</CommandButton>
          <CommandButton id="time-zoom-in">+</CommandButton>
          <CommandButton id="time-all" className="text-button">all</CommandButton>
          <span className="muted window-text">
            t {fmtInt(first)}–{fmtInt(last)}
            {/* More steps than pixel columns: each column shows one of its steps (see paintHeatmap). */}
            {span > (plotWidth || 1500) ? ' (sampled: zoom in to see every step)' : ''}
          </span>
        </div>
      </header>
      <div className="heatmap-rows" ref={rowsRef}>
        <div className="heatmap-cursor" ref={cursorRef} aria-hidden="true" />
        {rows.map((n) => {
          const k = trace.index(seriesKey(shownLayer, n));
          return (
            <HeatmapRow key={`${layout.cell}-${n}`} trace={trace} k={k} label={seriesInfo(layout.cell, n).symbol} name={seriesInfo(layout.cell, n).name}
              filled={filled} window={timeWindow} norm={norm} height={height} blank={NOT_YET} />
          );
        })}
        {rows.length === 0 && <p className="muted">Pick a series above.</p>}
      </div>
      {/* Below the rows, not among them: the cursor's line, as tall as the rows, would strike its labels through. */}
      {rows.length > 0 && <TimeAxis t0={t0} t1={t1} width={plotWidth} />}
      <p className="heatmaps-foot muted">Rows: units 0–{H - 1} top to bottom · columns: time · click to move there · Ctrl+wheel (or {keyOf('time-zoom-in')}, {keyOf('time-zoom-out')}) to zoom, drag to pan.</p>
    </section>
  );
}
