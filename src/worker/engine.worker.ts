/// <reference lib="webworker" />
/** The module worker: wires the engine host to the worker's message port. */
import { createEngineHost } from './host';
import type { FromWorker, ToWorker } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

// A MessageChannel round trip yields to the event loop without setTimeout's 4 ms clamp.
const channel = new MessageChannel();
const waiting: Array<() => void> = [];
channel.port1.onmessage = () => waiting.shift()?.();
const yieldToEvents = () =>
  new Promise<void>((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });

const host = createEngineHost(
  (msg: FromWorker, transfer?: Transferable[]) => scope.postMessage(msg, transfer ?? []),
  yieldToEvents,
  () => performance.now(),
);

scope.onmessage = (e: MessageEvent<ToWorker>) => {
  try {
    host.handle(e.data);
  } catch (err) {
    const id = typeof e.data?.id === 'number' ? e.data.id : 0;
    scope.postMessage({ type: 'error', id, message: `internal error: ${String(err)}`, user: false } satisfies FromWorker);
  }
};
