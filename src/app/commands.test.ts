/**
 * The one command registry: ids, labels and key bindings are unique and every binding reaches its command;
 * keys map to the right commands and are labelled as people read them. Then the commands really move the
 * cursor over a real trace (from the engine) in the run store: timesteps, sub-steps across timestep
 * boundaries both ways, units (wrapping), layers, start/end, clamped at the ends and to the steps that
 * have arrived while a run streams.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { subSteps } from '../cellinfo/substeps';
import { createRunner, runAll } from '../engine/run';
import { Trace } from '../engine/trace';
import { DEFAULT_CONFIG, runSpecOf, type Config } from '../state/config';
import { SPEEDS, usePlayback } from '../state/playback';
import { useRun } from '../state/run';
import { clampCursor, showSubStep } from '../state/cursor';
import { useView } from '../state/view';
import { shownWindow, stepsShown } from '../state/timeWindow';
import { buildRun } from '../worker/host';
import { command, commandForKey, COMMANDS, keyLabel, runCommand } from './commands';
import { useAnnouncement } from '../state/announce';

const initial = { playback: usePlayback.getState(), run: useRun.getState(), view: useView.getState() };

beforeEach(() => {
  usePlayback.setState(initial.playback, true);
  useRun.setState(initial.run, true);
  useView.setState(initial.view, true);
});

const key = (k: string, shiftKey = false) => commandForKey({ key: k, shiftKey })?.id;
const run = (id: string) => command(id).run();
const cursor = () => {
  const { t, sub, subFocus, layer, unit, playing } = usePlayback.getState();
  return { t, sub, subFocus, layer, unit, playing };
};

/** Puts a whole engine run into the run store, as the engine bridge does when a run is done. */
function loadRun(patch: Partial<Config>): Trace {
  const { model, seq } = buildRun(runSpecOf({ ...DEFAULT_CONFIG, ...patch }));
  const trace = runAll(model, seq);
  useRun.setState({ status: 'done', trace, model, filled: trace.filled, total: trace.layout.steps, error: null });
  return trace;
}

describe('the registry', () => {
  it('gives every command a unique id and label, a group and at least one key', () => {
    const ids = COMMANDS.map((c) => c.id);
    const labels = COMMANDS.map((c) => c.label);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(labels).size).toBe(labels.length);
    for (const c of COMMANDS) {
      expect(c.id).toMatch(/^[a-z][a-z-]*$/);
      expect(c.label.trim().length).toBeGreaterThan(0);
      expect(['Playback', 'Selection', 'View']).toContain(c.group);
      expect(c.keys.length, c.id).toBeGreaterThan(0);
      for (const k of c.keys) expect(k.key.length).toBeGreaterThan(0);
    }
  });

  it('binds no key to two commands (printable keys compared case-insensitively, as commandForKey reads them)', () => {
    const seen = new Map<string, string>();
    for (const c of COMMANDS) {
      for (const k of c.keys) {
        const id = `${k.shift ? 'Shift+' : ''}${k.key.length === 1 ? `char:${k.key.toLowerCase()}` : k.key}`;
        expect(seen.get(id), `${id} is bound to ${seen.get(id)} and ${c.id}`).toBeUndefined();
        seen.set(id, c.id);
      }
    }
  });

  it('reaches every command through each of its bindings (no binding shadowed by another)', () => {
    for (const c of COMMANDS) {
      for (const k of c.keys) expect(key(k.key, !!k.shift), `${keyLabel(k)} → ${c.id}`).toBe(c.id);
    }
  });

  it('finds commands by id and refuses unknown ones', () => {
    expect(command('play').label).toBe('Play / pause');
    expect(() => command('no-such-command')).toThrow(/no-such-command/);
  });
});

describe('commandForKey', () => {
  it('maps the documented keys', () => {
    expect(key('ArrowRight')).toBe('step-forward');
    expect(key('ArrowLeft')).toBe('step-back');
    expect(key('ArrowRight', true)).toBe('substep-forward');
    expect(key('ArrowLeft', true)).toBe('substep-back');
    expect(key(' ')).toBe('play');
    expect(key('k')).toBe('play');
    expect(key('Home')).toBe('start');
    expect(key('End')).toBe('end');
    expect(key('[')).toBe('unit-prev');
    expect(key(']')).toBe('unit-next');
    expect(key(',')).toBe('layer-down');
    expect(key('.')).toBe('layer-up');
    expect(key('-')).toBe('slower');
    expect(key('+', true)).toBe('faster');
    expect(key('=')).toBe('faster');
    expect(key('l')).toBe('lecture');
    expect(key('t')).toBe('theme');
  });

  it('reads printable keys as typed, whatever Shift did to them', () => {
    expect(key('L', true)).toBe('lecture');
    expect(key('L')).toBe('lecture');
    expect(key('K', true)).toBe('play');
    expect(key('?', true)).toBe('help');
    expect(key('?')).toBe('help');
  });

  it('runs only the help command (which closes the open overlay) while a modal is open', () => {
    expect(COMMANDS.filter((c) => c.inModal).map((c) => c.id)).toEqual(['help']);
  });

  it('requires Shift to match on named keys, and knows nothing of other keys', () => {
    expect(key('Home', true)).toBeUndefined();
    expect(key('End', true)).toBeUndefined();
    expect(key('Escape', true)).toBeUndefined();
    for (const k of ['x', 'Enter', 'ArrowUp', 'ArrowDown', 'Tab', 'F1', 'Shift', '/']) expect(key(k), k).toBeUndefined();
  });
});

describe('keyLabel', () => {
  it('writes bindings as people read them', () => {
    expect(keyLabel({ key: 'ArrowRight', shift: true })).toBe('Shift+→');
    expect(keyLabel({ key: 'ArrowLeft' })).toBe('←');
    expect(keyLabel({ key: ' ' })).toBe('Space');
    expect(keyLabel({ key: 'l' })).toBe('L');
    expect(keyLabel({ key: '?' })).toBe('?');
    expect(keyLabel({ key: 'Home' })).toBe('Home');
  });

  it('labels every binding of the registry distinctly', () => {
    const labels = COMMANDS.flatMap((c) => c.keys.map(keyLabel));
    expect(new Set(labels).size).toBe(labels.length);
    for (const l of labels) expect(l.trim().length).toBeGreaterThan(0);
  });
});

/** Puts a run of 50 steps into the run store with only its first `arrived` in, as while it streams. */
function streamRun(arrived: number): void {
  const { model, seq } = buildRun(runSpecOf({ ...DEFAULT_CONFIG, seqLen: 50 }));
  const runner = createRunner(model, seq);
  const trace = new Trace(runner.layout, runner.initial);
  trace.append(runner.next(arrived));
  useRun.setState({ status: 'running', trace, model, filled: trace.filled, total: 50 });
}

describe('moving the cursor over an LSTM trace', () => {
  const T = 12;
  const H = 8;
  const L = 2;
  const SUBS = subSteps('lstm').length;

  beforeEach(() => {
    loadRun({ cell: 'lstm', seqLen: T, hiddenSize: H, numLayers: L });
    usePlayback.setState({ t: 0, sub: SUBS - 1 });
  });

  it('steps timesteps forward and back, showing the whole step, clamped at both ends', () => {
    run('step-forward');
    expect(cursor()).toMatchObject({ t: 1, sub: SUBS - 1, subFocus: false });
    run('step-forward');
    run('step-back');
    expect(cursor().t).toBe(1);
    run('step-back');
    run('step-back');
    expect(cursor().t).toBe(0);
    for (let k = 0; k < T + 5; k++) run('step-forward');
    expect(cursor().t).toBe(T - 1);
  });

  it('jumps to the start and the end', () => {
    run('end');
    expect(cursor()).toMatchObject({ t: T - 1, sub: SUBS - 1, subFocus: false });
    run('start');
    expect(cursor()).toMatchObject({ t: 0, sub: SUBS - 1, subFocus: false });
  });

  it('walks sub-steps forward through a timestep and into the next one', () => {
    usePlayback.setState({ t: 3, sub: 0, subFocus: true, playing: true });
    const seen: Array<[number, number]> = [];
    for (let k = 0; k < 2 * SUBS; k++) {
      run('substep-forward');
      const c = cursor();
      expect(c.subFocus).toBe(true);
      expect(c.playing).toBe(false);
      seen.push([c.t, c.sub]);
    }
    expect(seen).toEqual([[3, 1], [3, 2], [3, 3], [4, 0], [4, 1], [4, 2], [4, 3], [5, 0]]);
  });

  it('walks sub-steps back into the previous timestep', () => {
    usePlayback.setState({ t: 5, sub: 1, subFocus: true });
    const seen: Array<[number, number]> = [];
    for (let k = 0; k < 6; k++) {
      run('substep-back');
      seen.push([cursor().t, cursor().sub]);
    }
    expect(seen).toEqual([[5, 0], [4, 3], [4, 2], [4, 1], [4, 0], [3, 3]]);
  });

  it('stops sub-stepping at the first sub-step of t = 0 and the last of t = T − 1', () => {
    usePlayback.setState({ t: 0, sub: 1, subFocus: true });
    run('substep-back');
    run('substep-back');
    run('substep-back');
    expect(cursor()).toMatchObject({ t: 0, sub: 0 });
    usePlayback.setState({ t: T - 1, sub: SUBS - 2, subFocus: true });
    run('substep-forward');
    run('substep-forward');
    run('substep-forward');
    expect(cursor()).toMatchObject({ t: T - 1, sub: SUBS - 1 });
  });

  it('from a whole timestep, walks that timestep: forward from its first sub-step, back from its last', () => {
    usePlayback.setState({ t: 4, sub: SUBS - 1, subFocus: false, playing: true });
    run('substep-forward');
    expect(cursor()).toMatchObject({ t: 4, sub: 0, subFocus: true, playing: false });
    usePlayback.setState({ t: 4, sub: SUBS - 1, subFocus: false });
    run('substep-back');
    expect(cursor()).toMatchObject({ t: 4, sub: SUBS - 1, subFocus: true });
    run('substep-back');
    expect(cursor()).toMatchObject({ t: 4, sub: SUBS - 2 });
  });

  it('a timestep step after sub-stepping shows the whole step again', () => {
    usePlayback.setState({ t: 4, sub: 1, subFocus: true });
    run('step-forward');
    expect(cursor()).toMatchObject({ t: 5, sub: SUBS - 1, subFocus: false });
  });

  it('cycles units with [ and ], wrapping at both ends', () => {
    run('unit-prev');
    expect(cursor().unit).toBe(H - 1);
    run('unit-next');
    expect(cursor().unit).toBe(0);
    for (let k = 0; k < 3; k++) run('unit-next');
    expect(cursor().unit).toBe(3);
    for (let k = 0; k < H; k++) run('unit-next');
    expect(cursor().unit).toBe(3);
  });

  it('moves between layers, clamped to the model', () => {
    run('layer-down');
    expect(cursor().layer).toBe(0);
    run('layer-up');
    expect(cursor().layer).toBe(1);
    run('layer-up');
    expect(cursor().layer).toBe(L - 1);
    run('layer-down');
    expect(cursor().layer).toBe(0);
  });

  it('Esc ends a walk through the sub-steps at the timestep it is in', () => {
    usePlayback.setState({ t: 4, sub: 1, subFocus: true });
    expect(key('Escape')).toBe('whole-step');
    run('whole-step');
    expect(cursor()).toMatchObject({ t: 4, sub: SUBS - 1, subFocus: false });
    run('whole-step'); // already whole: nothing moves
    expect(cursor()).toMatchObject({ t: 4, sub: SUBS - 1, subFocus: false });
  });

  it('plays and pauses; playing from the end starts again from the beginning', () => {
    usePlayback.setState({ t: 4, sub: 1, subFocus: true });
    run('play');
    expect(cursor()).toMatchObject({ playing: true, t: 4, sub: SUBS - 1, subFocus: false });
    run('play');
    expect(cursor().playing).toBe(false);
    run('end');
    run('play');
    expect(cursor()).toMatchObject({ playing: true, t: 0 });
  });

  it('the keys do what their commands do', () => {
    commandForKey({ key: 'ArrowRight', shiftKey: false })!.run();
    expect(cursor().t).toBe(1);
    commandForKey({ key: 'ArrowRight', shiftKey: true })!.run();
    expect(cursor()).toMatchObject({ t: 1, sub: 0, subFocus: true });
    commandForKey({ key: 'ArrowLeft', shiftKey: true })!.run();
    expect(cursor()).toMatchObject({ t: 0, sub: SUBS - 1 });
    commandForKey({ key: ']', shiftKey: false })!.run();
    expect(cursor().unit).toBe(1);
  });
});

describe('moving the cursor over other cells and runs', () => {
  it('uses the GRU’s three sub-steps', () => {
    loadRun({ cell: 'gru', seqLen: 4 });
    usePlayback.setState({ t: 1, sub: 2, subFocus: true });
    run('substep-forward');
    expect(cursor()).toMatchObject({ t: 2, sub: 0 });
    run('substep-back');
    expect(cursor()).toMatchObject({ t: 1, sub: 2 });
    run('step-forward');
    expect(cursor()).toMatchObject({ t: 2, sub: 2 });
  });

  it('keeps a whole timestep whole across a switch of cell, and a walk within the new cell\'s sub-steps', () => {
    loadRun({ cell: 'rnn_tanh', seqLen: 4 });
    usePlayback.setState({ t: 2, sub: 5, subFocus: false });
    clampCursor();
    expect(cursor()).toMatchObject({ sub: 0, subFocus: false });
    loadRun({ cell: 'lstm', seqLen: 4 });
    clampCursor();
    expect(cursor()).toMatchObject({ sub: subSteps('lstm').length - 1, subFocus: false }); // it had stayed 0: the forget gate lit
    usePlayback.setState({ sub: 3, subFocus: true });
    loadRun({ cell: 'gru', seqLen: 4 });
    clampCursor();
    expect(cursor()).toMatchObject({ sub: 2, subFocus: true });
    // An RNN has nothing to walk: the walk ends there, and the LSTM after it shows its whole timestep.
    loadRun({ cell: 'rnn_relu', seqLen: 4 });
    clampCursor();
    expect(cursor()).toMatchObject({ sub: 0, subFocus: false });
    loadRun({ cell: 'lstm', seqLen: 4 });
    clampCursor();
    expect(cursor()).toMatchObject({ sub: subSteps('lstm').length - 1, subFocus: false });
  });

  it('uses the RNN’s single sub-step: each sub-step is a whole timestep', () => {
    loadRun({ cell: 'rnn_tanh', seqLen: 4 });
    usePlayback.setState({ t: 0, sub: 0 });
    run('substep-forward');
    // Not a walk: there is nothing inside the timestep to walk (the address said sub=1, and an LSTM loaded
    // next opened at its step 1 of 4).
    expect(cursor()).toMatchObject({ t: 1, sub: 0, subFocus: false });
    run('substep-forward');
    run('substep-forward');
    run('substep-forward');
    expect(cursor()).toMatchObject({ t: 3, sub: 0, subFocus: false });
    run('substep-back');
    expect(cursor()).toMatchObject({ t: 2, sub: 0, subFocus: false });
  });

  it('stays within the steps that have arrived while a run streams', () => {
    const { model, seq } = buildRun(runSpecOf({ ...DEFAULT_CONFIG, seqLen: 50 }));
    const runner = createRunner(model, seq);
    const trace = new Trace(runner.layout, runner.initial);
    trace.append(runner.next(8));
    trace.append(runner.next(12));
    useRun.setState({ status: 'running', trace, model, filled: trace.filled, total: 50 });
    run('end');
    expect(cursor().t).toBe(19);
    run('step-forward');
    expect(cursor().t).toBe(19);
    run('substep-forward');
    expect(cursor().t).toBe(19);
    trace.append(runner.next(30));
    run('step-forward');
    expect(cursor().t).toBe(20);
    run('end');
    expect(cursor().t).toBe(49);
  });

  it('leaves a sub-step walk alone at the last step that has arrived: → has nowhere to go', () => {
    streamRun(20);
    usePlayback.setState({ t: 19, sub: 1, subFocus: true });
    run('step-forward');
    expect(cursor()).toMatchObject({ t: 19, sub: 1, subFocus: true });
  });

  it('plays from a link\'s last step while the run streams towards it, rather than starting again at t = 1', () => {
    streamRun(20);
    usePlayback.setState({ t: 49 }); // ?t=50, ahead of the stream
    run('play');
    expect(cursor()).toMatchObject({ playing: true, t: 49 });
  });

  it('brings the cursor inside a new, smaller run: its last step, its last unit, its top layer', () => {
    loadRun({ seqLen: 60, hiddenSize: 8, numLayers: 2 });
    usePlayback.setState({ t: 55, unit: 7, layer: 1, sub: 2, subFocus: true });
    loadRun({ cell: 'gru', seqLen: 10, hiddenSize: 4, numLayers: 1 });
    clampCursor();
    expect(cursor()).toMatchObject({ t: 9, unit: 3, layer: 0, sub: 2, subFocus: true });
  });

  it('shows a sub-step by number, clamped to the cell\'s sub-steps', () => {
    loadRun({ cell: 'gru', seqLen: 4 });
    showSubStep(7);
    expect(cursor()).toMatchObject({ sub: subSteps('gru').length - 1, subFocus: true });
    showSubStep(-2);
    expect(cursor()).toMatchObject({ sub: 0, subFocus: true });
  });

  it('keeps the cursor at t = 0, unit 0, layer 0 with no trace at all', () => {
    run('step-forward');
    run('end');
    run('unit-next');
    run('layer-up');
    run('substep-forward');
    expect(cursor()).toMatchObject({ t: 0, unit: 0, layer: 0 });
  });
});

describe('view and speed commands', () => {
  it('toggles lecture view and the help overlay', () => {
    run('lecture');
    expect(useView.getState().lecture).toBe(true);
    run('lecture');
    expect(useView.getState().lecture).toBe(false);
    run('help');
    expect(useView.getState().help).toBe(true);
    run('help');
    expect(useView.getState().help).toBe(false);
  });

  it('switches the theme between light and dark', () => {
    useView.setState({ theme: 'light' });
    run('theme');
    expect(useView.getState().theme).toBe('dark');
    run('theme');
    expect(useView.getState().theme).toBe('light');
    // From 'auto' it picks the opposite of the system's (no matchMedia in Node: light system → dark).
    useView.setState({ theme: 'auto' });
    run('theme');
    expect(['light', 'dark']).toContain(useView.getState().theme);
  });

  it('steps the speed through SPEEDS, clamped at both ends', () => {
    usePlayback.setState({ speed: SPEEDS[0] });
    run('slower');
    expect(usePlayback.getState().speed).toBe(SPEEDS[0]);
    const seen: number[] = [];
    for (let k = 0; k < SPEEDS.length + 2; k++) {
      run('faster');
      seen.push(usePlayback.getState().speed);
    }
    expect(seen).toEqual([...SPEEDS.slice(1), SPEEDS[SPEEDS.length - 1], SPEEDS[SPEEDS.length - 1], SPEEDS[SPEEDS.length - 1]]);
    run('slower');
    expect(usePlayback.getState().speed).toBe(SPEEDS[SPEEDS.length - 2]);
  });
});

describe('heatmap time-window commands', () => {
  it('zoom in about the cursor, out again, and back to the whole run (kept as no window at all)', () => {
    loadRun({ seqLen: 400 });
    usePlayback.setState({ t: 100 });
    run('time-zoom-in');
    const [a, b] = useView.getState().heatmapWindow!;
    expect(b - a).toBe(200);
    // The cursor keeps its place in the window: it was a quarter of the way through the whole run.
    expect((100 - a) / (b - a)).toBeCloseTo(100 / 400, 6);
    run('time-zoom-in');
    expect(useView.getState().heatmapWindow![1] - useView.getState().heatmapWindow![0]).toBe(100);
    run('time-zoom-out');
    run('time-zoom-out');
    expect(useView.getState().heatmapWindow).toBeNull();
    run('time-zoom-in');
    run('time-all');
    expect(useView.getState().heatmapWindow).toBeNull();
  });

  it('zooms a window left from a longer run as the whole of this one, and does nothing without a run', () => {
    run('time-zoom-in');
    expect(useView.getState().heatmapWindow).toBeNull();
    loadRun({ seqLen: 60 });
    useView.setState({ heatmapWindow: [500, 900] });
    usePlayback.setState({ t: 30 });
    run('time-zoom-in');
    expect(useView.getState().heatmapWindow).toEqual([15, 45]);
  });

  it('zooms about the window\'s nearer edge when the cursor is outside the window', () => {
    loadRun({ seqLen: 400 });
    useView.setState({ heatmapWindow: [100, 200] });
    usePlayback.setState({ t: 10 });
    run('time-zoom-in');
    expect(useView.getState().heatmapWindow).toEqual([100, 150]);
    usePlayback.setState({ t: 390 });
    run('time-zoom-in');
    expect(useView.getState().heatmapWindow).toEqual([125, 150]);
  });

  it('keeps a window that ends at the run\'s last step, and drops one from a longer run', () => {
    expect(shownWindow([300, 400], 400)).toEqual([300, 400]);
    expect(shownWindow([300, 401], 400)).toEqual([0, 400]);
    expect(shownWindow(null, 400)).toEqual([0, 400]);
  });

  it('counts the steps a window shows from 1, a step shown in part included', () => {
    expect(stepsShown([0, 400])).toEqual([1, 400]);
    expect(stepsShown([50.5, 250.2])).toEqual([51, 251]);
    expect(stepsShown([50, 250])).toEqual([51, 250]);
  });

  it('reads Z as zoom in, Shift+Z as zoom out, and Z with Caps Lock alone as zoom in', () => {
    expect(key('z')).toBe('time-zoom-in');
    expect(key('Z', true)).toBe('time-zoom-out');
    expect(key('Z', false)).toBe('time-zoom-in');
    expect(key('0')).toBe('time-all');
    expect(key('c')).toBe('copy-latex');
    expect(key('L', true)).toBe('lecture'); // a letter held with Shift still means its command
    expect(keyLabel(command('time-zoom-out').keys[0])).toBe('Shift+Z');
  });
});

describe('what commands say to a screen reader', () => {
  const said = (id: string) => {
    runCommand(command(id));
    return useAnnouncement.getState().text;
  };

  it('says a pause with its step, a layer of how many, the speed, the theme and the lecture view', () => {
    loadRun({ numLayers: 2 });
    usePlayback.setState({ t: 10 });
    expect(said('play')).toBe('Playing');
    expect(said('play')).toMatch(/^Paused at t = \d+$/);
    expect(said('layer-up')).toBe('Layer 2 of 2');
    expect(said('layer-up')).toBe('Layer 2 of 2'); // clamped: said again, read again
    usePlayback.setState({ speed: 5 });
    expect(said('faster')).toBe('10 steps per second');
    useView.setState({ theme: 'light' });
    expect(said('theme')).toBe('Dark theme');
    expect(said('lecture')).toMatch(/^Lecture view: /);
    expect(said('lecture')).toBe('Lecture view off');
  });

  it('says the heatmaps\' window after a zoom, and when it is the whole sequence', () => {
    loadRun({ seqLen: 400 });
    usePlayback.setState({ t: 100 });
    expect(said('time-zoom-in')).toBe('Heatmaps show t = 51 to 250');
    expect(said('time-all')).toBe('Heatmaps show t = 1 to 400, the whole sequence');
    usePlayback.setState({ t: 0 });
    expect(said('time-zoom-in')).toBe('Heatmaps show t = 1 to 200'); // from the start, but not the whole
  });

  it('leaves the heatmaps\' window alone in the lecture view, which has no heatmaps, and says why', () => {
    loadRun({ seqLen: 400 });
    usePlayback.setState({ t: 100 });
    useView.setState({ lecture: true, heatmapWindow: [10, 50] });
    for (const id of ['time-zoom-in', 'time-zoom-out', 'time-all']) {
      expect(said(id)).toBe('The lecture view has no heatmaps (L leaves it)');
      expect(useView.getState().heatmapWindow).toEqual([10, 50]);
    }
    useView.setState({ lecture: false });
    expect(said('time-all')).toBe('Heatmaps show t = 1 to 400, the whole sequence');
    expect(useView.getState().heatmapWindow).toBeNull();
  });

  it('counts each announcement, so the same words are read twice', () => {
    loadRun({});
    const before = useAnnouncement.getState().n;
    said('layer-up');
    said('layer-up');
    expect(useAnnouncement.getState()).toMatchObject({ text: 'The model has one layer', n: before + 2 });
  });

  it('says why a step had nothing to do: at either end, or ahead of the stream', () => {
    const trace = loadRun({ seqLen: 20 });
    usePlayback.setState({ t: 19, subFocus: false });
    expect(said('step-forward')).toBe('Already at the last step, t = 20');
    usePlayback.setState({ t: 0 });
    expect(said('step-back')).toBe('Already at the first step, t = 1');
    expect(usePlayback.getState().t).toBe(0);
    // In a walk of t = 1, ← goes back to the whole step, in silence (the step line says it).
    usePlayback.setState({ t: 0, sub: 1, subFocus: true });
    const n = useAnnouncement.getState().n;
    runCommand(command('step-back'));
    expect(usePlayback.getState().subFocus).toBe(false);
    expect(useAnnouncement.getState().n).toBe(n);
    // A run still streaming: the cursor at its last arrived step waits for the next.
    useRun.setState({ filled: 5 });
    (trace as { filled: number }).filled = 5;
    usePlayback.setState({ t: 4, subFocus: false });
    expect(said('step-forward')).toBe('Step 6 is still being computed');
    expect(usePlayback.getState().t).toBe(4);
  });

  it('says there is nothing to play when the first run was refused, and does not start a clock', () => {
    useRun.setState({ status: 'error', trace: null, error: 'H = 100000 is too large' });
    expect(said('play')).toBe('Nothing to play: the engine could not run this model (the message above says why)');
    expect(usePlayback.getState().playing).toBe(false);
    // Still starting (no trace yet, nothing refused): play waits for the run, as it does for a stream.
    useRun.setState({ status: 'running', error: null });
    expect(said('play')).toBe('Playing');
  });

  it('says nothing for what the step line already announces', () => {
    loadRun({});
    const before = useAnnouncement.getState().n;
    for (const id of ['step-forward', 'substep-forward', 'unit-next', 'start', 'end']) runCommand(command(id));
    expect(useAnnouncement.getState().n).toBe(before);
  });
});
