/**
 * One series as a units × time heatmap on a canvas. The picture is repainted only when the data, the
 * window or the colours change (by painter.ts, in slices); the selected unit's marks are two small
 * elements and the cursor is one line across all rows (HeatmapsPanel), so playing or scrubbing never
 * repaints the heatmap itself.
 */
import { memo, useCallback, useEffect, useId, useLayoutEffect, useRef, useState, useSyncExternalStore, type PointerEvent } from 'react';
import { FloatingTip } from '../../app/FloatingTip';
import type { Trace } from '../../engine/trace';
import { seek, selectUnit, unitBy } from '../../state/cursor';
import { useView } from '../../state/view';
import { useOnScreen } from '../../app/useOnScreen';
import { useEffectiveTheme } from '../../app/theme';
import { domainText, seriesDomain, type Normalisation } from '../../viz/domains';
import { fmtInt, fmtValue, plural } from '../../viz/format';
import { panWindow, pictureRows, stepAt, unitAt } from '../../viz/heatmap';
import { useUnitMarks, useWheelZoom } from './rowHooks';
import { ProbeText } from './ProbeText';
import { stepsShown } from '../../state/timeWindow';
import { createHeatmapPainter } from './painter';
import { onPresenterGeneration, presenterGeneration } from './surface';

interface Props {
  trace: Trace;
  /** Index of the series in the trace: a layer's series, so its rows are that layer's units. */
  k: number;
  label: string;
  name: string;
  filled: number;
  window: [number, number];
  norm: Normalisation;
  height: number;
  /** Colour of steps not computed yet, packed ABGR. */
  blank: number;
}

/** Half the size of the crosshair pointer's middle, kept clear by the hover tip. */
const CROSSHAIR = 4;

export const HeatmapRow = memo(function HeatmapRow({ trace, k, label, name, filled, window: [t0, t1], norm, height, blank }: Props) {
  const wrap = useRef<HTMLDivElement>(null);
  const picture = useRef<HTMLCanvasElement>(null);
  const [width, setWidth] = useState(0);
  // The hover tip, at the pointer in viewport pixels: drawn over the page (FloatingTip), since this box
  // hides its overflow and a tip inside it was cut off over the top unit or near the right end.
  const [tip, setTip] = useState<{ x: number; y: number; text: string } | null>(null);
  const hideTip = useCallback(() => setTip(null), []);
  const drag = useRef<{ x: number; t0: number; t1: number; moved: boolean } | null>(null);
  // Focused, the row says the value at the cursor for the selected unit (ProbeText), and ↑ ↓ pick the unit.
  const [focused, setFocused] = useState(false);
  const probeId = useId();
  const H = trace.layout.series[k].width;
  const T = trace.layout.steps;
  /** The picture's pixel rows: what it paints, and what the pointer reads a unit from. */
  const rows = pictureRows(height, H);

  useLayoutEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const ro = new ResizeObserver(([e]) => setWidth(Math.floor(e.contentRect.width)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // The picture: one pixel per screen pixel (capped by the number of units and steps shown), painted in
  // slices by the painter; `filled` changing only means new columns. A row off screen waits: once
  // scrolled to, it catches up on whatever changed meanwhile (in slices, as every paint).
  const onScreen = useOnScreen(wrap);
  const theme = useEffectiveTheme();
  const painter = useRef<ReturnType<typeof createHeatmapPainter> | null>(null);
  // A new canvas, and a painter for it, if the worker drawing the old one fails (see surface.ts).
  const generation = useSyncExternalStore(onPresenterGeneration, presenterGeneration);
  useEffect(() => {
    const c = picture.current;
    if (!c) return;
    painter.current = createHeatmapPainter(c);
    return () => painter.current?.dispose();
  }, [generation]);
  useEffect(() => {
    if (width === 0 || !onScreen) return;
    painter.current?.update({
      trace, k, t0, t1, blank, domain: seriesDomain(trace, k, norm), theme,
      w: Math.max(1, Math.min(width, Math.ceil(t1 - t0))), h: rows,
    });
  }, [trace, k, filled, t0, t1, norm, width, rows, blank, generation, onScreen, theme]);

  // While this row has the keyboard, its value line speaks for the step, and the diagram's keeps quiet
  // (both had said "t = 2, unit 0" at each arrow key). Unmounted with the focus (L), it gives the line back.
  useEffect(() => {
    if (!focused) return;
    useView.setState({ probing: true });
    return () => useView.setState({ probing: false });
  }, [focused]);

  const marks = useRef<HTMLDivElement>(null);
  useUnitMarks(marks, H);
  const [first, last] = stepsShown([t0, t1]);
  useWheelZoom(wrap, t0, t1, T);

  const at = (e: PointerEvent<HTMLElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const x = e.clientX - r.left;
    const y = e.clientY - r.top;
    const t = stepAt(x, r.width, t0, t1);
    const j = unitAt(y / r.height, rows, H);
    return { x, y, t, j };
  };

  return (
    <div className="heatmap-row">
      {/* Under the symbol, the colour scale's range: per series, each row's own (cₜ's ±2 is not aᶠ's ±5). */}
      <div className="heatmap-label" title={name}>{label}<span className="heatmap-range">{domainText(seriesDomain(trace, k, norm))}</span></div>
      <div
        ref={wrap}
        className="heatmap-canvas"
        style={{ height }}
        // An application, not an img: a screen reader in browse mode keeps the arrow keys of an image for
        // itself, and the row's own keys (← → step, ↑ ↓ unit) never arrived.
        role="application"
        aria-roledescription="heatmap"
        tabIndex={0}
        aria-describedby={focused ? probeId : undefined}
        aria-keyshortcuts="ArrowLeft ArrowRight ArrowUp ArrowDown"
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        onKeyDown={(e) => {
          if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
          e.preventDefault(); // the row's own keys: not the page's, nor a scroll
          unitBy(e.key === 'ArrowUp' ? -1 : 1);
        }}
        aria-label={`${name} over time: ${plural(H, 'unit')} × ${plural(last - first + 1, 'timestep')}, t = ${fmtInt(first)}${last > first ? ` to ${fmtInt(last)}` : ''}`}
        onPointerDown={(e) => {
          drag.current = { x: e.clientX, t0, t1, moved: false };
          e.currentTarget.setPointerCapture(e.pointerId);
        }}
        onPointerMove={(e) => {
          const d = drag.current;
          if (d) {
            const dx = e.clientX - d.x;
            if (Math.abs(dx) > 3) d.moved = true;
            if (d.moved) {
              // A pan moves the picture under a still tip: it goes, and the next hover brings it back.
              setTip(null);
              const r = e.currentTarget.getBoundingClientRect();
              useView.setState({ heatmapWindow: panWindow(d.t0, d.t1, (-dx / r.width) * (d.t1 - d.t0), T) });
              return;
            }
          }
          const p = at(e);
          // trace.filled, not the `filled` prop: the prop is paced and may lag the trace it is drawn from.
          if (p.t < 0 || p.t >= trace.filled) return setTip(null);
          const v = trace.value(k, p.t, p.j);
          setTip({ x: e.clientX, y: e.clientY, text: `${name} · t = ${fmtInt(p.t + 1)} · unit ${p.j} · ${fmtValue(v)}` });
        }}
        onPointerUp={(e) => {
          const d = drag.current;
          drag.current = null;
          if (d && !d.moved) {
            const p = at(e);
            if (p.t >= 0 && p.t < trace.filled) {
              seek(p.t);
              selectUnit(p.j);
            }
          }
        }}
        onPointerLeave={hideTip}
        onPointerCancel={() => { drag.current = null; }}
        onLostPointerCapture={() => { drag.current = null; }}
      >
        <canvas key={generation} ref={picture} className="heatmap-picture" />
        {focused && <ProbeText id={probeId} trace={trace} k={k} />}
        <div ref={marks} className="heatmap-unit-marks" aria-hidden="true">
          <svg viewBox="0 0 10 14" className="heatmap-unit-mark left"><path d="M1 1 L9 7 L1 13 Z" /></svg>
          <svg viewBox="0 0 10 14" className="heatmap-unit-mark right"><path d="M9 1 L1 7 L9 13 Z" /></svg>
        </div>
        {tip && (
          // Anchored on the crosshair's middle, not its point, so that the tip never covers the spot read.
          <FloatingTip className="heatmap-tip" align="after" anchor={{ left: tip.x - CROSSHAIR, top: tip.y - CROSSHAIR, right: tip.x + CROSSHAIR, bottom: tip.y + CROSSHAIR }} onStale={hideTip}>
            {tip.text}
          </FloatingTip>
        )}
      </div>
    </div>
  );
});
