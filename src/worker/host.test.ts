import { describe, expect, it } from 'vitest';
import { runAll } from '../engine/run';
import { Trace } from '../engine/trace';
import { runSpecOf, DEFAULT_CONFIG, type Config } from '../state/config';
import { buildRun, createEngineHost, restAfterChunkMs } from './host';
import type { FromWorker } from './protocol';
import { fetchFromDisk, trainedModelFromDisk } from './testing/trainedFromDisk';
import { trainedModelLoader } from './trainedModels';

const spec = (patch: Partial<Config> = {}) => runSpecOf({ ...DEFAULT_CONFIG, ...patch });

/** A host whose messages are collected, and a way to wait until a run has finished. */
function harness() {
  const messages: FromWorker[] = [];
  const host = createEngineHost((m) => messages.push(m), () => new Promise((r) => setImmediate(r)), () => performance.now(), trainedModelLoader(fetchFromDisk, '/'));
  const settled = (id: number) =>
    new Promise<void>((resolve) => {
      const poll = () => (messages.some((m) => m.id === id && (m.type === 'done' || m.type === 'error')) ? resolve() : setImmediate(poll));
      poll();
    });
  return { messages, host, settled };
}

describe('the engine host', () => {
  it('streams the whole trace in order: step 1 alone, then chunks that cover T exactly', async () => {
    const { messages, host, settled } = harness();
    host.handle({ type: 'run', id: 1, spec: spec({ hiddenSize: 32, seqLen: 3000 }) });
    await settled(1);
    const start = messages[0];
    expect(start.type).toBe('start');
    if (start.type !== 'start') return;
    const chunks = messages.filter((m) => m.type === 'chunk');
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks[0].type === 'chunk' && chunks[0].chunk.steps).toBe(1);
    const trace = new Trace(start.layout, start.initial);
    for (const c of chunks) if (c.type === 'chunk') trace.append(c.chunk);
    expect(trace.filled).toBe(3000);
    expect(messages.at(-1)?.type).toBe('done');
    // The streamed trace is the trace: identical to one computed in a single pass.
    const { model, seq } = buildRun(spec({ hiddenSize: 32, seqLen: 3000 }));
    const whole = runAll(model, seq);
    whole.layout.series.forEach((_, k) => {
      const [a, b] = [whole.series(k), trace.series(k)];
      const mismatch = a.findIndex((v, i) => !Object.is(v, b[i]));
      expect(mismatch, trace.layout.series[k].key).toBe(-1);
    });
  });

  it('stops a run when a newer one arrives, and finishes the newer one', async () => {
    const { messages, host, settled } = harness();
    host.handle({ type: 'run', id: 1, spec: spec({ hiddenSize: 64, seqLen: 20000 }) });
    await new Promise((r) => setImmediate(r));
    host.handle({ type: 'run', id: 2, spec: spec({ seqLen: 50 }) });
    await settled(2);
    await new Promise((r) => setTimeout(r, 20));
    expect(messages.some((m) => m.id === 1 && m.type === 'done')).toBe(false);
    const steps1 = messages.reduce((n, m) => n + (m.id === 1 && m.type === 'chunk' ? m.chunk.steps : 0), 0);
    expect(steps1).toBeLessThan(20000);
    expect(messages.filter((m) => m.id === 2 && m.type === 'done')).toHaveLength(1);
  });

  it('holds a run once its first 8 steps are out (step 1 alone first) until told to resume, and leaves the wait out of its time', async () => {
    // A clock that only moves when the test moves it: the engine's own time then reads as zero.
    let clock = 0;
    const messages: FromWorker[] = [];
    const host = createEngineHost((m) => messages.push(m), () => new Promise((r) => setImmediate(r)), () => clock);
    host.handle({ type: 'run', id: 1, spec: spec({ hiddenSize: 32, seqLen: 2000 }), hold: true });
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    const chunks = () => messages.flatMap((m) => (m.type === 'chunk' && m.id === 1 ? [m.chunk] : []));
    const held = chunks();
    expect(held[0].steps).toBe(1);
    const out = held.reduce((n, c) => n + c.steps, 0);
    // It stops in the chunk that takes it to 8 steps, not later.
    expect(out).toBeGreaterThanOrEqual(8);
    expect(out - held.at(-1)!.steps).toBeLessThan(8);
    expect(messages.some((m) => m.type === 'done')).toBe(false);
    clock += 1000; // a second on hold
    host.handle({ type: 'resume', id: 1 });
    while (!messages.some((m) => m.type === 'done')) await new Promise((r) => setImmediate(r));
    const steps = chunks().reduce((n, c) => n + c.steps, 0);
    expect(steps).toBe(2000);
    const done = messages.find((m) => m.type === 'done');
    expect(done?.type === 'done' && done.elapsedMs).toBe(0);
  });

  it('does not hold a run that was resumed before its first steps were out', async () => {
    const { host, settled } = harness();
    host.handle({ type: 'run', id: 1, spec: spec({ seqLen: 500 }), hold: true });
    host.handle({ type: 'resume', id: 1 });
    await settled(1);
  });

  it('drops a held run when a newer one arrives', async () => {
    const { messages, host, settled } = harness();
    host.handle({ type: 'run', id: 1, spec: spec({ seqLen: 500 }), hold: true });
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    host.handle({ type: 'run', id: 2, spec: spec({ seqLen: 300 }) });
    await settled(2);
    await new Promise((r) => setTimeout(r, 20));
    // Run 1 sent no more than its held steps.
    const steps1 = messages.reduce((n, m) => n + (m.id === 1 && m.type === 'chunk' ? m.chunk.steps : 0), 0);
    expect(steps1).toBeLessThan(500);
    expect(messages.some((m) => m.id === 1 && m.type === 'done')).toBe(false);
  });

  it('answers a ping at once, mid-run and while holding, without a word about the run', async () => {
    const { messages, host, settled } = harness();
    host.handle({ type: 'run', id: 1, spec: spec({ seqLen: 2000 }), hold: true });
    host.handle({ type: 'ping', id: 0 });
    expect(messages.at(-1)).toEqual({ type: 'pong', id: 0 }); // at once, whatever the run has sent
    await new Promise((r) => setTimeout(r, 20)); // the run is now held
    const held = messages.length;
    host.handle({ type: 'ping', id: 0 });
    expect(messages.slice(held)).toEqual([{ type: 'pong', id: 0 }]);
    host.handle({ type: 'resume', id: 1 });
    await settled(1);
    expect(messages.filter((m) => m.type === 'pong')).toHaveLength(2);
  });

  it('cancels', async () => {
    const { messages, host } = harness();
    host.handle({ type: 'run', id: 7, spec: spec({ hiddenSize: 64, seqLen: 20000 }) });
    host.handle({ type: 'cancel', id: 7 });
    await new Promise((r) => setTimeout(r, 30));
    expect(messages.some((m) => m.type === 'done')).toBe(false);
    expect(messages.filter((m) => m.type === 'chunk').length).toBeLessThanOrEqual(1);
  });

  it('answers a bad request with a message, and keeps working', async () => {
    const { messages, host, settled } = harness();
    host.handle({ type: 'run', id: 1, spec: spec({ hiddenSize: 0 }) });
    await settled(1);
    expect(messages[0]).toMatchObject({ type: 'error', id: 1, user: true });
    expect((messages[0] as { message: string }).message).toMatch(/hidden size H must be a whole number ≥ 1, got 0/);

    const big = { ...spec({ hiddenSize: 512, seqLen: 100_000 }), maxTraceBytes: 1e9 };
    host.handle({ type: 'run', id: 2, spec: big });
    await settled(2);
    const refused = messages.find((m) => m.id === 2);
    expect(refused).toMatchObject({ type: 'error', user: true });
    expect((refused as { message: string }).message).toMatch(/keep 2\.6\d GB of values .*the limit is 1\.00 GB/);

    host.handle({ type: 'run', id: 3, spec: spec({ inputKind: 'text', text: 'ÉÉÉ' }) });
    await settled(3);
    expect((messages.find((m) => m.id === 3) as { message: string }).message).toMatch(/no characters the model knows/);

    host.handle({ type: 'run', id: 4, spec: spec({ inputKind: 'text', text: 'hé!' }) });
    await settled(4);
    const start = messages.find((m) => m.id === 4 && m.type === 'start');
    expect(start && start.type === 'start' && start.notes).toEqual([expect.stringMatching(/Skipped characters outside the vocabulary: \u2068"é"\u2069/)]);
    expect(messages.filter((m) => m.id === 4).at(-1)?.type).toBe('done');

    // Capitals are read as lower case, and the page is told so (É is skipped, not lowered: é isn't known).
    host.handle({ type: 'run', id: 5, spec: spec({ inputKind: 'text', text: 'Hi É' }) });
    await settled(5);
    const capitals = messages.find((m) => m.id === 5 && m.type === 'start');
    expect(capitals && capitals.type === 'start' && capitals.notes).toEqual([
      expect.stringMatching(/Skipped .*"é"/), 'Capitals read as lower case: the vocabulary has only lower-case letters.',
    ]);
  });
});

describe('the rest after each chunk', () => {
  it('leaves a small machine a share of the CPU, and a larger one none', () => {
    for (const cores of [1, 2]) expect(restAfterChunkMs(cores)).toBeGreaterThan(0);
    for (const cores of [3, 4, 16]) expect(restAfterChunkMs(cores)).toBe(0);
  });

  it('rests longer on any machine while the user scrubs, and goes back after', () => {
    for (const cores of [1, 2, 16]) {
      expect(restAfterChunkMs(cores, true)).toBeGreaterThanOrEqual(3 * restAfterChunkMs(2));
      expect(restAfterChunkMs(cores, false)).toBe(restAfterChunkMs(cores));
    }
  });

  describe('with trained weights', () => {
    const trained = (patch: Partial<Config> = {}) => spec({ inputKind: 'text', weights: 'trained', cell: 'gru', ...patch });

    it('runs the cell\'s trained model on the text: the trace is that model\'s, and the page is told where its weights come from', async () => {
      const { messages, host, settled } = harness();
      // The user's own H, layers and reset stay in the config; the trained model's stand in for them.
      host.handle({ type: 'run', id: 1, spec: trained({ hiddenSize: 64, numLayers: 3, gruReset: 'before' }) });
      await settled(1);
      const start = messages[0];
      if (start.type !== 'start') throw new Error(`expected a start, got ${start.type}`);
      expect(start.model.origin).toMatchObject({ kind: 'trained', about: 'trained on short sentences' });
      const trace = new Trace(start.layout, start.initial);
      for (const m of messages) if (m.type === 'chunk') trace.append(m.chunk);
      const { seq } = buildRun(trained(), trainedModelFromDisk('gru'));
      const whole = runAll(trainedModelFromDisk('gru'), seq);
      expect(Array.from(trace.series(trace.index('probs')))).toEqual(Array.from(whole.series(whole.index('probs'))));
      expect(messages.at(-1)?.type).toBe('done');
    });

    it('refuses a trained spec whose sizes are not the trained model\'s, or that reads no text', () => {
      const model = trainedModelFromDisk('lstm');
      const mismatched = { ...trained({ cell: 'lstm' }), model: { ...trained({ cell: 'lstm' }).model, hiddenSize: 32 } };
      expect(() => buildRun(mismatched, model)).toThrow('the trained model is an LSTM with H = 16 and 1 layer reading characters; the run asked for an LSTM with H = 32 and 1 layer');
      expect(() => buildRun({ ...spec(), weights: 'trained' }, model)).toThrow('trained weights need text input');
    });

    it('drops a run superseded while its file loads', async () => {
      const { messages, host, settled } = harness();
      host.handle({ type: 'run', id: 1, spec: trained({ cell: 'rnn_relu' }) });
      host.handle({ type: 'run', id: 2, spec: spec({ seqLen: 5 }) });
      await settled(2);
      await new Promise((r) => setTimeout(r, 50));
      expect(messages.filter((m) => m.id === 1)).toEqual([]);
    });
  });
});
