/**
 * The heatmaps' time axis: round, whole steps, each on a pixel column that shows it (as heatmap.ts's
 * stepAt and painter place steps), far enough apart for their labels.
 */
import { describe, expect, it } from 'vitest';
import { stepAt } from './heatmap';
import { timeTicks } from './timeTicks';

describe('timeTicks', () => {
  it('marks round steps, 1-based as the page writes t, under the column that shows each one', () => {
    for (const [t0, t1, w] of [[0, 60, 700], [0, 10_000, 900], [1234.5, 1301.25, 640], [0, 8, 500], [99_000, 100_000, 1100], [0, 10_000, 230]]) {
      const ticks = timeTicks(t0, t1, w);
      expect(ticks.length, `${t0}–${t1}`).toBeGreaterThanOrEqual(2);
      // Far enough apart for their labels, 7 px a character and 24 between.
      const room = 24 + 7 * ticks.at(-1)!.step.toLocaleString('en-US').length;
      for (let i = 1; i < ticks.length; i++) expect((ticks[i].frac - ticks[i - 1].frac) * w, `${t0}–${t1} at ${w} px`).toBeGreaterThanOrEqual(room);
      for (const { step, frac } of ticks) {
        expect(Number.isInteger(step)).toBe(true);
        // The pixel column under the mark shows this step (t = step − 1, 0-based): it is the step painted
        // there, or with more steps than columns, one of the steps the column stands for.
        const x = Math.min(w - 1, Math.floor(frac * w));
        const where = `step ${step} in ${t0}–${t1} at ${w} px`;
        if (t1 - t0 <= w) expect(stepAt(x, w, t0, t1), where).toBe(step - 1);
        else {
          expect(step - 1, where).toBeGreaterThanOrEqual(Math.floor(t0 + (x * (t1 - t0)) / w));
          expect(step - 1, where).toBeLessThan(Math.ceil(t0 + ((x + 1) * (t1 - t0)) / w));
        }
      }
      // Evenly spaced round numbers.
      const gaps = new Set(ticks.slice(1).map((k, i) => k.step - ticks[i].step));
      expect(gaps.size).toBe(1);
      expect([1, 2, 5].map((m) => [1, 10, 100, 1000, 10_000].map((p) => m * p)).flat()).toContain([...gaps][0]);
    }
    expect(timeTicks(0, 60, 700).map((k) => k.step)).toEqual([5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60]);
  });

  it('never marks half steps, nor steps outside the window, and has none without a window or a width', () => {
    expect(timeTicks(0, 8, 900).map((k) => k.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // A phone's row: eight steps, every other one marked, whether their labels are one digit or five.
    expect(timeTicks(0, 8, 230).map((k) => k.step)).toEqual([2, 4, 6, 8]);
    expect(timeTicks(10_000, 10_008, 280).map((k) => k.step)).toEqual([10_002, 10_004, 10_006, 10_008]);
    // Steps 3 and 6 are partly in the window, but the middles of their columns (2.5, 5.5) are not.
    expect(timeTicks(2.9, 5.2, 900).map((k) => k.step)).toEqual([4, 5]);
    expect(timeTicks(0, 0, 900)).toEqual([]);
    expect(timeTicks(0, 60, 0)).toEqual([]);
  });
});
