/** Messages from the page to the heatmap presenter (presenter.worker.ts). */
export type ToPresenter =
  /** From now on, canvas `id` is this OffscreenCanvas (transferred). */
  | { type: 'attach'; id: number; canvas: OffscreenCanvas }
  /** Resizes canvas `id` to w × h pixels (which clears it). */
  | { type: 'size'; id: number; w: number; h: number }
  /** Puts a block of w × h RGBA pixels (transferred) at column x of canvas `id`. */
  | { type: 'pixels'; id: number; x: number; w: number; h: number; pixels: ArrayBuffer }
  /** Canvas `id` is gone from the page. */
  | { type: 'detach'; id: number };
