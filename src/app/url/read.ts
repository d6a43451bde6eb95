/**
 * Reading an address into store patches. A URL is untrusted input: a value that doesn't fit is ignored and
 * reported with what was expected, and a place past the model's end is moved to it, and said so.
 */
import { subSteps } from '../../cellinfo/substeps';
import { escapeInvisible } from '../../engine/codePoints';
import { DEFAULT_CONFIG, modelOf, type Config } from '../../state/config';
import { aCell, applies, DEFAULTS, needsModel, stepsOf, URL_PROPS, type Prop, type Store } from './table';

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

/** The kinds of value written in digits, which may come with spaces around them. */
const NUMERIC = new Set<Prop['type']>(['int', 'number', 'choice', 'span']);

function parse(p: Prop, given: string, c: Config): Parsed {
  // An address reads + as a space: ?H=+8, written as a sign, arrived as " 8" and was refused as that.
  const raw = NUMERIC.has(p.type) ? given.trim() : given;
  switch (p.type) {
    case 'int': {
      // A place past the model's end is moved to its end however far past it is: 11 digits or 300 are
      // read as 10 (refused, they had been called "not a whole number, 1 or more").
      const past = p.toModelEnd && /^\d{11,}$/.test(raw);
      if (!past && !/^-?\d{1,10}$/.test(raw)) return { ok: false };
      const v = past ? 9_999_999_999 : Number(raw) + 0; // + 0 turns −0 into 0
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
  const read: Array<[Prop, string]> = [];
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
    else if (take(out, p, raw, DEFAULT_CONFIG)) read.push([p, raw]);
  }
  const model = { ...DEFAULT_CONFIG, ...out.patches.config } as Config;
  for (const [p, raw] of later) take(out, p, raw, model);
  for (const [p, raw] of read) noteUnused(out, p, raw, model, last);
  checkCursor(out, last);
  if (out.problems.length > LISTED_PROBLEMS + 1) {
    const more = out.problems.length - LISTED_PROBLEMS;
    out.problems = [...out.problems.slice(0, LISTED_PROBLEMS), `…and ${more} more problems with the address.`];
  }
  return out;
}

/**
 * Reads one parameter into its patch, or reports it; whether it was read. `c`: the model the URL asks for,
 * if `needsModel`.
 */
function take(out: UrlRead, p: Prop, raw: string, c: Config): boolean {
  const r = parse(p, raw, c);
  if (!r.ok) {
    const why = r.why ?? `expected ${expected(p, c)}`;
    // A hint ends in a question mark, which needs no full stop after it.
    out.problems.push(`Ignored ${p.param}=${show(raw)}: ${why}${why.endsWith('?') ? '' : '.'}`);
    return false;
  }
  const patch = out.patches[p.store];
  patch[p.field] = p.perCell ? { ...(DEFAULTS[p.store][p.field] as object), [c.cell]: r.value } : r.value;
  if (p.flag) patch[p.flag] = true;
  if (r.note) out.problems.push(r.note);
  return true;
}

/**
 * A value the model asked for has no use for (`?text=hi` with a signal for input) is still read, so that
 * it is there when the user switches to the model it is for, and said to have no effect here: a link that
 * shows a sine wave where its author wrote a text must say why.
 */
function noteUnused(out: UrlRead, p: Prop, raw: string, c: Config, given: ReadonlyMap<string, string>): void {
  const { yes, has, trained } = applies(p, c);
  if (yes) return;
  const value = p.type === 'string' ? show(raw) : raw; // the others, having been read, are plain words and numbers
  if (trained) {
    const own = modelOf(c);
    const its = p.param === 'seed' ? 'weights, not drawn from a seed' : `own (${p.param}=${String((own as unknown as Record<string, unknown>)[p.field])})`;
    out.problems.push(`${p.param}=${value} has no effect here: this link has weights=trained, and the trained model has its ${its}; it applies with weights=random.`);
    return;
  }
  const by = p.only!;
  const chosen = given.has(by.param) ? '' : ` (the default); add ${by.param}=${by.value} to use it`;
  out.problems.push(`${p.param}=${value} has no effect here: it applies only with ${by.param}=${by.value}, and this link has ${has}${chosen}.`);
}

/**
 * A cursor past the end of the model the URL asks for (t beyond T, a unit beyond H, a layer beyond the
 * stack) is moved to the last one, and said so, quoting the address (`given`: each parameter's value as
 * written there): each bound alone can't know the others.
 */
function checkCursor(out: UrlRead, given: ReadonlyMap<string, string>): void {
  const c = modelOf({ ...DEFAULT_CONFIG, ...out.patches.config } as Config);
  const cursor = out.patches.playback as { t?: number; unit?: number; layer?: number; sub?: number };
  const T = stepsOf(c);
  // An empty text has no steps to show: the page says so itself, and t waits at the first.
  if (cursor.t !== undefined && T === 0) cursor.t = 0;
  if (cursor.t !== undefined && T > 0 && cursor.t >= T) {
    out.problems.push(`t=${given.get('t')} is past the end of the sequence (T = ${T}); showing t = ${T}.`);
    cursor.t = T - 1;
  }
  if (cursor.unit !== undefined && cursor.unit >= c.hiddenSize) {
    out.problems.push(`unit=${given.get('unit')} is past the last unit (H = ${c.hiddenSize}, units 0 to ${c.hiddenSize - 1}); showing unit ${c.hiddenSize - 1}.`);
    cursor.unit = c.hiddenSize - 1;
  }
  if (cursor.layer !== undefined && cursor.layer >= c.numLayers) {
    out.problems.push(`layer=${given.get('layer')} is past the top of the stack (${c.numLayers} layer${c.numLayers > 1 ? 's' : ''}); showing layer ${c.numLayers}.`);
    cursor.layer = c.numLayers - 1;
  }
  const subs = subSteps(c.cell).length;
  if (cursor.sub !== undefined && cursor.sub >= subs) {
    out.problems.push(`sub=${given.get('sub')} is past the last sub-step (${aCell(c)} timestep has ${subs}); showing sub-step ${subs}.`);
    cursor.sub = subs - 1;
  }
}
