/** Small helpers for writing equations in LaTeX with the page's number format. */
import { fmtValue } from '../../viz/format';

/** A number for an equation: 3 decimals, with LaTeX's minus (a hyphen, which it sets as a minus sign in maths). */
export function num(v: number): string {
  return fmtValue(v).replace('−', '-');
}

/** A number as a factor: negative numbers in parentheses, so 0.4·(−0.77) reads right. */
export function factor(v: number): string {
  const s = num(v);
  return s.startsWith('-') ? `(${s})` : s;
}

/** A signed term to append: "+ 0.3" or "- 0.3" (so a sum never reads "+ -0.3"). */
export function plus(v: number): string {
  const s = num(v);
  return s.startsWith('-') ? `- ${s.slice(1)}` : `+ ${s}`;
}

/**
 * A symbol as a screen reader says it, the way it reads KaTeX's MathML: W_{f} is "W sub f", h_t^{(1)}
 * "h sub t super (1)". Announced when the symbol is picked by keyboard (useSymbolKeys).
 */
export function spokenSymbol(tex: string): string {
  return tex
    .replace(/\\[a-zA-Z]+/g, '')
    .replace(/[{}\\]/g, '')
    .replace(/_/g, ' sub ')
    .replace(/\^/g, ' super ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A symbol that shows its PyTorch tensor on hover or when picked by keyboard: `data-tensor` holds the
 * tensor, `data-symbol` the symbol's spoken name (KaTeX's HTML is aria-hidden, so the panel announces it).
 */
export function sym(tex: string, tensor: string): string {
  // \htmlData splits its argument at commas: neither value may hold one.
  const clean = (s: string) => s.replace(/[{}\\%#&$^~,]/g, '');
  return `\\htmlData{tensor=${clean(tensor)}, symbol=${clean(spokenSymbol(tex))}}{${tex}}`;
}

/**
 * Rough printed width of some LaTeX, in characters: braces and markup don't print, a symbol command prints
 * one character, an operator name its letters (\tanh is four wide: counted as one, h_t = o·tanh(c) = …
 * ran past the lecture view's equation column).
 */
function printedLength(tex: string): number {
  return tex
    .replace(/\\htmlData\{[^}]*\}/g, '')
    .replace(/\\(tanh|softmax|exp|log|max|min)(?![a-zA-Z])/g, (_, name: string) => '#'.repeat(name.length)) // not letters: \cdot\tanh stays two
    .replace(/\\[a-zA-Z]+/g, 'x')
    .replace(/[{}_^]/g, '').length;
}

/**
 * One step of a chain of equalities: its LaTeX, and what it works out to from the numbers it shows, as a
 * student checking it by hand would get: `parts` its terms or factors, one by one, and `total` the whole.
 */
export interface Step {
  tex: string;
  parts: number[];
  total: number;
}

/** A number as the page shows it (3 decimals), for the value a hand calculation starts from. */
export const shown = (v: number): number => Number(num(v));

/** A chain's final number. */
export function result(v: number): Step {
  return { tex: num(v), parts: [], total: shown(v) };
}

/** Whether two values are shown as the same number (fmtValue already writes −0.000 as 0.000). */
export function sameShown(x: number, y: number): boolean {
  return num(x) === num(y);
}

/**
 * The sign between two steps: = when the first, worked out from the numbers it shows and rounded as the
 * page rounds, gives the second as shown (term by term where the two have the same terms, else as a whole);
 * ≈ where it doesn't. Each number is the engine's, rounded from full precision, so a sum of rounded terms can
 * miss the rounded sum in the last digit: the sign says so, rather than an = that a student finds false.
 */
function relation(a: Step | string, b: Step | string): string {
  if (typeof a === 'string' || typeof b === 'string') return '=';
  const termwise = a.parts.length > 0 && a.parts.length === b.parts.length;
  return (termwise ? a.parts.every((x, k) => sameShown(x, b.parts[k])) : sameShown(a.total, b.total)) ? '=' : '\\approx';
}

/**
 * lhs = p₀ = p₁ = …, on one line when it is short, otherwise broken after the first step so that a
 * narrow panel never has to scroll an equation sideways. Between steps, = or ≈ (see relation); a step given
 * as plain LaTeX is not checked.
 */
export function chain(lhs: string, ...steps: (Step | string)[]): string {
  const tex = steps.map((p) => (typeof p === 'string' ? p : p.tex));
  const signs = steps.slice(1).map((p, k) => relation(steps[k], p));
  const rest = (from: number) => tex.slice(from).map((t, k) => (k === 0 ? t : `${signs[from + k - 1]} ${t}`)).join(' ');
  const one = `${lhs} = ${rest(0)}`;
  if (steps.length < 2 || printedLength(one) <= 46) return one;
  return `\\begin{aligned}${lhs} &= ${tex[0]} \\\\ &${signs[0]} ${rest(1)}\\end{aligned}`;
}
