/**
 * The input sequence with the cursor on it: the characters of a text model, or the input signal's
 * dimensions as lines. Clicking a position moves the cursor there.
 */
import { line } from 'd3-shape';
import { scaleLinear } from 'd3-scale';
import { memo, useDeferredValue, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { tokenLabel } from '../../engine/inputs';
import type { Trace } from '../../engine/trace';
import { seek } from '../../state/cursor';
import { usePlayback } from '../../state/playback';
import { useRun } from '../../state/run';
import { isTextModel } from '../../viz/labels';

/** Characters shown at once around the cursor. */
const TOKEN_WINDOW = 48;

function Tokens({ trace, t }: { trace: Trace; t: number }) {
  const k = trace.index('x');
  const T = trace.layout.steps;
  const start = Math.max(0, Math.min(t - Math.floor(TOKEN_WINDOW / 2), T - TOKEN_WINDOW));
  const shown = Array.from({ length: Math.min(TOKEN_WINDOW, T) }, (_, k) => start + k);
  const idOf = (s: number) => (s < trace.filled ? trace.row(k, s).indexOf(1) : -1);
  return (
    <div className="tokens" aria-label={`Input text: ${t < trace.filled ? `character ${t + 1} of ${T} is ‘${tokenLabel(idOf(t))}’` : `character ${t + 1} of ${T} is not computed yet`}`} role="group">
      {start > 0 && <span className="token-more">…</span>}
      {shown.map((s) => (
        <span key={s} className={`token${s === t ? ' current' : s < t ? ' past' : ''}`} onClick={() => seek(s)} aria-hidden="true">
          {s < trace.filled ? tokenLabel(idOf(s)) : '·'}
        </span>
      ))}
      {start + TOKEN_WINDOW < T && <span className="token-more">…</span>}
    </div>
  );
}

/** Min/max of each dimension per pixel column: a faithful envelope of 100,000 steps in a few hundred points. */
function envelope(trace: Trace, width: number) {
  const k = trace.index('x');
  const I = trace.layout.inputSize;
  const T = trace.layout.steps;
  const cols = Math.max(1, Math.min(T, Math.floor(width)));
  const D = Math.min(I, 6);
  // Per column and dimension: min and max over the column's timesteps.
  const mn = new Float64Array(cols * D).fill(Infinity);
  const mx = new Float64Array(cols * D).fill(-Infinity);
  trace.forEachRun(k, (data, t0, steps) => {
    for (let s = 0; s < steps; s++) {
      const c = Math.min(cols - 1, Math.floor(((t0 + s) * cols) / T));
      for (let d = 0; d < D; d++) {
        const v = data[s * I + d];
        if (v < mn[c * D + d]) mn[c * D + d] = v;
        if (v > mx[c * D + d]) mx[c * D + d] = v;
      }
    }
  });
  let lo = Infinity;
  let hi = -Infinity;
  const dims = Array.from({ length: D }, (_, d) => {
    const pts: Array<[number, number]> = [];
    for (let c = 0; c < cols; c++) {
      const a = mn[c * D + d];
      const b = mx[c * D + d];
      if (!Number.isFinite(a)) break;
      const t = Math.floor((c * T) / cols);
      pts.push([t, a]);
      if (b !== a) pts.push([Math.min(T - 1, Math.floor(((c + 1) * T) / cols) - 1), b]);
      lo = Math.min(lo, a);
      hi = Math.max(hi, b);
    }
    return pts;
  });
  return { dims, lo: Number.isFinite(lo) ? lo : -1, hi: Number.isFinite(hi) ? hi : 1 };
}

const LINE_COLOURS = ['#1f77b4', '#e66100', '#5d3a9b', '#1a9850', '#b2182b', '#666666'];

const HEIGHT = 92;

/** The lines and their legend: the costly part, redrawn only for a new trace, new data or a new width. */
const SignalLines = memo(function SignalLines({ trace, filled, width }: { trace: Trace; filled: number; width: number }) {
  const T = trace.layout.steps;
  const env = useMemo(() => envelope(trace, width), [trace, width, filled]); // eslint-disable-line react-hooks/exhaustive-deps
  const x = scaleLinear().domain([0, Math.max(1, T - 1)]).range([4, width - 4]);
  const pad = (env.hi - env.lo) * 0.08 || 0.5;
  const y = scaleLinear().domain([env.lo - pad, env.hi + pad]).range([HEIGHT - 4, 4]);
  const path = line<[number, number]>().x((d) => x(d[0])).y((d) => y(d[1]));
  const I = trace.layout.inputSize;
  return (
    <>
      <svg width={width} height={HEIGHT} aria-hidden="true">
        <line x1={0} x2={width} y1={y(0)} y2={y(0)} className="axis-zero" />
        {env.dims.map((pts, k) => <path key={k} d={path(pts) ?? ''} fill="none" stroke={LINE_COLOURS[k]} strokeWidth={1.5} />)}
      </svg>
      <div className="signal-legend">
        {env.dims.map((_, d) => <span key={d}><i style={{ background: LINE_COLOURS[d] }} />x[{d}]</span>)}
        {I > 6 && <span className="muted">+{I - 6} more dimensions (see the heatmaps)</span>}
      </div>
    </>
  );
});

function SignalChart({ trace, t, filled }: { trace: Trace; t: number; filled: number }) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(600);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(([e]) => setWidth(Math.max(100, e.contentRect.width)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  // A new run or new data redraws the lines in a background render; the cursor follows at once.
  const lines = useDeferredValue(useMemo(() => ({ trace, filled }), [trace, filled]));
  const T = trace.layout.steps;
  const xOf = (s: number) => 4 + (s / Math.max(1, T - 1)) * (width - 8);
  const I = trace.layout.inputSize;
  return (
    <div
      ref={box}
      className="signal"
      role="img"
      aria-label={`Input signal: ${I} dimension${I > 1 ? 's' : ''} over ${T} timesteps; the cursor is at step ${t + 1}`}
      onClick={(e) => {
        const r = e.currentTarget.getBoundingClientRect();
        seek(Math.round(((e.clientX - r.left - 4) / (width - 8)) * Math.max(1, T - 1)));
      }}
    >
      {/* The cursor is its own layer: moving it every frame must not repaint the lines. */}
      <div className="signal-cursor" style={{ transform: `translateX(${xOf(t)}px)`, height: HEIGHT }} aria-hidden="true" />
      <SignalLines trace={lines.trace} filled={lines.filled} width={width} />
    </div>
  );
}

export function SequencePanel() {
  const trace = useRun((r) => r.trace);
  const model = useRun((r) => r.model);
  const filled = useRun((r) => r.filled);
  const t = usePlayback((p) => p.t);
  if (!trace) return null;
  return (
    <section className="panel sequence" aria-label="Input sequence">
      <h2 className="panel-title">Input xₜ</h2>
      {isTextModel(model) ? <Tokens trace={trace} t={t} /> : <SignalChart trace={trace} t={t} filled={filled} />}
    </section>
  );
}
