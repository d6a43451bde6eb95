/**
 * The URL mirrors the page's state through one typed table of properties (as TensorFlow Playground
 * does): each property names its URL parameter, its store field and what values it accepts. A URL is
 * untrusted input: values that don't fit are ignored, and each is reported with what was expected.
 */
import { subSteps } from '../cellinfo/substeps';
import { encodeText, SIGNAL_KINDS } from '../engine/inputs';
import { CELL_KINDS } from '../engine/types';
import { CONFIG_BOUNDS, DEFAULT_CONFIG, useConfig, type Config } from '../state/config';
import { usePlayback } from '../state/playback';
import { useView } from '../state/view';

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
} & (
  /** `oneBased`: the URL counts from 1, as the screen does ("t = 37", "layer 2 of 3"); the store from 0. */
  | { type: 'int'; min: number; max: number; oneBased?: true }
  | { type: 'number'; min: number; max: number }
  /** `aliases`: other spellings a person might write, read as the value they stand for. */
  | { type: 'enum'; values: readonly string[]; aliases?: Readonly<Record<string, string>> }
  | { type: 'bool' }
  | { type: 'string'; maxLength: number }
);

const B = CONFIG_BOUNDS;

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
  { param: 't', store: 'playback', field: 't', type: 'int', min: 1, max: B.seqLen[1], oneBased: true },
  // Units are numbered from 0 on screen too: they index the PyTorch tensors (h[3]).
  { param: 'unit', store: 'playback', field: 'unit', type: 'int', min: 0, max: B.hiddenSize[1] - 1 },
  { param: 'layer', store: 'playback', field: 'layer', type: 'int', min: 1, max: B.numLayers[1], oneBased: true },
  // Numbered from 1 as on screen ("Step 2 of 4"); absent, the whole timestep is shown.
  { param: 'sub', store: 'playback', field: 'sub', type: 'int', min: 1, max: Math.max(...CELL_KINDS.map((c) => subSteps(c).length)), oneBased: true, flag: 'subFocus' },
  { param: 'lecture', store: 'view', field: 'lecture', type: 'bool' },
  { param: 'theme', store: 'view', field: 'theme', type: 'enum', values: ['auto', 'light', 'dark'] },
];

/** What a property accepts, in words, for the message about a value that didn't fit. */
function expected(p: Prop): string {
  switch (p.type) {
    case 'int': return `a whole number from ${p.min} to ${p.max}`;
    case 'number': return `a number from ${p.min} to ${p.max}`;
    case 'enum': return `one of ${p.values.join(', ')}`;
    case 'bool': return '1 or 0';
    case 'string': return `at most ${p.maxLength} characters`;
  }
}

function parse(p: Prop, raw: string): { ok: true; value: unknown } | { ok: false } {
  switch (p.type) {
    case 'int': {
      if (!/^-?\d{1,10}$/.test(raw)) return { ok: false };
      const v = Number(raw) + 0; // + 0 turns −0 into 0
      return v >= p.min && v <= p.max ? { ok: true, value: p.oneBased ? v - 1 : v } : { ok: false };
    }
    case 'number': {
      // Whatever String(number) writes for a value in range reads back: 1.5, 0.30000000000000004, 1e-7.
      if (!/^-?\d{1,6}(\.\d{1,17})?(e-?\d{1,3})?$/i.test(raw)) return { ok: false };
      const v = Number(raw) + 0;
      return v >= p.min && v <= p.max ? { ok: true, value: v } : { ok: false };
    }
    case 'enum': {
      const v = p.aliases && Object.hasOwn(p.aliases, raw) ? p.aliases[raw] : raw;
      return p.values.includes(v) ? { ok: true, value: v } : { ok: false };
    }
    case 'bool':
      return raw === '1' || raw === '0' || raw === 'true' || raw === 'false' ? { ok: true, value: raw === '1' || raw === 'true' } : { ok: false };
    case 'string':
      return raw.length <= p.maxLength ? { ok: true, value: raw } : { ok: false };
  }
}

export interface UrlRead {
  patches: Record<Store, Record<string, unknown>>;
  /** One line per parameter that was ignored. */
  problems: string[];
}

const show = (raw: string) => JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);

/** The most problems listed one by one; the rest are counted, so a junk address can't fill the screen. */
const LISTED_PROBLEMS = 8;

export function readUrl(search: string): UrlRead {
  const params = new URLSearchParams(search.length > 20_000 ? '' : search);
  const out: UrlRead = { patches: { config: {}, view: {}, playback: {} }, problems: [] };
  if (search.length > 20_000) out.problems.push(`The address is ${search.length} characters long; it was ignored (the limit is 20,000).`);
  // A parameter given twice counts once, as its last value (as the address bar's later edits win).
  const last = new Map<string, string>();
  const times = new Map<string, number>();
  for (const [param, raw] of params) {
    last.set(param, raw);
    times.set(param, (times.get(param) ?? 0) + 1);
  }
  for (const [param, raw] of last) {
    const p = URL_PROPS.find((q) => q.param === param);
    if (!p) {
      out.problems.push(`Ignored unknown URL parameter ${show(param)}.`);
      continue;
    }
    const n = times.get(param)!;
    if (n > 1) out.problems.push(`${param} is given ${n} times; the last one, ${param}=${show(raw)}, counts.`);
    const r = parse(p, raw);
    if (r.ok) {
      out.patches[p.store][p.field] = r.value;
      if (p.flag) out.patches[p.store][p.flag] = true;
    } else out.problems.push(`Ignored ${param}=${show(raw)}: expected ${expected(p)}.`);
  }
  checkCursor(out);
  if (out.problems.length > LISTED_PROBLEMS + 1) {
    const more = out.problems.length - LISTED_PROBLEMS;
    out.problems = [...out.problems.slice(0, LISTED_PROBLEMS), `…and ${more} more problems with the address.`];
  }
  return out;
}

/**
 * A cursor past the end of the model the URL asks for (t beyond T, a unit beyond H, a layer beyond the
 * stack) is moved to the last one, and said so: each bound alone can't know the others.
 */
function checkCursor(out: UrlRead): void {
  const c = { ...DEFAULT_CONFIG, ...out.patches.config } as Config;
  const cursor = out.patches.playback as { t?: number; unit?: number; layer?: number; sub?: number };
  const T = c.inputKind === 'text' ? encodeText(c.text).tokens.length : c.seqLen;
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
    const cell = c.cell === 'lstm' ? 'an LSTM' : c.cell === 'gru' ? 'a GRU' : 'an RNN';
    out.problems.push(`sub=${cursor.sub + 1} is past the last sub-step (${cell} timestep has ${subs}); showing sub-step ${subs}.`);
    cursor.sub = subs - 1;
  }
}

const STORES = {
  config: useConfig,
  view: useView,
  playback: usePlayback,
} as const;

const DEFAULTS: Record<Store, Record<string, unknown>> = {
  config: DEFAULT_CONFIG as unknown as Record<string, unknown>,
  view: { lecture: false, theme: 'auto' },
  playback: { t: 0, unit: 0, layer: 0 },
};

/** The query string for the current state: only the values that differ from the defaults. */
export function writeUrl(): string {
  const params = new URLSearchParams();
  for (const p of URL_PROPS) {
    const state = STORES[p.store].getState() as unknown as Record<string, unknown>;
    const v = state[p.field];
    if (p.flag ? !state[p.flag] : v === DEFAULTS[p.store][p.field]) continue;
    params.set(p.param, p.type === 'bool' ? (v ? '1' : '0') : p.type === 'int' && p.oneBased ? String((v as number) + 1) : String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** Applies the URL to the stores; returns the problems to show. */
export function applyUrl(search: string): string[] {
  const { patches, problems } = readUrl(search);
  useConfig.setState(patches.config);
  useView.setState(patches.view);
  usePlayback.setState(patches.playback);
  return problems;
}

/** Keeps the address bar in step with the state (replaceState, at most every 300 ms). */
export function syncUrl(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const next = writeUrl();
      if (next !== location.search) history.replaceState(null, '', `${location.pathname}${next}${location.hash}`);
    }, 300);
  };
  const subs = [useConfig.subscribe(schedule), useView.subscribe(schedule), usePlayback.subscribe(schedule)];
  return () => {
    clearTimeout(timer);
    subs.forEach((u) => u());
  };
}
