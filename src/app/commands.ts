/**
 * Every command of the page, registered once. The buttons, the keyboard shortcuts and the help overlay
 * all read this table, so a shortcut can't exist without its label and its line in the help.
 */
import { SPEEDS, usePlayback } from '../state/playback';
import { layerBy, limits, seek, showWholeStep, stepBy, subStepBy, togglePlay, unitBy } from '../state/cursor';
import { useRun } from '../state/run';
import { useView } from '../state/view';
import { shownWindow, stepsShown, zoomTimeBy } from '../state/timeWindow';
import { announce } from '../state/announce';
import { fmtInt, plural } from '../viz/format';
import { effectiveTheme } from './theme';
import { NO_DIAGRAM, shownDiagram } from '../panels/CellDiagram/shownDiagram';

export interface KeyBinding {
  /** KeyboardEvent.key */
  key: string;
  /** Shift held: for a named key (Shift+→), or for a letter whose shifted form is another command (Shift+Z). */
  shift?: boolean;
}

export interface Command {
  id: string;
  /** What the command does, as a button's accessible name and the help overlay's text. */
  label: string;
  group: 'Playback' | 'Selection' | 'View';
  keys: KeyBinding[];
  /**
   * Also runs while a modal (the help overlay) is open, where every other shortcut is off: the key that
   * opened the overlay closes it too.
   */
  inModal?: boolean;
  run(): void;
  /**
   * Why the command can't act now, if it can't (the heatmaps it zooms aren't on the page): said in its
   * place, and nothing hidden is changed behind the user's back.
   */
  unavailable?(): string | null;
  /**
   * What to tell a screen reader once it has run, where nothing on the page announces the change itself
   * (the step line announces steps, sub-steps and units).
   */
  said?(): string;
}

/** The id of the command run last, and when (performance.now()). */
let lastRun: { id: string; at: number } | null = null;

/** The command run in the last second, if any: where the focus goes if that command took away its control. */
export function lastCommand(): string | null {
  return lastRun && performance.now() - lastRun.at < 1000 ? lastRun.id : null;
}

/** Runs a command, from its button or its key, and says what it did (`said`). */
export function runCommand(c: Command): void {
  lastRun = { id: c.id, at: performance.now() };
  const why = c.unavailable?.();
  if (why) return announce(why);
  c.run();
  if (c.said) announce(c.said());
}

function speedBy(d: number): void {
  const { speed } = usePlayback.getState();
  const k = SPEEDS.findIndex((s) => s >= speed);
  usePlayback.setState({ speed: SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, (k < 0 ? SPEEDS.length - 1 : k) + d))] });
}


const playingSaid = () => {
  const { playing, t } = usePlayback.getState();
  return playing ? 'Playing' : `Paused at t = ${fmtInt(t + 1)}`;
};
const speedSaid = () => `${plural(usePlayback.getState().speed, 'step')} per second`;
const layerSaid = () => {
  const layers = useRun.getState().trace?.layout.numLayers ?? 1;
  return layers > 1 ? `Layer ${Math.min(usePlayback.getState().layer, layers - 1) + 1} of ${layers}` : 'The model has one layer';
};
const windowSaid = () => {
  const T = useRun.getState().trace?.layout.steps ?? 0;
  const [first, last] = stepsShown(shownWindow(useView.getState().heatmapWindow, T));
  return `Heatmaps show t = ${fmtInt(first)} to ${fmtInt(last)}${first === 1 && last === T ? ', the whole sequence' : ''}`;
};

/**
 * → at the last step (or where the stream hasn't reached yet) and ← at the first have nothing to do, and
 * the step line, which speaks after a step, says nothing: these say why the key did nothing.
 */
const noStepForward = () => {
  const { t } = usePlayback.getState();
  const { lastT, endT } = limits();
  if (!useRun.getState().trace) return null;
  if (t >= endT) return `Already at the last step, t = ${fmtInt(t + 1)}`;
  return t >= lastT ? `Step ${fmtInt(t + 2)} is still being computed` : null;
};
// In a walk of t = 1's sub-steps, ← still has a move to make: back to the whole step.
const noStepBack = () => {
  const { t, subFocus } = usePlayback.getState();
  return useRun.getState().trace && t <= 0 && !subFocus ? 'Already at the first step, t = 1' : null;
};

/** With no run on screen (the first one refused), there is nothing to play, and "Playing" would mislead. */
const nothingToPlay = () => (!useRun.getState().trace && useRun.getState().status === 'error' ? 'Nothing to play: the engine could not run this model (the message above says why)' : null);

/** The lecture view shows no heatmaps: their commands would change a window nobody sees. */
const heatmapsHidden = () => (useView.getState().lecture ? `The lecture view has no heatmaps (${keyOf('lecture')} leaves it)` : null);

export const COMMANDS: readonly Command[] = [
  { id: 'play', label: 'Play / pause', group: 'Playback', keys: [{ key: ' ' }, { key: 'k' }], run: togglePlay, unavailable: nothingToPlay, said: playingSaid },
  { id: 'step-back', label: 'Previous timestep', group: 'Playback', keys: [{ key: 'ArrowLeft' }], run: () => stepBy(-1), unavailable: noStepBack },
  { id: 'step-forward', label: 'Next timestep', group: 'Playback', keys: [{ key: 'ArrowRight' }], run: () => stepBy(1), unavailable: noStepForward },
  { id: 'substep-back', label: 'Previous sub-step', group: 'Playback', keys: [{ key: 'ArrowLeft', shift: true }], run: () => subStepBy(-1) },
  { id: 'substep-forward', label: 'Next sub-step', group: 'Playback', keys: [{ key: 'ArrowRight', shift: true }], run: () => subStepBy(1) },
  // The way out of a walk without moving to another timestep (→ then ← had been the only one).
  { id: 'whole-step', label: 'Whole timestep', group: 'Playback', keys: [{ key: 'Escape' }], run: showWholeStep },
  { id: 'start', label: 'Jump to start', group: 'Playback', keys: [{ key: 'Home' }], run: () => seek(0) },
  { id: 'end', label: 'Jump to end', group: 'Playback', keys: [{ key: 'End' }], run: () => seek(limits().lastT) },
  { id: 'slower', label: 'Slower', group: 'Playback', keys: [{ key: '-' }], run: () => speedBy(-1), said: speedSaid },
  { id: 'faster', label: 'Faster', group: 'Playback', keys: [{ key: '+' }, { key: '=' }], run: () => speedBy(1), said: speedSaid },
  { id: 'unit-prev', label: 'Previous unit', group: 'Selection', keys: [{ key: '[' }], run: () => unitBy(-1) },
  { id: 'unit-next', label: 'Next unit', group: 'Selection', keys: [{ key: ']' }], run: () => unitBy(1) },
  { id: 'layer-down', label: 'Layer below', group: 'Selection', keys: [{ key: ',' }], run: () => layerBy(-1), said: layerSaid },
  { id: 'layer-up', label: 'Layer above', group: 'Selection', keys: [{ key: '.' }], run: () => layerBy(1), said: layerSaid },
  { id: 'time-zoom-in', label: 'Zoom the heatmaps in', group: 'View', keys: [{ key: 'z' }], run: () => zoomTimeBy(0.5), unavailable: heatmapsHidden, said: windowSaid },
  { id: 'time-zoom-out', label: 'Zoom the heatmaps out', group: 'View', keys: [{ key: 'Z', shift: true }], run: () => zoomTimeBy(2), unavailable: heatmapsHidden, said: windowSaid },
  { id: 'time-all', label: 'Heatmaps: all of the sequence', group: 'View', keys: [{ key: '0' }], run: () => useView.setState({ heatmapWindow: null }), unavailable: heatmapsHidden, said: windowSaid },
  // Loaded when first run: the equations' code is in their own chunk (it is already there once they show).
  { id: 'copy-latex', label: 'Copy as LaTeX', group: 'View', keys: [{ key: 'c' }], run: () => void import('../panels/Equations/copyLatex').then((m) => m.copyLatex()) },
  {
    id: 'save-image', label: 'Save the diagram as PNG', group: 'View', keys: [{ key: 's' }],
    run: () => void import('../panels/CellDiagram/saveImage').then(
      async (m) => { if (!(await m.saveDiagramImage(shownDiagram))) announce(NO_DIAGRAM); },
      () => announce('Saving is unavailable: part of the page did not load. Reload to try again'),
    ),
    unavailable: () => (useRun.getState().trace ? null : NO_DIAGRAM),
  },
  {
    id: 'lecture', label: 'Lecture view', group: 'View', keys: [{ key: 'l' }],
    run: () => useView.setState((v) => ({ lecture: !v.lecture })),
    said: () => (useView.getState().lecture ? 'Lecture view: the diagram, the equations and the timeline' : 'Lecture view off'),
  },
  {
    id: 'theme', label: 'Dark theme', group: 'View', keys: [{ key: 't' }],
    run: () => useView.setState((v) => ({ theme: effectiveTheme(v.theme) === 'dark' ? 'light' : 'dark' })),
    said: () => `${effectiveTheme(useView.getState().theme) === 'dark' ? 'Dark' : 'Light'} theme`,
  },
  { id: 'help', label: 'Keyboard shortcuts', group: 'View', keys: [{ key: '?' }], inModal: true, run: () => useView.setState((v) => ({ help: !v.help })) },
];


export function command(id: string): Command {
  const c = COMMANDS.find((k) => k.id === id);
  if (!c) throw new Error(`no command '${id}'`);
  return c;
}

const KEY_NAMES: Record<string, string> = { ' ': 'Space', ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓', Escape: 'Esc' };

/** A binding as shown to people: 'Shift+→', 'Space'. */
export function keyLabel(k: KeyBinding): string {
  const name = KEY_NAMES[k.key] ?? (k.key.length === 1 ? k.key.toUpperCase() : k.key);
  return k.shift ? `Shift+${name}` : name;
}

/** A command's first key as shown to people, to name it in a sentence ("press [ or ]"). */
export const keyOf = (id: string): string => keyLabel(command(id).keys[0]);

/** A binding as aria-keyshortcuts writes it: 'Shift+ArrowRight', 'Space'. */
export function ariaKeys(k: KeyBinding): string {
  const name = k.key === ' ' ? 'Space' : k.key;
  return k.shift ? `Shift+${name}` : name;
}

/**
 * The command a key press means, if any. A binding that matches exactly, Shift included, wins: Shift+→ is a
 * sub-step, Shift+Z zooms out. Otherwise a printable key is read as its unshifted binding: it already
 * carries Shift in e.key ('?' is Shift+/ on most layouts), and a letter typed with Caps Lock on or Shift
 * held means the same as without (L, lecture view).
 */
export function commandForKey(e: Pick<KeyboardEvent, 'key' | 'shiftKey'>): Command | undefined {
  const exact = (k: KeyBinding) => k.key === e.key && !!k.shift === e.shiftKey;
  const unshifted = (k: KeyBinding) => e.key.length === 1 && !k.shift && k.key === e.key.toLowerCase();
  return COMMANDS.find((c) => c.keys.some(exact)) ?? COMMANDS.find((c) => c.keys.some(unshifted));
}
