/**
 * Spreads canvas repaints over animation frames: each frame runs queued paints until a few milliseconds
 * are spent, the rest wait for the next frame. Six heatmaps repainted at once would otherwise be one
 * long frame (and one long task) whenever a run starts or the window zooms.
 */

/** Paint time allowed per frame. */
const BUDGET_MS = 8;
/**
 * Canvases changed per frame. A canvas drawn on the main thread is uploaded whole when the frame is
 * committed, and without a GPU that upload, not the painting, is what makes a frame long. (The heatmaps
 * hand their pixels to an OffscreenCanvas in a worker where the browser has one; see Heatmaps/surface.ts.)
 */
const CANVASES_PER_FRAME = 1;

const queue = new Map<object, () => void>();
let frame = 0;

function run(): void {
  // `frame` stays set while running, so paints queued from inside a paint don't ask for a second callback.
  const start = performance.now();
  const touched = new Set<object>();
  try {
    for (const [key, paint] of queue) {
      if (!touched.has(key) && touched.size === CANVASES_PER_FRAME) continue;
      touched.add(key);
      queue.delete(key);
      paint();
      if (performance.now() - start > BUDGET_MS) break;
    }
  } finally {
    // Even if a paint threw, the queue keeps running for the other canvases.
    frame = queue.size > 0 ? requestAnimationFrame(run) : 0;
  }
}

/** Schedules `paint` for `key` (a later call for the same key replaces an earlier one still waiting). */
export function schedulePaint(key: object, paint: () => void): void {
  queue.set(key, paint);
  if (!frame) frame = requestAnimationFrame(run);
}

/** Drops a waiting paint (the canvas is going away). */
export function cancelPaint(key: object): void {
  queue.delete(key);
}
