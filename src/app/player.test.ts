/**
 * The playback clock, driven frame by frame: it moves the cursor at `speed` steps a second, waits for a
 * stream, stops at the end, and counts no time while there is nothing to move through.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runAll } from '../engine/run';
import { DEFAULT_CONFIG, runSpecOf } from '../state/config';
import { usePlayback } from '../state/playback';
import { useRun } from '../state/run';
import { buildRun } from '../worker/host';
import { startPlayer } from './player';

const initial = { playback: usePlayback.getState(), run: useRun.getState() };
let frames: ((now: number) => void)[] = [];
let now = 0;

/** Runs the animation frames asked for, `ms` apart. */
function advance(n: number, ms: number): void {
  for (let k = 0; k < n; k++) {
    now += ms;
    const due = frames;
    frames = [];
    for (const f of due) f(now);
  }
}

beforeEach(() => {
  usePlayback.setState(initial.playback, true);
  useRun.setState(initial.run, true);
  frames = [];
  now = 1000;
  vi.stubGlobal('requestAnimationFrame', (f: (now: number) => void) => frames.push(f));
  vi.stubGlobal('cancelAnimationFrame', () => { frames = []; });
});
afterEach(() => vi.unstubAllGlobals());

function loadRun(seqLen: number): void {
  const { model, seq } = buildRun(runSpecOf({ ...DEFAULT_CONFIG, seqLen }));
  const trace = runAll(model, seq);
  useRun.setState({ status: 'done', trace, model, filled: trace.filled, total: seqLen });
}

describe('the playback clock', () => {
  it('moves the cursor at the speed set, and stops at the end', () => {
    loadRun(30);
    const stop = startPlayer();
    usePlayback.setState({ speed: 10, playing: true });
    advance(61, 1000 / 60); // one second after the first frame
    expect(usePlayback.getState().t).toBe(10);
    advance(300, 1000 / 60);
    expect(usePlayback.getState()).toMatchObject({ t: 29, playing: false });
    stop();
  });

  it('counts no time before a trace arrives: the cursor starts from where it was', () => {
    const stop = startPlayer();
    usePlayback.setState({ speed: 10, playing: true });
    useRun.setState({ status: 'running' });
    advance(600, 1000 / 60); // ten seconds with nothing to play
    loadRun(200);
    advance(2, 1000 / 60);
    // It had jumped to t = 100 at once: ten seconds' worth of steps, carried over.
    expect(usePlayback.getState().t).toBeLessThanOrEqual(1);
    stop();
  });
});
