import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG, runSpecOf } from '../state/config';
import { EngineClient, SILENCE_MS, SLOW_START_MS, SLOW_START_NOTICE } from './client';
import type { FromWorker } from './protocol';
import { FakeWorker } from './testing/fakeWorker';

const spec = runSpecOf(DEFAULT_CONFIG);

/** Every client a test made, disposed after it: a watchdog left armed must not fire into the next test. */
const clients: EngineClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.dispose();
  vi.useRealTimers();
});

function setup() {
  const workers: FakeWorker[] = [];
  const got: FromWorker[] = [];
  const restarts: Array<string | null> = [];
  const client = new EngineClient(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  }, { message: (m) => got.push(m), notice: (r) => restarts.push(r) });
  clients.push(client);
  return { client, workers, got, restarts };
}

describe('the engine client', () => {
  it('cancels the run in flight when a new one starts, and drops the old run\'s answers', () => {
    const { client, workers, got } = setup();
    const a = client.run(spec);
    const b = client.run(spec);
    expect(workers[0].sent.map((m) => m.type)).toEqual(['run', 'cancel', 'run']);
    expect(workers[0].sent[1]).toEqual({ type: 'cancel', id: a });
    workers[0].answer({ type: 'done', id: a, elapsedMs: 1 });
    workers[0].answer({ type: 'done', id: b, elapsedMs: 1 });
    expect(got).toEqual([{ type: 'done', id: b, elapsedMs: 1 }]);
  });

  it('restarts a worker that dies, says so, and runs the interrupted request again', () => {
    const { client, workers, got, restarts } = setup();
    client.run(spec);
    workers[0].crash('out of memory');
    expect(workers[0].terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(restarts[0]).toMatch(/The engine stopped \(out of memory\) and was restarted; running again/);
    expect(workers[1].sent[0]).toMatchObject({ type: 'run', spec });
    // Dying again on the same run is reported as an error instead of looping.
    workers[1].answer({ type: 'done', id: 999, elapsedMs: 0 }); // a word (for a superseded run): this worker did start
    workers[1].crash('out of memory');
    expect(workers).toHaveLength(3);
    expect(got.at(-1)).toMatchObject({ type: 'error', user: false, message: 'the engine stopped while running this model (out of memory)' });
    expect(workers[2].sent).toHaveLength(0);
  });

  it('stops starting workers that die before a word, twice in a row (a script that can\'t load), until the next run', () => {
    const { client, workers, got, restarts } = setup();
    client.run(spec);
    workers[0].crash('');
    workers[1].crash('');
    // Two workers, not one after another for ever.
    expect(workers).toHaveLength(2);
    // "…was restarted; running again", then taken back: no worker is running.
    expect(restarts).toEqual([expect.stringMatching(/was restarted; running again/), null]);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ type: 'error', user: false, message: 'the engine could not start (the engine worker stopped). Reload the page to try again' });
    client.pace(true); // nothing to send it to, and nothing thrown
    client.cancel();
    // The user's next run tries once more, with a fresh worker.
    const next = client.run(spec);
    expect(workers).toHaveLength(3);
    expect(workers[2].sent[0]).toMatchObject({ type: 'run', id: next, spec });
    // ...and that worker, if it loads and then dies once, gets its retry like any fresh one.
    workers[2].answer({ type: 'start', id: next } as FromWorker);
    workers[2].crash('out of memory');
    expect(workers).toHaveLength(4);
    expect(workers[3].sent[0]).toMatchObject({ type: 'run', spec });
  });

  it('tells a tab whose engine ran before, and whose worker script is now gone, to reload', () => {
    const { client, workers, got } = setup();
    const id = client.run(spec);
    workers[0].answer({ type: 'done', id, elapsedMs: 1 });
    client.run(spec);
    workers[0].crash('out of memory'); // replaced by workers whose script no longer loads
    workers[1].crash('');
    expect(got.at(-1)).toMatchObject({ type: 'error', message: 'the engine stopped while running this model (the engine worker stopped)' });
    workers[2].crash('');
    expect(workers).toHaveLength(3); // given up: no more asking
    client.run(spec); // the user tries again: one more worker, and the advice
    workers[3].crash('');
    expect(workers).toHaveLength(4);
    expect(got.at(-1)).toMatchObject({ type: 'error', message: 'the engine stopped and could not be restarted (the engine worker stopped). Reload the page to try again' });
  });

  it('ignores a late event from a worker already replaced', () => {
    const { client, workers, got } = setup();
    const a = client.run(spec);
    workers[0].crash('boom');
    expect(workers).toHaveLength(2);
    workers[0].crash('boom again'); // the old one's late error: the new worker stays
    expect(workers).toHaveLength(2);
    expect(workers[1].terminated).toBe(false);
    workers[0].answer({ type: 'done', id: a + 1, elapsedMs: 1 }); // nor does its late answer count
    expect(got).toHaveLength(0);
  });

  it('passes hold on, resumes only the current run, and reruns a held run after a crash without holding', () => {
    const { client, workers } = setup();
    const a = client.run(spec, true);
    expect(workers[0].sent[0]).toMatchObject({ type: 'run', id: a, hold: true });
    client.resume(a);
    expect(workers[0].sent[1]).toEqual({ type: 'resume', id: a });
    const b = client.run(spec, true);
    client.resume(a); // superseded: nothing is sent
    expect(workers[0].sent.map((m) => m.type)).toEqual(['run', 'resume', 'cancel', 'run']);
    // A new worker never heard of the hold, and nobody would resume its rerun: it runs straight through.
    workers[0].crash('out of memory');
    expect(workers[1].sent[0]).toMatchObject({ type: 'run', hold: false });
    client.resume(b);
    expect(workers[1].sent).toHaveLength(1);
  });

  it('restarts an idle worker that dies without rerunning anything', () => {
    const { client, workers, restarts } = setup();
    const id = client.run(spec);
    workers[0].answer({ type: 'done', id, elapsedMs: 1 });
    workers[0].crash('boom');
    expect(workers).toHaveLength(2);
    expect(workers[1].sent).toHaveLength(0);
    expect(restarts).toHaveLength(1);
  });

  it('pings a worker silent for a while, and replaces one that doesn\'t answer as it would a dead one', () => {
    vi.useFakeTimers();
    const { client, workers, got, restarts } = setup();
    const id = client.run(spec);
    workers[0].answer({ type: 'start', id } as FromWorker);
    vi.advanceTimersByTime(SILENCE_MS - 1);
    expect(workers[0].sent.map((m) => m.type)).toEqual(['run']);
    vi.advanceTimersByTime(1);
    expect(workers[0].sent.at(-1)).toEqual({ type: 'ping', id: 0 });
    // Any word restarts the count: a held run's worker answers the ping at once, and is left alone.
    workers[0].answer({ type: 'pong', id: 0 });
    vi.advanceTimersByTime(SILENCE_MS);
    expect(workers[0].sent.map((m) => m.type)).toEqual(['run', 'ping', 'ping']);
    expect(got.map((m) => m.type)).toEqual(['start']); // the pong isn't the page's business
    // Silent after a ping: hung, and replaced, with the run started again.
    vi.advanceTimersByTime(SILENCE_MS);
    expect(workers[0].terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(restarts).toEqual(['The engine stopped (no answer in 10 s) and was restarted; running again.']);
    expect(workers[1].sent[0]).toMatchObject({ type: 'run', spec });
    // Hung again on the same run: reported, not looped on.
    workers[1].answer({ type: 'start', id: id + 1 } as FromWorker);
    vi.advanceTimersByTime(2 * SILENCE_MS);
    expect(workers).toHaveLength(3);
    expect(got.at(-1)).toMatchObject({ type: 'error', user: false, message: 'the engine stopped while running this model (no answer in 10 s)' });
    // No run in flight: nothing to watch, however long the worker is quiet.
    vi.advanceTimersByTime(10 * SILENCE_MS);
    expect(workers).toHaveLength(3);
    expect(workers[2].sent).toEqual([]);
  });

  it('watches a worker only while a run is in flight: not once it is done, refused or cancelled', () => {
    vi.useFakeTimers();
    const { client, workers, got } = setup();
    const types = () => workers[0].sent.map((m) => m.type);
    const a = client.run(spec);
    workers[0].answer({ type: 'done', id: a, elapsedMs: 1 });
    vi.advanceTimersByTime(10 * SILENCE_MS);
    const b = client.run(spec);
    workers[0].answer({ type: 'error', id: b, message: 'too large', user: true });
    vi.advanceTimersByTime(10 * SILENCE_MS);
    client.run(spec);
    client.cancel();
    vi.advanceTimersByTime(10 * SILENCE_MS);
    expect(types()).toEqual(['run', 'run', 'run', 'cancel']);
    // A late pong, with no run in flight, is no run's message.
    workers[0].answer({ type: 'pong', id: 0 });
    expect(got.map((m) => m.type)).toEqual(['done', 'error']);
    // A worker that has spoken before is watched from a new run's request on, before it says a word of it.
    client.run(spec);
    vi.advanceTimersByTime(2 * SILENCE_MS);
    expect(types().slice(-2)).toEqual(['run', 'ping']);
    expect(workers).toHaveLength(2);
  });

  it('leaves a worker yet to say its first word to load its script, however slow the network, and says it is waiting', () => {
    vi.useFakeTimers();
    const { client, workers, got, restarts } = setup();
    const id = client.run(spec);
    vi.advanceTimersByTime(SLOW_START_MS - 1);
    expect(restarts).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(restarts).toEqual([SLOW_START_NOTICE]);
    // Said once, however long it takes; never pinged, never replaced.
    vi.advanceTimersByTime(12 * SLOW_START_MS);
    expect(restarts).toEqual([SLOW_START_NOTICE]);
    expect(workers).toHaveLength(1);
    expect(workers[0].sent.map((m) => m.type)).toEqual(['run']);
    expect(got).toEqual([]);
    // Loaded at last: the notice is taken back, and the worker watched from its first word on.
    workers[0].answer({ type: 'start', id } as FromWorker);
    expect(restarts).toEqual([SLOW_START_NOTICE, null]);
    vi.advanceTimersByTime(2 * SILENCE_MS);
    expect(workers).toHaveLength(2);
  });

  it('says nothing of a worker that answers in time, nor of one with no run to answer', () => {
    vi.useFakeTimers();
    const { client, workers, restarts } = setup();
    vi.advanceTimersByTime(2 * SLOW_START_MS); // no run yet
    const id = client.run(spec);
    vi.advanceTimersByTime(SLOW_START_MS - 1);
    workers[0].answer({ type: 'done', id, elapsedMs: 1 });
    vi.advanceTimersByTime(2 * SLOW_START_MS);
    expect(restarts).toEqual([]);
    // A new worker's run cancelled before its first word: nothing is waiting for it.
    const other = setup();
    other.client.run(spec);
    other.client.cancel();
    vi.advanceTimersByTime(2 * SLOW_START_MS);
    expect(other.restarts).toEqual([]);
  });
});
