/**
 * The stack at a glance: one compact button per layer with its h_t, which picks the layer the diagram
 * shows. They line up in a row above the diagram, layer 1 first (as a row is read), rather than as a
 * column beside it: the column took a fifth of the diagram's width at 1280 pixels, and its numbers
 * shrank with it (11 px against 13 for one layer; 13 against 16 in the lecture view).
 */
import { useLayoutEffect, useRef } from 'react';
import { seriesKey, type Trace } from '../../engine/trace';
import { selectLayer } from '../../state/cursor';
import { seriesDomain } from '../../viz/domains';
import { cssLutFor, lutIndex } from '../../viz/scales';
import { useEffectiveTheme } from '../../app/theme';

function MiniStrip({ trace, layer, t }: { trace: Trace; layer: number; t: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const theme = useEffectiveTheme();
  useLayoutEffect(() => {
    const c = ref.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    const k = trace.index(seriesKey(layer, 'h'));
    const H = trace.layout.hiddenSize;
    c.width = Math.min(H, 128);
    c.height = 1;
    if (t >= trace.filled) {
      ctx.clearRect(0, 0, c.width, 1);
      return;
    }
    const row = trace.row(k, t);
    const d = seriesDomain(trace, k, 'series');
    const css = cssLutFor(d.kind, theme);
    for (let x = 0; x < c.width; x++) {
      ctx.fillStyle = css[lutIndex(d, row[Math.floor((x * H) / c.width)])];
      ctx.fillRect(x, 0, 1, 1);
    }
  });
  return <canvas ref={ref} className="mini-strip" aria-hidden="true" />;
}

export function LayerRow({ trace, t, layer }: { trace: Trace; t: number; layer: number }) {
  const L = trace.layout.numLayers;
  return (
    <nav className="layer-row" aria-label="Layers">
      <span className="layer-row-title">layers</span>
      {Array.from({ length: L }, (_, l) => (
        <button key={l} type="button" className="layer-button" aria-pressed={l === layer} aria-label={`Show layer ${l + 1}`} onClick={() => selectLayer(l)}>
          <span>{l + 1}</span>
          <MiniStrip trace={trace} layer={l} t={t} />
        </button>
      ))}
    </nav>
  );
}
