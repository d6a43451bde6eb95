/**
 * The stack at a glance: one compact button per layer with its h_t, which picks the layer the diagram
 * shows. Beside the diagram they stand as a column, top layer first, like the stack itself; in the
 * lecture view they line up above it, layer 1 first (as a row is read), so that the diagram gets the
 * column's width: on a 1280-pixel projector that is a fifth more, and its numbers grow with it.
 */
import { useLayoutEffect, useRef } from 'react';
import type { Trace } from '../../engine/trace';
import { selectLayer } from '../../state/cursor';
import { seriesDomain } from '../../viz/domains';
import { cssLutFor, lutIndex } from '../../viz/scales';

function MiniStrip({ trace, layer, t }: { trace: Trace; layer: number; t: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    const c = ref.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    const k = trace.index(`l${layer}.h`);
    const H = trace.layout.hiddenSize;
    c.width = Math.min(H, 128);
    c.height = 1;
    if (t >= trace.filled) {
      ctx.clearRect(0, 0, c.width, 1);
      return;
    }
    const row = trace.row(k, t);
    const d = seriesDomain(trace, k, 'series');
    const css = cssLutFor(d.kind);
    for (let x = 0; x < c.width; x++) {
      ctx.fillStyle = css[lutIndex(d, row[Math.floor((x * H) / c.width)])];
      ctx.fillRect(x, 0, 1, 1);
    }
  });
  return <canvas ref={ref} className="mini-strip" aria-hidden="true" />;
}

export function LayerColumn({ trace, t, layer, row }: { trace: Trace; t: number; layer: number; row: boolean }) {
  const L = trace.layout.numLayers;
  const order = Array.from({ length: L }, (_, k) => (row ? k : L - 1 - k));
  return (
    <nav className={row ? 'layer-column layer-row' : 'layer-column'} aria-label="Layers">
      <span className="layer-column-title">layers</span>
      {order.map((l) => (
        <button key={l} type="button" className="layer-button" aria-pressed={l === layer} aria-label={`Show layer ${l + 1}`} onClick={() => selectLayer(l)}>
          <span>{l + 1}</span>
          <MiniStrip trace={trace} layer={l} t={t} />
        </button>
      ))}
    </nav>
  );
}
