/**
 * The URL mirrors the page's state through one typed table of properties (as TensorFlow Playground
 * does): each property names its URL parameter, its store field and what values it accepts. A URL is
 * untrusted input: values that don't fit are ignored, and each is reported with what was expected.
 */
import { subSteps } from '../cellinfo/substeps';
import { escapeInvisible } from '../engine/codePoints';
import { encodeText, SIGNAL_KINDS } from '../engine/inputs';
import { layerSeries } from '../engine/trace';
import { ModelError } from '../engine/model';
import { CELL_KINDS, CELL_NAMES } from '../engine/types';
import { CONFIG_BOUNDS, DEFAULT_CONFIG, runSpecOf, useConfig, type Config } from '../state/config';
import { SPEEDS, usePlayback } from '../state/playback';
import { useView } from '../state/view';
import { checkRunSpec } from '../worker/spec';

type Store = 'config' | 'view' | 'playback';

type Prop = {
  param: string;
  store: Store;
  field: string;
  /**
   * A boolean field of the same store that says whether the value means anything: the parameter is written
   * only while it is on, and reading the parameter turns it on (a sub-step is shown only while the user
   * walks through them).
   */
  flag?: string;
  /**
   * The field holds one value per cell kind (a record keyed by it); the parameter carries the value for the
   * cell the URL asks for, so that a link doesn't carry choices made for cells it doesn't show.
   */
  perCell?: true;
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
const stepsOf = (c: Config) => (c.inputKind === 'text' ? encodeText(c.text).tokens.length : c.seqLen);

/** The per-layer series of the cell a config asks for, as the trace names them ('f', 'fc', 'tanh_c', …). */
const seriesOf = (c: Config) => layerSeries(c.cell, c.gruReset).map(([name]) => name);

/** "an LSTM", "a GRU", "an RNN", for messages. */
const aCell = (c: Config) => CELL_NAMES[c.cell].a;

export const URL_PROPS: readonly Prop[] = [
  { param: 'cell', store: 'config', field: 'cell', type: 'enum', values: CELL_KINDS, aliases: { rnn: 'rnn_tanh' } },
  { param: 'reset', store: 'config', field: 'gruReset', type: 'enum', values: ['after', 'before'] },
  { param: 'input', store: 'config', field: 'inputKind', type: 'enum', values: ['signal', 'text'] },
  { param: 'signal', store: 'config', field: 'signal', type: 'enum', values: SIGNAL_KINDS },
  { param: 'I', store: 'config', field: 'inputSize', type: 'int', min: B.inputSize[0], max: B.inputSize[1] },
  { param: 'H', store: 'config', field: 'hiddenSize', type: 'int', min: B.hiddenSize[0], max: B.hiddenSize[1] },
  { param: 'layers', store: 'config', field: 'numLayers', type: 'int', min: B.numLayers[0], max: B.numLayers[1] },
  { param: 'T', store: 'config', field: 'seqLen', type: 'int', min: B.seqLen[0], max: B.seqLen[1] },
  { param: 'seed', store: 'config', field: 'seed', type: 'int', min: B.seed[0], max: B.seed[1] },
  { param: 'text', store: 'config', field: 'text', type: 'string', maxLength: B.textLength },
  { param: 'fbias', store: 'config', field: 'forgetBias', type: 'number', min: B.forgetBias[0], max: B.forgetBias[1] },
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

/** Whether reading the property needs the model the URL asks for (so it is read after the model's own). */
const needsModel = (p: Prop) => p.type === 'span' || p.type === 'list' || p.perCell === true;

/** What a property accepts, in words, for the message about a value that didn't fit. */
function expected(p: Prop, c: Config): string {
  switch (p.type) {
    case 'int': return p.toModelEnd ? `a whole number, ${p.min} or more` : `a whole number from ${p.min} to ${p.max}`;
    case 'number': return `a number from ${p.min} to ${p.max}`;
    case 'choice': return `one of ${p.values.join(', ')}`;
    case 'span': return `steps as first-last, from 1 to ${p.max}, the first no later than the last (e.g. ${p.param}=100-400)`;
    case 'list': return `names of ${aCell(c)}'s series separated by commas (${p.values(c).join(', ')}), or ${p.none}`;
    case 'enum': return `one of ${p.values.join(', ')}`;
    case 'bool': return '1 or 0';
    case 'string': return `at most ${p.maxLength} characters`;
  }
}

/**
 * A value that fits (`note`: it was cut to fit, and how), or one that doesn't (`why`: a reason more
 * precise than what the property accepts in general).
 */
type Parsed = { ok: true; value: unknown; note?: string } | { ok: false; why?: string };

/** The most unknown names a message lists one by one. */
const LISTED_NAMES = 5;

function parse(p: Prop, raw: string, c: Config): Parsed {
  switch (p.type) {
    case 'int': {
      if (!/^-?\d{1,10}$/.test(raw)) return { ok: false };
      const v = Number(raw) + 0; // + 0 turns −0 into 0
      return v >= p.min && (v <= p.max || p.toModelEnd) ? { ok: true, value: p.oneBased ? v - 1 : v } : { ok: false };
    }
    case 'number': {
      // Whatever String(number) writes for a value in range reads back: 1.5, 0.30000000000000004, 1e-7.
      if (!/^-?\d{1,6}(\.\d{1,17})?(e-?\d{1,3})?$/i.test(raw)) return { ok: false };
      const v = Number(raw) + 0;
      return v >= p.min && v <= p.max ? { ok: true, value: v } : { ok: false };
    }
    case 'choice': {
      if (!/^\d{1,6}$/.test(raw)) return { ok: false };
      const v = Number(raw);
      return p.values.includes(v) ? { ok: true, value: v } : { ok: false };
    }
    case 'span': {
      // A hyphen, or the en dash the label shows.
      const m = /^(\d{1,6})[-\u2013](\d{1,6})$/.exec(raw);
      if (!m) return { ok: false };
      const [from, to] = [Number(m[1]), Number(m[2])];
      if (from < 1 || to > p.max || from > to) return { ok: false };
      const T = p.end(c);
      if (T > 0 && from > T) return { ok: false, why: `the sequence ends at step ${T} (T = ${T}); showing all of it` };
      if (T > 0 && to > T) return { ok: true, value: [from - 1, T], note: `${p.param}=${from}-${to} runs past the end of the sequence (T = ${T}); showing steps ${from} to ${T}.` };
      return { ok: true, value: [from - 1, to] };
    }
    case 'list': {
      if (raw.length > p.maxLength) return { ok: false };
      if (raw === p.none) return { ok: true, value: [] };
      const names = p.values(c);
      const given = new Set(raw.split(',').filter((n) => n !== ''));
      const unknown = [...given].filter((n) => !names.includes(n));
      const kept = names.filter((n) => given.has(n));
      if (kept.length === 0) return { ok: false };
      if (unknown.length === 0) return { ok: true, value: kept };
      const listed = unknown.slice(0, LISTED_NAMES).map(show).join(', ') + (unknown.length > LISTED_NAMES ? ` and ${unknown.length - LISTED_NAMES} more` : '');
      return { ok: true, value: kept, note: `Ignored ${listed} in ${p.param}=${show(raw)}: expected ${expected(p, c)}; showing ${kept.join(', ')}.` };
    }
    case 'enum': {
      const v = p.aliases && Object.hasOwn(p.aliases, raw) ? p.aliases[raw] : raw;
      if (p.values.includes(v)) return { ok: true, value: v };
      const hint = enumHint(p, raw);
      return hint ? { ok: false, why: `expected ${expected(p, c)}; ${hint}` } : { ok: false };
    }
    case 'bool':
      return raw === '1' || raw === '0' || raw === 'true' || raw === 'false' ? { ok: true, value: raw === '1' || raw === 'true' } : { ok: false };
    case 'string':
      return raw.length <= p.maxLength ? { ok: true, value: raw } : { ok: false };
  }
}

/**
 * What a refused word probably meant: the same word in other capitals ("LSTM"), or a value of another
 * parameter ("signal=text", where the text input is input=text). The refusal stands; the hint saves a
 * search through the list.
 */
function enumHint(p: Prop & { type: 'enum' }, raw: string): string | undefined {
  const sameWord = p.values.find((v) => v.toLowerCase() === raw.toLowerCase());
  if (sameWord) return `did you mean ${p.param}=${sameWord}?`;
  const other = URL_PROPS.find((q) => q !== p && q.type === 'enum' && q.values.includes(raw));
  if (other) return `${raw} is a value of ${other.param}: did you mean ${other.param}=${raw}?`;
  return undefined;
}

export interface UrlRead {
  patches: Record<Store, Record<string, unknown>>;
  /** One line per parameter that was ignored. */
  problems: string[];
}

/** A value from the address as a message quotes it: cut to 40 characters, what doesn't show by code point. */
const show = (raw: string) => escapeInvisible(JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw));

/** The most problems listed one by one; the rest are counted, so a junk address can't fill the screen. */
const LISTED_PROBLEMS = 8;

/**
 * Reads the address: its query, and its fragment (`#…`, where writeUrl puts a text too long for the query;
 * any parameter may stand in either).
 */
export function readUrl(search: string, fragment = ''): UrlRead {
  const both = `${search.replace(/^\?/, '')}&${fragment.replace(/^#/, '')}`;
  const tooLong = search.length + fragment.length > 20_000;
  const params = new URLSearchParams(tooLong ? '' : both);
  const out: UrlRead = { patches: { config: {}, view: {}, playback: {} }, problems: [] };
  if (tooLong) out.problems.push(`The address is ${search.length + fragment.length} characters long; it was ignored (the limit is 20,000).`);
  // A parameter given twice counts once, as its last value (as the address bar's later edits win).
  const last = new Map<string, string>();
  const times = new Map<string, number>();
  for (const [param, raw] of params) {
    last.set(param, raw);
    times.set(param, (times.get(param) ?? 0) + 1);
  }
  // Those that depend on the model (a window within its length, names of its cell's series) are read once
  // the model the URL asks for is known, wherever they stand in the address.
  const later: Array<[Prop, string]> = [];
  for (const [param, raw] of last) {
    const p = URL_PROPS.find((q) => q.param === param);
    if (!p) {
      // Parameters are case-sensitive (t is the step, T the length): a near miss is named, not guessed.
      const near = URL_PROPS.filter((q) => q.param.toLowerCase() === param.toLowerCase()).map((q) => q.param);
      out.problems.push(`Ignored unknown URL parameter ${show(param)}${near.length ? `; did you mean ${near.join(' or ')}?` : '.'}`);
      continue;
    }
    const n = times.get(param)!;
    if (n > 1) out.problems.push(`${param} is given ${n} times; the last one, ${param}=${show(raw)}, counts.`);
    if (needsModel(p)) later.push([p, raw]);
    else take(out, p, raw, DEFAULT_CONFIG);
  }
  const model = { ...DEFAULT_CONFIG, ...out.patches.config } as Config;
  for (const [p, raw] of later) take(out, p, raw, model);
  checkCursor(out);
  if (out.problems.length > LISTED_PROBLEMS + 1) {
    const more = out.problems.length - LISTED_PROBLEMS;
    out.problems = [...out.problems.slice(0, LISTED_PROBLEMS), `…and ${more} more problems with the address.`];
  }
  return out;
}

/** Reads one parameter into its patch, or reports it. `c`: the model the URL asks for, if `needsModel`. */
function take(out: UrlRead, p: Prop, raw: string, c: Config): void {
  const r = parse(p, raw, c);
  if (!r.ok) {
    out.problems.push(`Ignored ${p.param}=${show(raw)}: ${r.why ?? `expected ${expected(p, c)}`}.`);
    return;
  }
  const patch = out.patches[p.store];
  patch[p.field] = p.perCell ? { ...(DEFAULTS[p.store][p.field] as object), [c.cell]: r.value } : r.value;
  if (p.flag) patch[p.flag] = true;
  if (r.note) out.problems.push(r.note);
}

/**
 * A cursor past the end of the model the URL asks for (t beyond T, a unit beyond H, a layer beyond the
 * stack) is moved to the last one, and said so: each bound alone can't know the others.
 */
function checkCursor(out: UrlRead): void {
  const c = { ...DEFAULT_CONFIG, ...out.patches.config } as Config;
  const cursor = out.patches.playback as { t?: number; unit?: number; layer?: number; sub?: number };
  const T = stepsOf(c);
  // An empty text has no steps to show: the page says so itself, and t waits at the first.
  if (cursor.t !== undefined && T === 0) cursor.t = 0;
  if (cursor.t !== undefined && T > 0 && cursor.t >= T) {
    out.problems.push(`t=${cursor.t + 1} is past the end of the sequence (T = ${T}); showing t = ${T}.`);
    cursor.t = T - 1;
  }
  if (cursor.unit !== undefined && cursor.unit >= c.hiddenSize) {
    out.problems.push(`unit=${cursor.unit} is past the last unit (H = ${c.hiddenSize}, units 0 to ${c.hiddenSize - 1}); showing unit ${c.hiddenSize - 1}.`);
    cursor.unit = c.hiddenSize - 1;
  }
  if (cursor.layer !== undefined && cursor.layer >= c.numLayers) {
    out.problems.push(`layer=${cursor.layer + 1} is past the top of the stack (${c.numLayers} layer${c.numLayers > 1 ? 's' : ''}); showing layer ${c.numLayers}.`);
    cursor.layer = c.numLayers - 1;
  }
  const subs = subSteps(c.cell).length;
  if (cursor.sub !== undefined && cursor.sub >= subs) {
    out.problems.push(`sub=${cursor.sub + 1} is past the last sub-step (${aCell(c)} timestep has ${subs}); showing sub-step ${subs}.`);
    cursor.sub = subs - 1;
  }
}

const STORES = {
  config: useConfig,
  view: useView,
  playback: usePlayback,
} as const;

/** Each store's state as the page starts: what the URL leaves out. */
const DEFAULTS: Record<Store, Record<string, unknown>> = {
  config: DEFAULT_CONFIG as unknown as Record<string, unknown>,
  view: useView.getInitialState() as unknown as Record<string, unknown>,
  playback: usePlayback.getInitialState() as unknown as Record<string, unknown>,
};

/** A value as its parameter spells it, or undefined for one that isn't written (no window: all of it). */
function format(p: Prop, v: unknown, c: Config): string | undefined {
  switch (p.type) {
    case 'bool': return v ? '1' : '0';
    case 'int': return String(p.oneBased ? (v as number) + 1 : (v as number));
    case 'span': {
      if (v === null) return undefined;
      const [a, b] = v as [number, number];
      const T = p.end(c);
      // Zooming leaves fractional edges: written as the label shows them, the steps partly in view included.
      return T > 0 && b > T ? undefined : `${Math.floor(a) + 1}-${Math.ceil(b)}`;
    }
    case 'list': {
      // Only the names this model has, as the panel shows only those; in its order, so a set has one spelling.
      const names = p.values(c).filter((n) => (v as readonly string[]).includes(n));
      return names.length ? names.join(',') : p.none;
    }
    default: return String(v);
  }
}

/**
 * The last config the engine would run. While the controls hold one it refuses (too large, say), the page
 * goes on showing the run before it, and the address keeps that run's config: a link copied then opens
 * what the page shows, not the refusal. Null until one has been seen (a link that is itself refused is
 * written as it came, so that its message comes back with it).
 */
let lastRunnable: Config | null = null;

function runnable(c: Config): boolean {
  try {
    checkRunSpec(runSpecOf(c));
    return true;
  } catch (err) {
    if (err instanceof ModelError) return false;
    throw err;
  }
}

/**
 * The longest query writeUrl writes. Servers refuse longer request lines (often at 8 KB; Node's, which
 * serves `npm start`, at 16 KB, with an error page in place of ours), and the text of a text model,
 * 2,000 characters each written as up to 9 (%E4%BD%A0), can be longer. It then goes in the fragment, which
 * the browser keeps to itself, and a reload or a link still brings it back.
 */
export const QUERY_BUDGET = 6_000;

/**
 * The address for the current state, from its query on: only the values written differently from the
 * defaults', and a text too long for the query in the fragment (`?input=text#text=…`).
 */
export function writeUrl(): string {
  const params = new URLSearchParams();
  const current = useConfig.getState();
  if (runnable(current)) lastRunnable = current;
  const c = lastRunnable ?? current;
  for (const p of URL_PROPS) {
    const state = (p.store === 'config' ? c : STORES[p.store].getState()) as unknown as Record<string, unknown>;
    const pick = (from: Record<string, unknown>) => (p.perCell ? (from[p.field] as Record<string, unknown>)[c.cell] : from[p.field]);
    const text = format(p, pick(state), c);
    if (text === undefined || (p.flag ? !state[p.flag] : text === format(p, pick(DEFAULTS[p.store]), c))) continue;
    params.set(p.param, text);
  }
  let fragment = '';
  const text = params.get('text');
  if (text !== null && params.toString().length > QUERY_BUDGET) {
    params.delete('text');
    fragment = `#${new URLSearchParams({ text })}`;
  }
  const s = params.toString();
  return `${s ? `?${s}` : ''}${fragment}`;
}

/** Applies the address (its query and fragment) to the stores; returns the problems to show. */
export function applyUrl(search: string, fragment = ''): string[] {
  const { patches, problems } = readUrl(search, fragment);
  useConfig.setState(patches.config);
  useView.setState(patches.view);
  usePlayback.setState(patches.playback);
  return problems;
}

/**
 * Keeps the address bar in step with the state (replaceState, at most every 300 ms). A throttle, not a
 * debounce: playback changes the cursor every frame, and a timer restarted by each change never fired
 * while it played, so a link copied then carried none of the settings changed meanwhile.
 */
export function syncUrl(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    // Not while the timeline's thumb is held: its frames come first, and its release (scrubbing → false) is
    // a change that writes the step it ends on.
    if (usePlayback.getState().scrubbing) return;
    if (timer !== undefined) return; // due soon, and it writes the state as it is then
    timer = setTimeout(() => {
      timer = undefined;
      // The fragment is the page's too: writeUrl puts a long text there.
      const next = writeUrl();
      if (next !== `${location.search}${location.hash}`) history.replaceState(null, '', `${location.pathname}${next}`);
    }, 300);
  };
  const subs = [useConfig.subscribe(schedule), useView.subscribe(schedule), usePlayback.subscribe(schedule)];
  return () => {
    clearTimeout(timer);
    subs.forEach((u) => u());
  };
}
