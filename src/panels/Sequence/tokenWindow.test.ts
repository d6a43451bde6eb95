import { describe, expect, it } from 'vitest';
import { tokenWindow } from './tokenWindow';

describe('tokenWindow', () => {
  it('shows the whole text when it fits, without ellipses', () => {
    expect(tokenWindow(3, 20, 20)).toEqual({ start: 0, end: 20, before: false, after: false });
    expect(tokenWindow(0, 1, 31)).toEqual({ start: 0, end: 1, before: false, after: false });
  });

  it('keeps the last character in view at the end of a 180-character text in 31 slots', () => {
    const w = tokenWindow(179, 180, 31);
    expect(w).toEqual({ start: 150, end: 180, before: true, after: false });
  });

  it('for every cursor and room: the cursor is shown, ends are marked, and characters plus marks fit', () => {
    for (const T of [1, 2, 5, 30, 31, 32, 48, 180]) {
      for (const slots of [1, 2, 3, 4, 10, 31, 47, 48, 75]) {
        for (let t = 0; t < T; t++) {
          const w = tokenWindow(t, T, slots);
          const label = `t=${t} T=${T} slots=${slots}`;
          expect(w.start <= t && t < w.end, label).toBe(true);
          expect(w.before, label).toBe(w.start > 0);
          expect(w.after, label).toBe(w.end < T);
          const used = w.end - w.start + Number(w.before) + Number(w.after);
          // One slot has room for the cursor alone: its marks may then overflow, the cursor never does.
          if (slots >= 3) expect(used, label).toBeLessThanOrEqual(slots);
          // No room wasted: as many characters as fit beside the marks.
          expect(w.end - w.start, label).toBe(Math.min(T, Math.max(1, slots - Number(w.before) - Number(w.after))));
        }
      }
    }
  });
});
