/**
 * The heatmaps' time window: the span they show, and the zoom commands (app/commands.ts), which zoom
 * about the cursor. (The wheel zooms about the pointer: useWheelZoom, Heatmaps/rowHooks.ts.)
 */
import { zoomedView } from '../viz/heatmap';
import { usePlayback } from './playback';
import { useRun } from './run';
import { useView } from './view';

/** The span shown for a run of T steps: the view's window, or the whole run where it has none, or one from a longer run. */
export function shownWindow(win: [number, number] | null, T: number): [number, number] {
  return !win || win[1] > T ? [0, T] : win;
}

/** Zooms the window by `factor` (2: out, 0.5: in) about the cursor, or the window's nearer edge if the cursor is outside it. */
export function zoomTimeBy(factor: number): void {
  const trace = useRun.getState().trace;
  if (!trace) return;
  const T = trace.layout.steps;
  const [t0, t1] = shownWindow(useView.getState().heatmapWindow, T);
  const at = Math.min(Math.max(usePlayback.getState().t, t0), t1);
  useView.setState({ heatmapWindow: zoomedView(t0, t1, factor, at, T) });
}

/** The steps a window shows in part or whole, counted from 1 as the screen counts them: [first, last]. */
export function stepsShown([t0, t1]: readonly [number, number]): [number, number] {
  return [Math.floor(t0) + 1, Math.ceil(t1)];
}
