/** How numbers are written on screen: one rule everywhere, so what a test reads back is predictable. */

/** Decimal places shown for values on the diagram, in tables and in equations. */
export const DIGITS = 3;

/** A value with DIGITS decimals and a real minus sign: −0.771, 0.402, 12.300. */
export function fmtValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const s = Math.abs(v) >= 1e5 ? v.toExponential(2) : v.toFixed(DIGITS);
  // −0.000 reads as a sign error to a student; a value that rounds to zero is written 0.000.
  return /^-0\.0*$/.test(s) ? s.slice(1) : s.replace('-', '−');
}


/**
 * A whole number with thousands separators: 10,000. (Not Intl.NumberFormat: its first use loads ICU data,
 * some 50 ms on a slow machine, right when the page is starting.)
 */
export function fmtInt(n: number): string {
  return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * A count and its noun, the noun singular for exactly one: "1 step", "0 steps", "10,000 steps". The count is
 * written as fmtInt writes it; `many` is for nouns whose plural isn't the singular plus s.
 */
export function plural(n: number, one: string, many = `${one}s`): string {
  const k = Math.round(n);
  return `${fmtInt(k)} ${k === 1 ? one : many}`;
}
