import { describe, expect, it, vi } from 'vitest';
import { useConfig } from '../state/config';
import { useRun } from '../state/run';
import { createEngineHost } from '../worker/host';
import { FakeWorker } from '../worker/testing/fakeWorker';
import { startEngineBridge } from './engineBridge';

describe('the engine bridge', () => {
  it('shows every step of a held first run, not only those of its first chunk', async () => {
    useConfig.setState({ hiddenSize: 16, seqLen: 500 });
    // The real engine host behind a worker double: the first run sends step 1 alone, then a few more
    // chunks in quick succession, and holds.
    let worker: FakeWorker | null = null;
    const host = createEngineHost((m) => worker?.answer(m), () => new Promise((r) => setImmediate(r)), () => performance.now());
    const stop = startEngineBridge(() => (worker = new FakeWorker((m) => host.handle(m))));
    try {
      await vi.waitFor(() => expect(useRun.getState().trace?.filled).toBeGreaterThanOrEqual(8));
      // No more chunks come while it holds: the count on the page must still catch up with the trace.
      await vi.waitFor(() => expect(useRun.getState().filled).toBe(useRun.getState().trace?.filled));
      expect(useRun.getState().filled).toBeLessThan(500);
    } finally {
      stop();
    }
  });

  it('stops waiting to let the held first run go on when it is stopped', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      useRun.setState({ status: 'idle', settled: false });
      const worker = new FakeWorker();
      const stop = startEngineBridge(() => worker);
      expect(worker.sent.map((m) => m.type)).toEqual(['run']);
      stop();
      vi.advanceTimersByTime(10_000); // past the hold's time limit
      expect(worker.sent.map((m) => m.type)).toEqual(['run']);
    } finally {
      vi.useRealTimers();
    }
  });
});
