/**
 * Moving between the symbols of the typeset equations by keyboard: which symbol a key picks. Pure, so the
 * rules are tested without a browser; useSymbolKeys applies them to the symbols on the page.
 */

/** The keys the equations widget keeps for itself (unmodified): they never reach the timeline. */
const SYMBOL_KEYS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'] as const;

/**
 * The symbol a key picks among `count` symbols in reading order, from `current` (null: none picked yet),
 * or undefined if the key is not one of SYMBOL_KEYS. → and ↓ go to the next symbol, ← and ↑ to the
 * previous one, Home and End to the first and the last. No wrapping: at either end the key stays put, so a
 * screen reader hears the same symbol again rather than jumping across the panel. With nothing picked,
 * → starts at the first symbol and ← at the last. Null when there are no symbols.
 */
export function moveSymbol(current: number | null, count: number, key: string): number | null | undefined {
  if (!(SYMBOL_KEYS as readonly string[]).includes(key)) return undefined;
  if (count <= 0) return null;
  const last = count - 1;
  switch (key) {
    case 'Home': return 0;
    case 'End': return last;
    case 'ArrowRight':
    case 'ArrowDown': return current === null ? 0 : Math.min(clampSymbol(current, count)! + 1, last);
    default: return current === null ? last : Math.max(clampSymbol(current, count)! - 1, 0);
  }
}

/**
 * The same place among a new set of symbols (another sub-step's equations were typeset): the index kept
 * if it still exists, else the last symbol; null if there are none.
 */
export function clampSymbol(index: number, count: number): number | null {
  return count <= 0 ? null : Math.max(0, Math.min(index, count - 1));
}
