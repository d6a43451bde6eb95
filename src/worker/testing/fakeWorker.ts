/** A worker double for tests: records what it was sent, and lets the test answer, forward or crash. */
import type { WorkerLike } from '../client';
import type { FromWorker, ToWorker } from '../protocol';

export class FakeWorker implements WorkerLike {
  sent: ToWorker[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: ((e: MessageEvent) => void) | null = null;

  /** `forward`, if given, receives every message sent, as a real worker's scope would. */
  constructor(private readonly forward?: (msg: ToWorker) => void) {}

  postMessage(msg: ToWorker) {
    this.sent.push(msg);
    this.forward?.(msg);
  }
  terminate() { this.terminated = true; }
  answer(msg: FromWorker) { this.onmessage?.({ data: msg } as MessageEvent<FromWorker>); }
  crash(message: string) { this.onerror?.({ message, preventDefault() {} } as ErrorEvent); }
}
