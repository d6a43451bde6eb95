/**
 * Connects the stores to the engine worker: a config change starts a run; the run's messages fill the
 * trace and the run store. The previous trace stays on screen until a new run has started, so a bad
 * setting costs the user nothing.
 */
import { Trace } from '../engine/trace';
import { EngineClient, type WorkerLike } from '../worker/client';
import { HELD_STEPS, type FromWorker } from '../worker/protocol';
import type { Model } from '../engine/types';
import type { KernelKind } from '../engine/kernels';
import { runSpecOf, useConfig } from '../state/config';
import { clampCursor } from '../state/cursor';
import { useRun, whenRun } from '../state/run';
import { usePlayback } from '../state/playback';
import { ModelError } from '../engine/model';
import { checkRunSpec } from '../worker/spec';

/** Typing in a number field shouldn't start a run per keystroke. */
const DEBOUNCE_MS = 150;
/**
 * How often the page hears of new timesteps while a run streams. The trace itself is always current;
 * this only paces the re-renders of the panels that follow progress.
 */
const PROGRESS_MS = 100;
let lastProgress = 0;
/** The progress held back by PROGRESS_MS, shown when it is due (or it would wait for the next chunk). */
let trailingProgress: ReturnType<typeof setTimeout> | undefined;

/** Tells the page how far the trace has arrived, at most every PROGRESS_MS, and always in the end. */
function reportProgress(trace: Trace, elapsedMs: number): void {
  clearTimeout(trailingProgress);
  const show = () => {
    if (useRun.getState().trace !== trace) return; // a newer run has taken over
    lastProgress = performance.now();
    useRun.setState({ filled: trace.filled, elapsedMs });
  };
  const wait = PROGRESS_MS - (performance.now() - lastProgress);
  if (wait <= 0) show();
  else trailingProgress = setTimeout(show, wait);
}

/**
 * The page's first run computes step 1 and then waits for the page to finish loading (at most this
 * long): on a machine with two cores, the rest of the run would otherwise slow the page's start-up.
 */
const HOLD_LIMIT_MS = 3000;

/** Performance marks the UI benchmark and the tests read (first of each only). */
function mark(name: string, detail?: unknown): void {
  if (performance.getEntriesByName(name).length === 0) performance.mark(name, { detail });
}

/**
 * A run that has started but whose first timestep hasn't arrived: the page goes on showing the previous
 * run until it has something new to draw, and then switches in one render.
 */
let pending: { trace: Trace; model: Model; notes: string[]; kernel: KernelKind } | null = null;
/** The run whose trace is on screen (0 before the first). */
let shownId = 0;
/**
 * ms between the request and the run's start in the worker (its start-up, for the page's first run): the
 * worker times its run from its start and without the first run's hold, the page from the request.
 */
let startLatency = 0;

function handle(msg: FromWorker, requestedAt: number): void {
  switch (msg.type) {
    case 'start':
      mark('gatescope:run-start');
      pending = { trace: new Trace(msg.layout, msg.initial), model: msg.model, notes: msg.notes, kernel: msg.kernel };
      break;
    case 'chunk': {
      if (pending) {
        const { trace, model, notes, kernel } = pending;
        pending = null;
        shownId = msg.id;
        trace.append(msg.chunk);
        mark('gatescope:first-chunk');
        lastProgress = performance.now();
        startLatency = Math.max(0, lastProgress - requestedAt - msg.elapsedMs);
        useRun.setState({
          status: 'running', trace, model, notes, kernel, filled: trace.filled, total: trace.layout.steps, error: null,
          elapsedMs: msg.elapsedMs + startLatency, firstChunkMs: lastProgress - requestedAt,
        });
        clampCursor();
        break;
      }
      const { trace } = useRun.getState();
      if (!trace) return;
      trace.append(msg.chunk);
      reportProgress(trace, msg.elapsedMs + startLatency);
      break;
    }
    case 'done':
      clearTimeout(trailingProgress);
      performance.mark('gatescope:run-done'); // every run's (the UI benchmark times streams by it)
      useRun.setState((r) => ({ status: 'done', elapsedMs: msg.elapsedMs + startLatency, filled: r.trace?.filled ?? r.filled }));
      break;
    case 'error':
      pending = null;
      useRun.setState({ status: 'error', error: msg.message });
      break;
  }
}

/**
 * A setting the engine would refuse, found before the run is sent. A run still streaming onto the screen
 * goes on (the user loses nothing); a requested run that hasn't reached the screen is stopped, since the
 * controls no longer ask for it, and the run on screen, which it had stopped, stays as far as it got.
 */
function refuse(client: EngineClient, requestedId: number, message: string): void {
  const streaming = requestedId === shownId && useRun.getState().trace !== null;
  if (streaming) return useRun.setState({ error: message });
  if (requestedId !== shownId) {
    client.cancel();
    pending = null;
  }
  useRun.setState({ status: 'error', error: message });
}

/** Lets the held run go on once the page has settled (or after HOLD_LIMIT_MS); returns a function that stops waiting. */
function resumeWhenSettled(client: EngineClient, id: number): () => void {
  return whenRun((r) => r.settled || r.status === 'error', HOLD_LIMIT_MS, (by) => {
    // The mark says why the stream went on: the tests check the order of the start-up only when it settled.
    mark('gatescope:stream-resume', { by: by === 'ready' ? 'settled' : by });
    client.resume(id);
  });
}

export function spawnEngineWorker(): WorkerLike {
  return new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module', name: 'gatescope-engine' }) as unknown as WorkerLike;
}

/** Starts the bridge; returns a function that stops it. */
export function startEngineBridge(spawn: () => WorkerLike = spawnEngineWorker): () => void {
  // A new client numbers its runs from 1 again; nothing of the last bridge's runs carries over.
  [pending, shownId, startLatency, lastProgress] = [null, 0, 0, 0];
  clearTimeout(trailingProgress);
  let requestedAt = 0;
  const client = new EngineClient(spawn, {
    message: (msg) => handle(msg, requestedAt),
    notice: (notice) => useRun.setState({ notice }),
  });
  let stopWaiting = () => {};
  /** The last run sent to the worker. */
  let requestedId = 0;
  const run = (first = false) => {
    requestedAt = performance.now();
    mark('gatescope:first-request');
    const spec = runSpecOf(useConfig.getState()); // reads the config's fields by name: the store's setter is left behind
    try {
      checkRunSpec(spec);
    } catch (err) {
      if (!(err instanceof ModelError)) throw err;
      return refuse(client, requestedId, err.message);
    }
    // The page's first run holds after its first steps while the page loads, unless the page opens on a
    // later step (a shared link's t=37): that step would wait for the hold's time limit, as the page
    // can't settle without it.
    const hold = first && usePlayback.getState().t < HELD_STEPS;
    requestedId = client.run(spec, hold);
    if (hold) stopWaiting = resumeWhenSettled(client, requestedId);
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = useConfig.subscribe(() => {
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  });
  const unpace = usePlayback.subscribe((p, before) => {
    if (p.scrubbing !== before.scrubbing) client.pace(p.scrubbing);
  });
  run(true);
  return () => {
    unpace();
    clearTimeout(timer);
    clearTimeout(trailingProgress);
    stopWaiting();
    unsubscribe();
    client.dispose();
  };
}
