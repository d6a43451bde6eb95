/**
 * The painter never paints more than a slice of columns in one go: not for a new picture, and not when
 * many steps arrive at once (a heatmap scrolled back to while its run streamed on waits off screen, then
 * catches up). One unsliced catch-up of a 10,000-step run was a 50–90 ms frame.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Trace } from '../../engine/trace';
import { createHeatmapPainter } from './painter';

const frames: Array<() => void> = [];
const g = globalThis as Record<string, unknown>;
const saved = { ImageData: g.ImageData, requestAnimationFrame: g.requestAnimationFrame };
beforeAll(() => {
  g.ImageData = class { data: Uint8ClampedArray; constructor(public width: number, public height: number) { this.data = new Uint8ClampedArray(width * height * 4); } };
  g.requestAnimationFrame = (cb: () => void) => frames.push(cb);
});
afterAll(() => Object.assign(g, saved));

/** Runs animation frames until none is asked for. */
function runFrames(): void {
  for (let n = 0; frames.length > 0 && n < 10_000; n++) frames.shift()!();
}

describe('the heatmap painter', () => {
  it('paints a new picture and a large catch-up in slices of at most 256 columns, covering every new column', () => {
    const puts: Array<[number, number]> = [];
    // A canvas without an OffscreenCanvas: the page draws it, with putImageData's dirty rectangle.
    const canvas = { width: 0, height: 0, getContext: () => ({ putImageData: (_: unknown, _dx: number, _dy: number, x: number, _y: number, w: number) => puts.push([x, w]) }) };
    const trace = { filled: 10, layout: { series: [{ width: 4 }] }, row: () => new Float32Array([0.1, -0.2, 0.3, 0.9]) };
    const painter = createHeatmapPainter(canvas as unknown as HTMLCanvasElement);
    const view = { trace: trace as unknown as Trace, k: 0, w: 1000, h: 4, t0: 0, t1: 10_000, domain: { kind: 'diverging' as const, lo: -1, hi: 1 }, theme: 'light' as const, blank: 0 };
    painter.update(view);
    runFrames();
    expect(puts.length).toBeGreaterThan(1);
    expect(Math.max(...puts.map(([, w]) => w))).toBeLessThanOrEqual(256);
    puts.length = 0;
    trace.filled = 9000; // 8,990 steps at once: columns 1 to 900
    painter.update(view);
    runFrames();
    expect(Math.max(...puts.map(([, w]) => w))).toBeLessThanOrEqual(256);
    const painted = new Set(puts.flatMap(([x, w]) => Array.from({ length: w }, (_, k) => x + k)));
    for (let x = 1; x < 900; x++) expect(painted.has(x), `column ${x}`).toBe(true);
  });

  it('repaints the whole picture when the page changes theme (signed values change colour)', () => {
    const puts: Array<[number, number]> = [];
    const canvas = { width: 0, height: 0, getContext: () => ({ putImageData: (_: unknown, _dx: number, _dy: number, x: number, _y: number, w: number) => puts.push([x, w]) }) };
    const trace = { filled: 10, layout: { series: [{ width: 4 }] }, row: () => new Float32Array([0.1, -0.2, 0.3, 0.9]) };
    const painter = createHeatmapPainter(canvas as unknown as HTMLCanvasElement);
    const view = { trace: trace as unknown as Trace, k: 0, w: 100, h: 4, t0: 0, t1: 10, domain: { kind: 'diverging' as const, lo: -1, hi: 1 }, theme: 'light' as const, blank: 0 };
    painter.update(view);
    runFrames();
    puts.length = 0;
    painter.update({ ...view });
    runFrames();
    expect(puts).toEqual([]); // nothing changed
    painter.update({ ...view, theme: 'dark' });
    runFrames();
    expect(puts.reduce((n, [, w]) => n + w, 0)).toBe(100);
  });
});
