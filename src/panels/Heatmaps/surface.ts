/**
 * Where a heatmap's pixels go: an OffscreenCanvas in the presenter worker where the browser has one
 * (so that uploading changed canvases to the compositor never lengthens the page's tasks), or the
 * canvas's own 2D context where it hasn't, or where the worker failed (its script didn't load, or it
 * died). A canvas handed to a worker can't be drawn on by the page again, so on such a failure the rows
 * put new canvases in (see presenterGeneration) and those are drawn directly.
 */
import type { ToPresenter } from './presenterProtocol';

export interface PictureSurface {
  /** Sets the picture's size in pixels (a new size clears it; the same size changes nothing). */
  resize(w: number, h: number): void;
  /** Shows columns [x0, x1) of `img`, a picture as wide and high as the surface. */
  put(img: ImageData, x0: number, x1: number): void;
}

let presenter: Worker | null = null;
/** Counts presenter failures: a row's canvases belong to one generation. */
let generation = 0;
const generationListeners = new Set<() => void>();
let nextId = 1;
/** A canvas hands its control to a worker only once, so a remounted row finds its surface here. */
const surfaces = new WeakMap<HTMLCanvasElement, PictureSurface>();
/** Frees the worker's side of canvases the page has dropped. */
const dropped = new FinalizationRegistry<number>((id) => post({ type: 'detach', id }));

function post(msg: ToPresenter, transfer: Transferable[] = []): void {
  presenter?.postMessage(msg, transfer);
}

/** Columns [x0, x1) of a width × height picture of packed pixels, as a picture of their own. */
export function columnBlock(src: Uint32Array, width: number, height: number, x0: number, x1: number): Uint32Array<ArrayBuffer> {
  const w = x1 - x0;
  const block = new Uint32Array(w * height);
  for (let y = 0; y < height; y++) block.set(src.subarray(y * width + x0, y * width + x1), y * w);
  return block;
}

function startPresenter(): Worker {
  const w = new Worker(new URL('./presenter.worker.ts', import.meta.url), { type: 'module', name: 'gatescope-heatmaps' });
  w.onerror = (e) => {
    e.preventDefault();
    w.terminate();
    presenter = null;
    generation++;
    console.warn(`The heatmaps are drawn on the page instead: their worker failed (${e.message || 'it did not load'}).`);
    for (const f of generationListeners) f();
  };
  return w;
}

/**
 * How many times the presenter has failed, for useSyncExternalStore: a row keys its canvas on it, so a
 * failure gives it a fresh canvas (drawn directly, as after a failure every new surface is).
 */
export function presenterGeneration(): number {
  return generation;
}

export function onPresenterGeneration(listener: () => void): () => void {
  generationListeners.add(listener);
  return () => generationListeners.delete(listener);
}

function offscreenSurface(canvas: HTMLCanvasElement): PictureSurface {
  presenter ??= startPresenter();
  const id = nextId++;
  const offscreen = canvas.transferControlToOffscreen();
  post({ type: 'attach', id, canvas: offscreen }, [offscreen]);
  dropped.register(canvas, id);
  let size = '';
  return {
    resize(w, h) {
      if (size === `${w}×${h}`) return;
      size = `${w}×${h}`;
      post({ type: 'size', id, w, h });
    },
    put(img, x0, x1) {
      const block = columnBlock(new Uint32Array(img.data.buffer), img.width, img.height, x0, x1);
      post({ type: 'pixels', id, x: x0, w: x1 - x0, h: img.height, pixels: block.buffer }, [block.buffer]);
    },
  };
}

function directSurface(canvas: HTMLCanvasElement): PictureSurface {
  return {
    resize(w, h) {
      if (canvas.width === w && canvas.height === h) return;
      canvas.width = w;
      canvas.height = h;
    },
    put(img, x0, x1) {
      canvas.getContext('2d')?.putImageData(img, 0, 0, x0, 0, x1 - x0, img.height);
    },
  };
}

/** The surface that shows `canvas`'s pixels (the same one every time for the same canvas). */
export function pictureSurface(canvas: HTMLCanvasElement): PictureSurface {
  let s = surfaces.get(canvas);
  if (!s) {
    s = generation === 0 && typeof canvas.transferControlToOffscreen === 'function' && typeof Worker === 'function'
      ? offscreenSurface(canvas)
      : directSurface(canvas);
    surfaces.set(canvas, s);
  }
  return s;
}
