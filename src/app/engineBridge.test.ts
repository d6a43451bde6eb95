import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG, runSpecOf, useConfig } from '../state/config';
import { useRun } from '../state/run';
import { usePlayback } from '../state/playback';
import { buildRun } from '../worker/host';
import { createRunner } from '../engine/run';
import { createEngineHost } from '../worker/host';
import { FakeWorker } from '../worker/testing/fakeWorker';
import { startEngineBridge } from './engineBridge';

/** The bridge over the real engine host behind a worker double; returns what was sent and how to stop. */
function startOverRealHost(): { sent: () => FakeWorker['sent']; stop: () => void } {
  let worker: FakeWorker | null = null;
  const host = createEngineHost((m) => worker?.answer(m), () => new Promise((r) => setImmediate(r)), () => performance.now());
  const stop = startEngineBridge(() => (worker = new FakeWorker((m) => host.handle(m))));
  return { sent: () => worker!.sent, stop };
}

describe('the engine bridge', () => {
  it('shows every step of a held first run, not only those of its first chunk', async () => {
    useConfig.setState({ hiddenSize: 16, seqLen: 500 });
    // The first run sends step 1 alone, then a few more chunks in quick succession, and holds.
    const { stop } = startOverRealHost();
    try {
      await vi.waitFor(() => expect(useRun.getState().trace?.filled).toBeGreaterThanOrEqual(8));
      // No more chunks come while it holds: the count on the page must still catch up with the trace.
      await vi.waitFor(() => expect(useRun.getState().filled).toBe(useRun.getState().trace?.filled));
      expect(useRun.getState().filled).toBeLessThan(500);
    } finally {
      stop();
    }
  });

  it('brings the cursor inside a smaller run as soon as its first step is on screen', async () => {
    const before = { config: useConfig.getState(), playback: usePlayback.getState() };
    useConfig.setState({ hiddenSize: 16, seqLen: 50 });
    const { stop } = startOverRealHost();
    try {
      await vi.waitFor(() => expect(useRun.getState().trace?.layout.steps).toBe(50));
      usePlayback.setState({ t: 40, unit: 15 }); // as a link may ask
      useConfig.setState({ hiddenSize: 4, seqLen: 20 });
      await vi.waitFor(() => expect(useRun.getState().trace?.layout.steps).toBe(20));
      expect(usePlayback.getState()).toMatchObject({ t: 19, unit: 3 });
    } finally {
      stop();
      useConfig.setState(before.config, true);
      usePlayback.setState(before.playback, true);
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

  it('lets the held first run go on at the time limit if the page never settles, and the mark says which it was', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    performance.clearMarks('gatescope:stream-resume');
    try {
      useRun.setState({ status: 'idle', settled: false });
      const worker = new FakeWorker();
      const stop = startEngineBridge(() => worker);
      vi.advanceTimersByTime(2999);
      expect(worker.sent.map((m) => m.type)).toEqual(['run']);
      vi.advanceTimersByTime(1);
      expect(worker.sent.map((m) => m.type)).toEqual(['run', 'resume']);
      const [resume] = performance.getEntriesByName('gatescope:stream-resume') as PerformanceMark[];
      expect(resume.detail).toEqual({ by: 'time limit' });
      stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('lets the held first run go on as soon as the page has settled, and the mark says so', () => {
    performance.clearMarks('gatescope:stream-resume');
    useRun.setState({ status: 'idle', settled: false });
    const worker = new FakeWorker();
    const stop = startEngineBridge(() => worker);
    try {
      expect(worker.sent.map((m) => m.type)).toEqual(['run']);
      useRun.setState({ settled: true });
      expect(worker.sent.map((m) => m.type)).toEqual(['run', 'resume']);
      const [resume] = performance.getEntriesByName('gatescope:stream-resume') as PerformanceMark[];
      expect(resume.detail).toEqual({ by: 'settled' });
    } finally {
      stop();
      useRun.setState({ settled: false });
    }
  });

  it('times the whole run from the request, as it does its first step, so that "all in" is never the shorter', async () => {
    // A worker that takes 40 ms to start, as the page's first one does (the engine times its run from its own start).
    let worker: FakeWorker | null = null;
    const host = createEngineHost((m) => worker?.answer(m), () => new Promise((r) => setImmediate(r)), () => performance.now());
    useConfig.setState({ hiddenSize: 4, seqLen: 20 });
    usePlayback.setState({ t: 20 }); // not held
    const stop = startEngineBridge(() => (worker = new FakeWorker((m) => void setTimeout(() => host.handle(m), 40))));
    try {
      await vi.waitFor(() => expect(useRun.getState().status).toBe('done'));
      const { firstChunkMs, elapsedMs } = useRun.getState();
      expect(firstChunkMs).toBeGreaterThanOrEqual(40);
      expect(elapsedMs).toBeGreaterThanOrEqual(firstChunkMs!);
    } finally {
      stop();
      usePlayback.setState({ t: 0 });
    }
  });

  it('holds the first run after its first steps only if the page opens on one of them', () => {
    // A shared link's t=37 can't be drawn, and so the page can't settle, until the stream has reached it.
    for (const [t, hold] of [[0, true], [7, true], [8, false], [36, false]] as const) {
      usePlayback.setState({ t });
      const worker = new FakeWorker();
      const stop = startEngineBridge(() => worker);
      try {
        expect(worker.sent[0], `opened at t = ${t + 1}`).toMatchObject({ type: 'run', hold });
      } finally {
        stop();
      }
    }
    usePlayback.setState({ t: 0 });
  });

  it('tells the worker when the user starts and stops scrubbing, once each', () => {
    const worker = new FakeWorker();
    const stop = startEngineBridge(() => worker);
    try {
      usePlayback.setState({ scrubbing: true });
      usePlayback.setState({ t: 3 });
      usePlayback.setState({ t: 9 });
      usePlayback.setState({ scrubbing: false });
      expect(worker.sent.filter((m) => m.type === 'pace')).toEqual([{ type: 'pace', id: 0, busy: true }, { type: 'pace', id: 0, busy: false }]);
    } finally {
      stop();
      usePlayback.setState({ t: 0 });
    }
  });

  describe('a setting the engine would refuse', () => {
    const fresh = useRun.getState();
    beforeEach(() => {
      useRun.setState(fresh, true);
      useConfig.setState(DEFAULT_CONFIG);
    });
    // H = 512 and T = 100,000: a trace of 2.67 GB against the page's 1 GB.
    const TOO_BIG = { hiddenSize: 512, seqLen: 100_000 };

    it('leaves the run streaming on screen to go on to its end, and says why it wasn\'t replaced', async () => {
      useConfig.setState({ hiddenSize: 16, seqLen: 4000 });
      // The first run holds after its first steps until the page has settled: mid-stream, for certain.
      const { sent, stop } = startOverRealHost();
      try {
        await vi.waitFor(() => expect(useRun.getState().trace).not.toBeNull());
        useConfig.setState(TOO_BIG);
        await vi.waitFor(() => expect(useRun.getState().error).toMatch(/keep 2\.6\d GB of values/));
        expect(useRun.getState().trace!.filled).toBeLessThan(4000); // refused mid-stream
        useRun.setState({ settled: true }); // the held run goes on
        await vi.waitFor(() => expect(useRun.getState().status).toBe('done'), { timeout: 10_000 });
        expect(useRun.getState().trace!.filled).toBe(4000);
        expect(useRun.getState().trace!.layout.hiddenSize).toBe(16);
        expect(sent().map((m) => m.type)).toEqual(['run', 'resume']); // nothing cancelled, nothing sent
      } finally {
        stop();
      }
    });

    it('stops a requested run that hasn\'t reached the screen, since the controls no longer ask for it', () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      try {
        useRun.setState({ settled: true });
        const worker = new FakeWorker();
        const stop = startEngineBridge(() => worker);
        // Run 1 reaches the screen with its first step.
        const { model, seq } = buildRun(runSpecOf(DEFAULT_CONFIG));
        const runner = createRunner(model, seq);
        worker.answer({ type: 'start', id: 1, layout: runner.layout, initial: runner.initial, model, notes: [], kernel: 'scalar' });
        worker.answer({ type: 'chunk', id: 1, chunk: runner.next(1), elapsedMs: 1 });
        const shown = useRun.getState().trace;
        // Run 2 is asked for (and run 1 stopped for it); before it has started, a refused setting comes.
        useConfig.setState({ seed: 5 });
        vi.advanceTimersByTime(200);
        useConfig.setState(TOO_BIG);
        vi.advanceTimersByTime(200);
        expect(worker.sent.map((m) => `${m.type} ${m.id}`)).toEqual(['run 1', 'resume 1', 'cancel 1', 'run 2', 'cancel 2']);
        expect(useRun.getState()).toMatchObject({ status: 'error', trace: shown });
        expect(useRun.getState().error).toMatch(/keep 2\.6\d GB of values/);
        stop();
      } finally {
        vi.useRealTimers();
      }
    });

    it('refused as the page\'s first run: an error, and nothing sent to the worker', () => {
      useConfig.setState(TOO_BIG);
      const worker = new FakeWorker();
      const stop = startEngineBridge(() => worker);
      expect(worker.sent).toEqual([]);
      expect(useRun.getState()).toMatchObject({ status: 'error', trace: null });
      expect(useRun.getState().error).toMatch(/keep 2\.6\d GB of values/);
      stop();
    });
  });
});
