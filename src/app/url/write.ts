/** Writing the state into an address: only what differs from the defaults, a long text in the fragment. */
import { ModelError } from '../../engine/model';
import { runSpecOf, useConfig, type Config } from '../../state/config';
import { checkRunSpec } from '../../worker/spec';
import { applies, DEFAULTS, STORES, URL_PROPS, type Prop } from './table';

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
 * defaults' that mean something for the model shown, and a text too long for the query in the fragment
 * (`?input=text#text=…`).
 */
export function writeUrl(): string {
  const params = new URLSearchParams();
  const current = useConfig.getState();
  if (runnable(current)) lastRunnable = current;
  const c = lastRunnable ?? current;
  for (const p of URL_PROPS) {
    // What the model shown has no use for (a text kept while the input is a signal) stays out of its link.
    if (!applies(p, c).yes) continue;
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
