/** Small helpers for writing equations in LaTeX with the page's number format. */
import { fmtValue } from '../../viz/format';

/** A number for an equation: 3 decimals, a real minus. */
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
 * lhs = p₀ = p₁ = …, on one line when it is short, otherwise broken after the first step so that a
 * narrow panel never has to scroll an equation sideways.
 */
export function chain(lhs: string, ...parts: string[]): string {
  const one = `${lhs} = ${parts.join(' = ')}`;
  if (parts.length < 2 || printedLength(one) <= 46) return one;
  return `\\begin{aligned}${lhs} &= ${parts[0]} \\\\ &= ${parts.slice(1).join(' = ')}\\end{aligned}`;
}
