/**
 * The page's first frame, rendered at build time (scripts/prerender.ts) so that a new visitor sees
 * step 1 of the default model as soon as the HTML and its stylesheet are in, before any script has run.
 *
 * It is the page itself, not a picture of it: the same engine computes step 1 of the same default run,
 * through the same bridge that fills the stores in the browser, and the same components render it (only
 * the strips are SVG here, StripCells, as a canvas can't be prerendered). The browser shows it only when
 * the address has no settings (public/boot.js); main.tsx mounts the page over it once the worker's
 * step 1 is in, so that the first frame React commits is this one, live.
 */
import { renderToString } from 'react-dom/server';
import { App } from './App';
import { startEngineBridge } from './engineBridge';
import { createEngineHost } from '../worker/host';
import type { WorkerLike } from '../worker/client';
import type { FromWorker } from '../worker/protocol';
import { useRun } from '../state/run';

/** The engine host in this thread, stopped after the first chunk (step 1, which it sends alone). */
function stepOneWorker(): WorkerLike {
  const host = createEngineHost(
    (data) => worker.onmessage?.({ data } as MessageEvent<FromWorker>),
    () => new Promise<void>(() => {}),
    () => performance.now(),
  );
  const worker: WorkerLike = {
    postMessage: (msg) => host.handle(msg),
    terminate: () => {},
    onmessage: null,
    onerror: null,
    onmessageerror: null,
  };
  return worker;
}

/** The markup of the page at step 1 of its default run. Throws if the run did not produce step 1. */
export function renderFirstFrame(): string {
  const stop = startEngineBridge(stepOneWorker);
  stop();
  const run = useRun.getState();
  if (!run.trace || run.trace.filled < 1) throw new Error(`the default run did not produce step 1 (status ${run.status}: ${run.error ?? 'no error'})`);
  // The times and the kernel are the visitor's browser's to report: Node's would be shown as theirs.
  useRun.setState({ firstChunkMs: null, elapsedMs: 0, kernel: null });
  return renderToString(<App urlProblems={[]} />);
}
