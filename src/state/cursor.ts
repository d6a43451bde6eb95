/**
 * Moving the cursor. Every move is clamped to what exists: timesteps that have arrived, the units of H,
 * the layers, the sub-steps of the current cell. Commands, buttons, the scrubber and clicks all come here.
 */
import { subSteps } from '../cellinfo/substeps';
import { usePlayback } from './playback';
import { useRun } from './run';

/** Where the cursor can go: the last arrived step, the run's last step, and the units, layers and sub-steps. */
export function limits() {
  const { trace } = useRun.getState();
  if (!trace) return { lastT: 0, endT: 0, H: 1, L: 1, subs: 1 };
  return {
    lastT: Math.max(0, trace.filled - 1),
    endT: trace.layout.steps - 1,
    H: trace.layout.hiddenSize,
    L: trace.layout.numLayers,
    subs: subSteps(trace.layout.cell).length,
  };
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/** Moves to timestep t, showing the whole step. */
export function seek(t: number): void {
  const { lastT, subs } = limits();
  usePlayback.setState({ t: clamp(Math.round(t), 0, lastT), sub: subs - 1, subFocus: false });
}

export function stepBy(d: number): void {
  const { t } = usePlayback.getState();
  // A cursor ahead of the stream (from the URL, or kept from the last run) waits there: → does nothing
  // rather than jumping back to the last step computed.
  if (d > 0 && t >= limits().lastT) return;
  seek(Math.min(t, limits().lastT + 1) + d);
}

/**
 * One equation forward or back; crosses into the neighbouring timestep at either end. From a whole
 * timestep it starts walking that timestep: → at its first equation, ← at its last (a lecturer at t = 5
 * walks t = 5, not t = 6).
 */
export function subStepBy(d: number): void {
  const { lastT, subs } = limits();
  const { t, sub, subFocus } = usePlayback.getState();
  // (A cell of one sub-step has nothing to walk inside a timestep: its sub-steps are its timesteps.)
  if (!subFocus && subs > 1) {
    usePlayback.setState({ sub: d > 0 ? 0 : subs - 1, playing: false, subFocus: true });
    return;
  }
  let nt = t;
  let ns = Math.min(sub, subs - 1) + d;
  if (ns >= subs) {
    if (t >= lastT) return;
    nt = t + 1;
    ns = 0;
  } else if (ns < 0) {
    if (t <= 0) return;
    nt = t - 1;
    ns = subs - 1;
  }
  usePlayback.setState({ t: nt, sub: ns, playing: false, subFocus: subs > 1 });
}

/** Ends a walk through the sub-steps: the current timestep shown whole, every equation at once. */
export function showWholeStep(): void {
  usePlayback.setState({ sub: limits().subs - 1, subFocus: false });
}

/** Shows sub-step k of the current timestep. */
export function showSubStep(k: number): void {
  usePlayback.setState({ sub: clamp(k, 0, limits().subs - 1), playing: false, subFocus: true });
}

export function selectUnit(j: number): void {
  usePlayback.setState({ unit: clamp(Math.round(j), 0, limits().H - 1) });
}

export function unitBy(d: number): void {
  const { H } = limits();
  usePlayback.setState((s) => ({ unit: (s.unit + d + H) % H }));
}

export function selectLayer(l: number): void {
  usePlayback.setState({ layer: clamp(Math.round(l), 0, limits().L - 1) });
}

export function layerBy(d: number): void {
  selectLayer(usePlayback.getState().layer + d);
}

export function togglePlay(): void {
  const { t, playing } = usePlayback.getState();
  const { lastT, endT, subs } = limits();
  // Playing from the end of a finished sequence starts again from the beginning, like a video player.
  if (!playing && t >= endT && lastT >= endT) usePlayback.setState({ t: 0 });
  usePlayback.setState({ playing: !playing, sub: subs - 1, subFocus: false });
}

/** After a new run arrives, keep the cursor inside it. */
export function clampCursor(): void {
  const { H, L, subs } = limits();
  const { trace } = useRun.getState();
  const T = trace ? trace.layout.steps : 1;
  usePlayback.setState((s) => ({
    t: clamp(s.t, 0, T - 1),
    unit: clamp(s.unit, 0, H - 1),
    layer: clamp(s.layer, 0, L - 1),
    // A whole timestep stays whole: its sub-step is the new cell's last (an RNN's one sub-step made it
    // 0, and an LSTM after it lit its first group as if being walked). A walk ends on a cell with one
    // sub-step, which has nothing to walk: its one sub-step is the whole timestep (the address said sub=1,
    // and an LSTM after it opened at step 1 of 4).
    sub: s.subFocus && subs > 1 ? clamp(s.sub, 0, subs - 1) : subs - 1,
    subFocus: s.subFocus && subs > 1,
  }));
}
