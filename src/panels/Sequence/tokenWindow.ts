/**
 * Which characters of a long text the tokens strip shows: as many as fit, around the cursor. A cut end
 * is marked by an ellipsis that takes a slot of its own, so that the marks are never the part cut off.
 */

export interface TokenWindow {
  /** First position shown. */
  start: number;
  /** One past the last position shown. */
  end: number;
  /** Whether there are characters before `start` (an ellipsis is shown before them). */
  before: boolean;
  /** Whether there are characters from `end` on (an ellipsis is shown after them). */
  after: boolean;
}

/**
 * The window over T positions that keeps t in view, with t near its middle where the text allows, for a
 * strip with room for `slots` equal slots (characters and ellipses alike). At least t itself is shown.
 */
export function tokenWindow(t: number, T: number, slots: number): TokenWindow {
  if (T <= 0) return { start: 0, end: 0, before: false, after: false };
  const cur = Math.min(Math.max(0, t), T - 1);
  const room = Math.max(1, Math.floor(slots));
  if (T <= room) return { start: 0, end: T, before: false, after: false };
  const place = (n: number) => {
    const start = Math.max(0, Math.min(cur - Math.floor(n / 2), T - n));
    return { start, end: start + n, before: start > 0, after: start + n < T };
  };
  // Near an end only one ellipsis is needed; in the middle, both.
  const one = place(Math.max(1, room - 1));
  if (!one.before || !one.after) return one;
  return place(Math.max(1, room - 2));
}
