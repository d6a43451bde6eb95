/**
 * The URL's one typed table of properties (as TensorFlow Playground has): each names its parameter, the
 * store field it mirrors and the values it accepts. Reading (read.ts) and writing (write.ts) both follow it.
 */
import { subSteps } from '../../cellinfo/substeps';
import { encodeText, SIGNAL_KINDS } from '../../engine/inputs';
import { layerSeries } from '../../engine/trace';
import { CELL_KINDS, CELL_NAMES } from '../../engine/types';
import { CONFIG_BOUNDS, DEFAULT_CONFIG, isTrained, modelOf, useConfig, type Config } from '../../state/config';
import { SPEEDS, usePlayback, type Playback } from '../../state/playback';
import { useView, type View } from '../../state/view';

export type Store = 'config' | 'view' | 'playback';

/** The fields of each store a parameter can mirror: a misspelt field is a type error, not a dead parameter. */
type FieldOf = { config: keyof Config; view: keyof View; playback: keyof Playback };

/**
 * Where a parameter's value lives: a store and one of its fields. `flag`: a boolean field of the same store
 * that says whether the value means anything: the parameter is written only while it is on, and reading
 * the parameter turns it on (a sub-step is shown only while the user walks through them).
 */
type Located = { [S in Store]: { store: S; field: FieldOf[S]; flag?: FieldOf[S] } }[Store];

export type Prop = Located & {
  param: string;
  /**
   * The field holds one value per cell kind (a record keyed by it); the parameter carries the value for the
   * cell the URL asks for, so that a link doesn't carry choices made for cells it doesn't show.
   */
  perCell?: true;
  /**
   * The parameter means something only while another has this value (a text only for input=text, the
   * forget gate's bias only for an LSTM): it is written only then, and read with a note otherwise.
   */
  only?: { param: 'cell' | 'input'; value: string };
  /**
   * A setting of the model's own (H, layers, reset, forget bias, seed) that the trained example has its own
   * of: with weights=trained it is kept for random weights, not written, and read with a note.
   */
  trainedHasItsOwn?: true;
} & (
  /**
   * `oneBased`: the URL counts from 1, as the screen does ("t = 37", "layer 2 of 3"); the store from 0.
   * `toModelEnd`: a place in the model (a step, a unit, a layer, a sub-step), with no bound of its own above:
   * one past the model's end, however far, is moved there by checkCursor, which can say "past the top of
   * the stack (2 layers)" where `max`, the page's limit, could only say "from 1 to 4".
   */
  | { type: 'int'; min: number; max: number; oneBased?: true; toModelEnd?: true }
  | { type: 'number'; min: number; max: number }
  /** A number from a fixed list: the choices the page's control offers. */
  | { type: 'choice'; values: readonly number[] }
  /**
   * `first-last`: whole steps counted from 1, both included, as the window's label shows them ("t 100–400");
   * the store holds [first − 1, last), or null for everything. `end`: the last step of the model asked for;
   * a span past it is cut there when read, and not written (the page then shows everything).
   */
  | { type: 'span'; max: number; end: (c: Config) => number }
  /**
   * Names separated by commas, each one of `values` for the model asked for (`none`: the empty list);
   * written in the order of `values`. Unknown names are dropped and reported, the others kept.
   */
  | { type: 'list'; values: (c: Config) => readonly string[]; none: string; maxLength: number }
  /** `aliases`: other spellings a person might write, read as the value they stand for. */
  | { type: 'enum'; values: readonly string[]; aliases?: Readonly<Record<string, string>> }
  | { type: 'bool' }
  | { type: 'string'; maxLength: number }
);

const B = CONFIG_BOUNDS;

/** T of the model a config asks for: a text's length in known characters, or the signal's length. */
export const stepsOf = (c: Config) => (c.inputKind === 'text' ? encodeText(c.text).tokens.length : c.seqLen);

/** The per-layer series of the cell a config asks for, as the trace names them ('f', 'fc', 'tanh_c', …). */
const seriesOf = (c: Config) => layerSeries(c.cell, modelOf(c).gruReset).map(([name]) => name);

/** "an LSTM", "a GRU", "an RNN", for messages. */
export const aCell = (c: Config) => CELL_NAMES[c.cell].a;

export const URL_PROPS: readonly Prop[] = [
  { param: 'cell', store: 'config', field: 'cell', type: 'enum', values: CELL_KINDS, aliases: { rnn: 'rnn_tanh' } },
  { param: 'reset', only: { param: 'cell', value: 'gru' }, trainedHasItsOwn: true, store: 'config', field: 'gruReset', type: 'enum', values: ['after', 'before'] },
  { param: 'input', store: 'config', field: 'inputKind', type: 'enum', values: ['signal', 'text'] },
  // With trained weights, the trained model's H, layers and reset stand in for the URL's (see modelOf and trainedHasItsOwn).
  { param: 'weights', only: { param: 'input', value: 'text' }, store: 'config', field: 'weights', type: 'enum', values: ['random', 'trained'] },
  { param: 'signal', only: { param: 'input', value: 'signal' }, store: 'config', field: 'signal', type: 'enum', values: SIGNAL_KINDS },
  { param: 'I', only: { param: 'input', value: 'signal' }, store: 'config', field: 'inputSize', type: 'int', min: B.inputSize[0], max: B.inputSize[1] },
  { param: 'H', trainedHasItsOwn: true, store: 'config', field: 'hiddenSize', type: 'int', min: B.hiddenSize[0], max: B.hiddenSize[1] },
  { param: 'layers', trainedHasItsOwn: true, store: 'config', field: 'numLayers', type: 'int', min: B.numLayers[0], max: B.numLayers[1] },
  { param: 'T', only: { param: 'input', value: 'signal' }, store: 'config', field: 'seqLen', type: 'int', min: B.seqLen[0], max: B.seqLen[1] },
  { param: 'seed', trainedHasItsOwn: true, store: 'config', field: 'seed', type: 'int', min: B.seed[0], max: B.seed[1] },
  { param: 'text', only: { param: 'input', value: 'text' }, store: 'config', field: 'text', type: 'string', maxLength: B.textLength },
  { param: 'fbias', only: { param: 'cell', value: 'lstm' }, trainedHasItsOwn: true, store: 'config', field: 'forgetBias', type: 'number', min: B.forgetBias[0], max: B.forgetBias[1] },
  { param: 'classes', store: 'config', field: 'classes', type: 'int', min: B.classes[0], max: B.classes[1] },
  { param: 't', store: 'playback', field: 't', type: 'int', min: 1, max: B.seqLen[1], oneBased: true, toModelEnd: true },
  // Units are numbered from 0 on screen too: they index the PyTorch tensors (h[3]).
  { param: 'unit', store: 'playback', field: 'unit', type: 'int', min: 0, max: B.hiddenSize[1] - 1, toModelEnd: true },
  { param: 'layer', store: 'playback', field: 'layer', type: 'int', min: 1, max: B.numLayers[1], oneBased: true, toModelEnd: true },
  // Numbered from 1 as on screen ("Step 2 of 4"); absent, the whole timestep is shown.
  { param: 'sub', store: 'playback', field: 'sub', type: 'int', min: 1, max: Math.max(...CELL_KINDS.map((c) => subSteps(c).length)), oneBased: true, flag: 'subFocus', toModelEnd: true },
  { param: 'lecture', store: 'view', field: 'lecture', type: 'bool' },
  { param: 'theme', store: 'view', field: 'theme', type: 'enum', values: ['auto', 'light', 'dark'] },
  { param: 'norm', store: 'view', field: 'heatmapNorm', type: 'enum', values: ['series', 'global'] },
  { param: 'window', store: 'view', field: 'heatmapWindow', type: 'span', max: B.seqLen[1], end: stepsOf },
  // The trace's names (PyTorch's gate letters): plain ASCII, unlike the chips' symbols (fₜ, h'ₜ, f⊙c).
  { param: 'series', store: 'view', field: 'heatmapSeries', type: 'list', values: seriesOf, none: 'none', maxLength: 200, perCell: true },
  { param: 'speed', store: 'playback', field: 'speed', type: 'choice', values: SPEEDS },
];

/**
 * Whether the property means anything for the model a config asks for (see `only` and `trainedHasItsOwn`);
 * `has` is what that model has instead, as a parameter would spell it ("input=signal", "weights=trained"),
 * and `trained` whether the reason is that it has trained weights (the trained model has its own value).
 */
export function applies(p: Prop, c: Config): { yes: boolean; has: string; trained: boolean } {
  if (p.only) {
    const q = URL_PROPS.find((r) => r.param === p.only!.param)!;
    const value = String((c as unknown as Record<string, unknown>)[q.field]);
    if (value !== p.only.value) return { yes: false, has: `${q.param}=${value}`, trained: false };
  }
  if (p.trainedHasItsOwn && isTrained(c)) return { yes: false, has: 'weights=trained', trained: true };
  return { yes: true, has: '', trained: false };
}

/** Whether reading the property needs the model the URL asks for (so it is read after the model's own). */
export const needsModel = (p: Prop) => p.type === 'span' || p.type === 'list' || p.perCell === true;

/** The store each property's `store` names. */
export const STORES = {
  config: useConfig,
  view: useView,
  playback: usePlayback,
} as const;

/** Each store's state as the page starts: what the URL leaves out. */
export const DEFAULTS: Record<Store, Record<string, unknown>> = {
  config: DEFAULT_CONFIG as unknown as Record<string, unknown>,
  view: useView.getInitialState() as unknown as Record<string, unknown>,
  playback: usePlayback.getInitialState() as unknown as Record<string, unknown>,
};
