/// <reference lib="webworker" />
/**
 * Puts heatmap pixels on screen from a worker. The page computes the pixels; handing a changed canvas
 * to the compositor is what costs (without a GPU it took 5–20 ms of the page's main thread per canvas
 * per frame), and an OffscreenCanvas does that here, where it can't make the page's tasks long.
 */
import type { ToPresenter } from './presenterProtocol';

const canvases = new Map<number, OffscreenCanvasRenderingContext2D>();

self.onmessage = (e: MessageEvent<ToPresenter>) => {
  const msg = e.data;
  switch (msg.type) {
    case 'attach': {
      const ctx = msg.canvas.getContext('2d', { alpha: false });
      if (ctx) canvases.set(msg.id, ctx);
      return;
    }
    case 'size': {
      const ctx = canvases.get(msg.id);
      if (!ctx) return;
      ctx.canvas.width = msg.w;
      ctx.canvas.height = msg.h;
      return;
    }
    case 'pixels':
      canvases.get(msg.id)?.putImageData(new ImageData(new Uint8ClampedArray(msg.pixels), msg.w, msg.h), msg.x, 0);
      return;
    case 'detach':
      canvases.delete(msg.id);
  }
};
