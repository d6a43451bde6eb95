/// <reference lib="webworker" />
/** The module worker: wires the engine host to the worker's message port. */
import { ModelError } from '../engine/model';
import { createEngineHost, restAfterChunkMs, type LoadTrained } from './host';
import type { FromWorker, ToWorker } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

// A MessageChannel round trip yields to the event loop without setTimeout's 4 ms clamp; on a small
// machine the stream rests instead, leaving the page a share of the CPU (see restAfterChunkMs).
const channel = new MessageChannel();
const waiting: Array<() => void> = [];
channel.port1.onmessage = () => waiting.shift()?.();
const cores = navigator.hardwareConcurrency || 1;
let restMs = restAfterChunkMs(cores);
const yieldToEvents = () =>
  new Promise<void>((resolve) => {
    if (restMs > 0) {
      setTimeout(resolve, restMs);
      return;
    }
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });

/**
 * The trained models' loader (the file reader and its checks) is a chunk of its own, fetched on first use:
 * the worker's own script, which every page load compiles before step 1, stays as small as it was.
 */
let loader: Promise<LoadTrained> | null = null;
/** How long a trained model's file may take to arrive. */
const FETCH_TIMEOUT_MS = 20_000;
const loadTrained: LoadTrained = (cell) => {
  loader ??= import('./trainedModels').then(
    // The presets sit beside the page (public/presets), under its base path; the worker's own URL is in assets/.
    // A file that never comes is given up, and said (the worker answers pings meanwhile: no watchdog would).
    ({ trainedModelLoader }) => trainedModelLoader((url) => fetch(new URL(url, self.location.origin), { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) }), import.meta.env.BASE_URL),
    (err: unknown) => {
      loader = null;
      // Browsers keep a module that failed to load as failed: only a reload fetches it again.
      throw new ModelError(`the trained models' code could not be loaded (${err instanceof Error ? err.message : String(err)}); reload the page to try again`);
    },
  );
  return loader.then((load) => load(cell));
};

const host = createEngineHost(
  (msg: FromWorker, transfer?: Transferable[]) => scope.postMessage(msg, transfer ?? []),
  yieldToEvents,
  () => performance.now(),
  loadTrained,
);

scope.onmessage = (e: MessageEvent<ToWorker>) => {
  try {
    if (e.data.type === 'pace') restMs = restAfterChunkMs(cores, e.data.busy);
    host.handle(e.data);
  } catch (err) {
    const id = typeof e.data?.id === 'number' ? e.data.id : 0;
    scope.postMessage({ type: 'error', id, message: `internal error: ${String(err)}`, user: false } satisfies FromWorker);
  }
};
