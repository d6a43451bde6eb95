/**
 * The input sequence with the cursor on it: the characters of a text model, or the input signal's
 * dimensions as lines. Clicking a position moves the cursor there.
 */
import { scaleLinear } from 'd3-scale';
import { memo, useDeferredValue, useId, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { tokenLabel } from '../../engine/inputs';
import type { Trace } from '../../engine/trace';
import { seek } from '../../state/cursor';
import { usePlayback } from '../../state/playback';
import { useRun } from '../../state/run';
import { fmtValue, plural } from '../../viz/format';
import { isTextModel } from '../../viz/labels';
import { useThrottled } from '../../app/useSettled';
import { tokenWindow } from './tokenWindow';
import { fmtInt } from '../../viz/format';

/** Slots assumed before the strip is first measured (it is measured before it is painted). */
const FIRST_GUESS_SLOTS = 24;

/**
 * How many equal slots fit in the strip: its width over a token's width plus the gap. Tokens and
 * ellipses are one fixed width in styles.css, so one measurement holds for all of them.
 */
function useSlots(box: RefObject<HTMLDivElement | null>): number {
  const [slots, setSlots] = useState(FIRST_GUESS_SLOTS);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => {
      const token = el.querySelector<HTMLElement>('.token');
      if (!token) return;
      const gap = parseFloat(getComputedStyle(el).columnGap) || 0;
      const slot = token.getBoundingClientRect().width + gap;
      if (slot > 0) setSlots(Math.max(1, Math.floor((el.clientWidth + gap) / slot)));
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [box]);
  return slots;
}

function Tokens({ trace, t }: { trace: Trace; t: number }) {
  const k = trace.index('x');
  const T = trace.layout.steps;
  const box = useRef<HTMLDivElement>(null);
  const { start, end, before, after } = tokenWindow(t, T, useSlots(box));
  const shown = Array.from({ length: end - start }, (_, k) => start + k);
  const idOf = (s: number) => (s < trace.filled ? trace.row(k, s).indexOf(1) : -1);
  return (
    <div ref={box} className="tokens" aria-label={`Input text: ${t < trace.filled ? `character ${t + 1} of ${T} is ‘${tokenLabel(idOf(t))}’` : `character ${t + 1} of ${T} is not computed yet`}`} role="group">
      {before && <span className="token-more" title={`${start} earlier character${start > 1 ? 's' : ''}`}>…</span>}
      {shown.map((s) => (
        <span key={s} className={`token${s === t ? ' current' : s < t ? ' past' : ''}`} onClick={() => seek(s)} aria-hidden="true">
          {s < trace.filled ? tokenLabel(idOf(s)) : '·'}
        </span>
      ))}
      {after && <span className="token-more" title={`${T - end} more character${T - end > 1 ? 's' : ''}`}>…</span>}
    </div>
  );
}

/**
 * Min/max of each dimension per pixel column: a faithful envelope of 100,000 steps in a few hundred
 * points. mn/mx are cols × D (±Infinity where a column has no data yet).
 */
function envelope(trace: Trace, width: number) {
  const k = trace.index('x');
  const I = trace.layout.inputSize;
  const T = trace.layout.steps;
  const cols = Math.max(1, Math.min(T, Math.floor(width)));
  const D = Math.min(I, LINES);
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
  for (let i = 0; i < cols * D; i++) {
    if (mn[i] < lo) lo = mn[i];
    if (mx[i] > hi) hi = mx[i];
  }
  const any = Number.isFinite(lo);
  return { cols, D, T, mn, mx, any, lo: any ? lo : -1, hi: any ? hi : 1 };
}

/** Dimensions drawn as lines; the values of all are listed under the chart. */
const LINES = 6;

type Envelope = ReturnType<typeof envelope>;

/**
 * Okabe and Ito's palette, told apart with every common colour-vision deficiency, in an order whose
 * first four (I is rarely more) keep at least 3:1 contrast on both the light and the dark panel.
 */
const LINE_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];

const HEIGHT = 92;
/** Room left of the plot for the y-axis's labels (−12.345 in the tick font). */
const AXIS = 52;

/** Where step s is drawn, in pixels from the chart's left edge; the cursor and clicks use it too. */
function xScale(T: number, width: number) {
  return scaleLinear().domain([0, Math.max(1, T - 1)]).range([AXIS, width - 4]);
}

/** The vertical scale: the lines' range with a margin, so that no line runs along the chart's edge. */
function yScale(env: Envelope) {
  const pad = (env.hi - env.lo) * 0.08 || 0.5;
  return scaleLinear().domain([env.lo - pad, env.hi + pad]).range([HEIGHT - 4, 4]);
}

/** One dimension of the envelope as an SVG path, in pixels rounded to 0.1 (short strings, little garbage). */
function envelopePath(env: Envelope, d: number, x: (t: number) => number, y: (v: number) => number): string {
  const parts: string[] = [];
  const r = (v: number) => Math.round(v * 10) / 10;
  for (let c = 0; c < env.cols; c++) {
    const a = env.mn[c * env.D + d];
    const b = env.mx[c * env.D + d];
    if (!Number.isFinite(a)) break;
    parts.push(`${c === 0 ? 'M' : 'L'}${r(x(Math.floor((c * env.T) / env.cols)))},${r(y(a))}`);
    if (b !== a) parts.push(`L${r(x(Math.min(env.T - 1, Math.floor(((c + 1) * env.T) / env.cols) - 1)))},${r(y(b))}`);
  }
  return parts.join('');
}

/**
 * The lines and the y-axis: the costly part, redrawn only for a new trace, new data or a new width.
 * SVG, not a canvas: without a GPU, Chromium strokes a canvas's paths on the main thread, an SVG's on
 * its raster threads. The axis is ticked at the lines' least and greatest values, so that the chart's
 * height can be read as numbers.
 */
const SignalLines = memo(function SignalLines({ env, width }: { env: Envelope; width: number }) {
  const x = xScale(env.T, width);
  const y = yScale(env);
  const ticks = !env.any ? [] : env.lo === env.hi ? [env.lo] : [env.hi, env.lo];
  return (
    <svg width={width} height={HEIGHT} aria-hidden="true">
      <line x1={AXIS} x2={width} y1={y(0)} y2={y(0)} className="axis-zero" />
      <line x1={AXIS} x2={AXIS} y1={0} y2={HEIGHT} className="axis-line" />
      {ticks.map((v) => (
        <g key={v} transform={`translate(0,${y(v)})`}>
          <line x1={AXIS - 4} x2={AXIS} className="axis-line" />
          <text x={AXIS - 6} className="axis-tick">{fmtValue(v)}</text>
        </g>
      ))}
      {Array.from({ length: env.D }, (_, d) => <path key={d} d={envelopePath(env, d, x, y)} fill="none" stroke={LINE_COLOURS[d]} strokeWidth={1.5} />)}
    </svg>
  );
});

/**
 * Every dimension of x at the cursor, as numbers beside the line colours: the chart shows shapes, this
 * the values, including the dimensions past the first LINES, which have no line.
 */
function SignalValues({ trace, t }: { trace: Trace; t: number }) {
  const id = useId();
  const I = trace.layout.inputSize;
  const ready = useRun((r) => t < r.filled);
  const row = ready ? trace.row(trace.index('x'), t) : null;
  return (
    <div className="signal-values">
      <span id={id} className="signal-values-title">xₜ at t = {fmtInt(t + 1)}</span>
      <ul aria-labelledby={id}>
        {Array.from({ length: I }, (_, d) => (
          <li key={d}>
            {d < LINES && <i style={{ background: LINE_COLOURS[d] }} aria-hidden="true" />}x[{d}] <span className="signal-value">{row ? fmtValue(row[d]) : '…'}</span>
          </li>
        ))}
      </ul>
      {I > LINES && (
        <p className="muted">{I === LINES + 1 ? `x[${LINES}] has` : `x[${LINES}]–x[${I - 1}] have`} no line; {I === LINES + 1 ? 'its value is' : 'their values are'} listed here with the others.</p>
      )}
    </div>
  );
}

function SignalChart({ trace, t, filled }: { trace: Trace; t: number; filled: number }) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(600);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(([e]) => setWidth(Math.max(AXIS + 50, e.contentRect.width)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  // A new run or new data redraws the lines in a background render, at most every 400 ms while the run
  // streams; the cursor follows at once.
  const running = useRun((r) => r.status === 'running');
  const paced = useThrottled(filled, running ? 400 : 0);
  const lines = useDeferredValue(useMemo(() => ({ trace, filled: paced }), [trace, paced]));
  const env = useMemo(() => envelope(lines.trace, width), [lines, width]);
  const T = trace.layout.steps;
  const x = xScale(T, width);
  const I = trace.layout.inputSize;
  const drawn = Math.min(I, LINES);
  const range = env.any ? `, lines from ${fmtValue(env.lo)} to ${fmtValue(env.hi)}` : '';
  return (
    <>
      <div
        ref={box}
        className="signal"
        role="img"
        aria-label={`Input signal: ${plural(I, 'dimension')} over ${plural(T, 'timestep')}${I > drawn ? `, the first ${drawn} drawn` : ''}${range}; the cursor is at step ${t + 1}`}
        onClick={(e) => seek(x.invert(e.clientX - e.currentTarget.getBoundingClientRect().left))}
      >
        {/* The cursor is its own layer: moving it every frame must not repaint the lines. */}
        <div className="signal-cursor" style={{ transform: `translateX(${x(t)}px)`, height: HEIGHT }} aria-hidden="true" />
        <SignalLines env={env} width={width} />
      </div>
      <SignalValues trace={trace} t={t} />
    </>
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
