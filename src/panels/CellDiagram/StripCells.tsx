/**
 * The strips as SVG rectangles: what the canvas paints (drawStrips), for the build's prerendered first
 * frame, where there is no canvas to paint on. The page replaces it with the canvas when it takes over,
 * so it follows the canvas cell for cell: same strips, same colours, the selected unit outlined.
 */
import type { CSSProperties } from 'react';
import { cellRect, ringBox, STRIP_H, STRIP_W, type CellGeometry } from '../../viz/geometry';
import { cssLutFor, lutIndex } from '../../viz/scales';
import { isPerUnit } from '../../viz/sources';
import { shownStrips, type StripPaint } from './drawStrips';

type Props = Pick<StripPaint, 'geometry' | 'trace' | 'layer' | 't' | 'unit' | 'states' | 'norm'>;

export function StripCells(p: Props) {
  const g: CellGeometry = p.geometry;
  const shown = new Map(shownStrips(p).map((s) => [s.part, s]));
  return (
    <svg className="diagram-layer diagram-strips" viewBox={`0 0 ${g.width} ${g.height}`} aria-hidden="true" shapeRendering="crispEdges">
      {g.parts.map((part) => {
        const s = part.strip;
        if (!s) return null;
        const strip = shown.get(part);
        const box = { x: s.x - STRIP_W / 2, y: s.y - STRIP_H / 2, width: STRIP_W, height: STRIP_H };
        if (!strip) return <rect key={part.source} {...box} className="strip-pending" />;
        const css = cssLutFor(strip.domain.kind, 'light');
        // Signed values are coloured by theme (see scales.ts), which this markup, made at build time, can't
        // know: such a cell carries the dark page's colour too, which the stylesheet applies there.
        const dark = strip.domain.kind === 'diverging' ? cssLutFor('diverging', 'dark') : null;
        const n = strip.values.length;
        const cells = Array.from({ length: n }, (_, j) => {
          const r = cellRect(n, j, s.x, s.y);
          const at = lutIndex(strip.domain, strip.values[j]);
          return <rect key={j} x={r.x} y={r.y} width={r.w} height={r.h} fill={css[at]} style={dark ? { '--dark-fill': dark[at] } as CSSProperties : undefined} />;
        });
        // At least 8 units square, about 5 screen pixels at the page's scale, as drawStrips rings it.
        const selected = isPerUnit(p.layer, part.source) && p.unit < n ? ringBox(cellRect(n, p.unit, s.x, s.y), 8) : null;
        return (
          <g key={part.source} data-source={part.source}>
            {cells}
            {selected && <rect x={selected.x - 2.5} y={selected.y - 2.5} width={selected.w + 5} height={selected.h + 5} className="strip-selected-halo" />}
            {selected && <rect x={selected.x - 1} y={selected.y - 1} width={selected.w + 2} height={selected.h + 2} className="strip-selected" />}
            <rect {...box} className="strip-frame" />
          </g>
        );
      })}
    </svg>
  );
}
