/**
 * The run in progress: its status for the page, and a reference to the trace buffers. The buffers
 * themselves are not React state: panels read them for the cursor they are subscribed to, and
 * `filled` changing is the only signal that new timesteps arrived.
 */
import { create } from './store';
import type { Trace } from '../engine/trace';
import type { Model } from '../engine/types';
import type { KernelKind } from '../engine/kernels';

export interface RunState {
  /** 'running' while chunks arrive; 'error' when the run was refused or failed. */
  status: 'idle' | 'running' | 'done' | 'error';
  /** The trace being filled (null before the first run starts). */
  trace: Trace | null;
  /** The model the trace belongs to (its parameters feed the equations). */
  model: Model | null;
  /** Timesteps received, as last announced (about every 100 ms while streaming; trace.filled is exact). */
  filled: number;
  /** Timesteps in the sequence. */
  total: number;
  /** What went wrong, for the user. The previous trace stays on screen. */
  error: string | null;
  /** Notes about the input (e.g. skipped characters). */
  notes: string[];
  /** A one-off notice, e.g. that the worker was restarted. */
  notice: string | null;
  /** ms from request to the first chunk. */
  firstChunkMs: number | null;
  /** ms from request to now (or to the end), not counting the time the page's first run was held. */
  elapsedMs: number;
  /** Which kernel the engine computes with: 'wasm-simd', or 'scalar' where WebAssembly is unavailable. */
  kernel: KernelKind | null;
  /** The diagram has painted a timestep: the rest of the page can now load without delaying it. */
  painted: boolean;
  /** The whole page has loaded and rendered: the page's first run, held after its first steps, may go on. */
  settled: boolean;
}

export const useRun = create<RunState>()(() => ({
  status: 'idle',
  trace: null,
  model: null,
  filled: 0,
  total: 0,
  error: null,
  notes: [],
  notice: null,
  firstChunkMs: null,
  elapsedMs: 0,
  painted: false,
  settled: false,
  kernel: null,
}));

/**
 * Calls `then` once the run store satisfies `ready` (at once if it already does), or after `limitMs`,
 * whichever comes first, saying which; returns a function that stops waiting. The page's start-up waits
 * like this, each time with a limit, so that a worker that never answers can't hold the page.
 */
export function whenRun(ready: (r: RunState) => boolean, limitMs: number, then: (by: 'ready' | 'time limit') => void): () => void {
  let unsubscribe = () => {};
  const stop = () => {
    clearTimeout(timer);
    unsubscribe();
  };
  const go = (by: 'ready' | 'time limit') => {
    stop();
    then(by);
  };
  const timer = setTimeout(() => go('time limit'), limitMs);
  if (ready(useRun.getState())) go('ready');
  else unsubscribe = useRun.subscribe((r) => { if (ready(r)) go('ready'); });
  return stop;
}
