/**
 * The top of the diagram: the blocks and junctions, each vector's symbol and selected-unit value, and
 * the click targets of the strips. Each component is one named group, so screen readers and tests find
 * "forget gate" or "cell state" by role and name.
 */
import { useRef, useState, type MouseEvent } from 'react';
import type { Trace } from '../../engine/trace';
import type { Model } from '../../engine/types';
import { selectUnit } from '../../state/cursor';
import { cellAt, STRIP_H, STRIP_W, type CellGeometry, type DiagramNode, type DiagramPart, type EndLabel } from '../../viz/geometry';
import type { Normalisation } from '../../viz/domains';
import { isPerUnit, sourceWidth } from '../../viz/sources';
import type { PartState } from './drawStrips';
import { NodeOutline } from './NodeOutline';
import { StripTip } from './StripTip';
import { stripSymbol, stripValueText } from './stripText';

function Node({ n }: { n: DiagramNode }) {
  switch (n.kind) {
    case 'mul':
    case 'add':
      return (
        <g className={`node node-${n.kind}`}>
          <NodeOutline n={n} />
          <text x={n.x} y={n.y + 5.5} textAnchor="middle">{n.glyph}</text>
        </g>
      );
    case 'oneminus':
      return (
        <g className="node node-op node-oneminus">
          <NodeOutline n={n} />
          <text x={n.x} y={n.y + 6} textAnchor="middle">{n.glyph}</text>
        </g>
      );
    case 'tanhop':
      return (
        <g className="node node-op">
          <NodeOutline n={n} />
          <text x={n.x} y={n.y + 5} textAnchor="middle">{n.glyph}</text>
        </g>
      );
    case 'linear':
    case 'softmax':
      return (
        <g className={`node node-${n.kind}`}>
          <NodeOutline n={n} />
          <text x={n.x} y={n.y + 5} textAnchor="middle">{n.glyph}</text>
        </g>
      );
    default:
      return (
        <g className={`node node-block node-${n.kind}`}>
          <NodeOutline n={n} />
          <text className="glyph" x={n.x} y={n.y + (n.caption ? 1 : 6)} textAnchor="middle">{n.glyph}</text>
          {n.caption && <text className="caption" x={n.x} y={n.y + 17} textAnchor="middle">{n.caption}</text>}
        </g>
      );
  }
}

/**
 * The value line of a label beside a strip. Split, its last word goes on a third line; the space stays in
 * the text (screen readers and tests read 'class 3 0.412'), at the start of that line, where a label
 * aligned on its right end doesn't show it.
 */
function StripValue({ value, x, split }: { value: string; x: number; split: boolean }) {
  const cut = split ? value.lastIndexOf(' ') : -1;
  if (cut < 0) return <tspan className="value" x={x} dy="1.15em">{value}</tspan>;
  return (
    <tspan className="value" x={x} dy="1.15em">
      {value.slice(0, cut)}
      <tspan x={x} dy="1.15em">{value.slice(cut)}</tspan>
    </tspan>
  );
}

/**
 * A wire's name where it enters or leaves. Above the first layer the input is the hₜ of the layer below,
 * written as the equations write it, hₜ^(l−1) with the page's layer numbers (index k reads layer k): the
 * superscript is set smaller and raised, in characters the page's font has.
 */
function End({ e, layer }: { e: EndLabel; layer: number }) {
  return (
    <text className="end-label" x={e.x} y={e.y} textAnchor={e.anchor}>
      {/* Raised by a fixed 0.3em, not "super": the font's superscript offset lifted the parentheses above
          the letters, into the input's strip just over the label. */}
      {e.input && layer > 0 ? <>hₜ<tspan baselineShift="0.3em" fontSize="0.7em">({layer})</tspan></> : e.text}
    </text>
  );
}

function labelPlacement(part: DiagramPart) {
  const s = part.strip!;
  switch (s.label) {
    case 'left': return { x: s.x - STRIP_W / 2 - 8, y: s.y - 4, anchor: 'end' as const, lines: 2 };
    case 'right': return { x: s.x + STRIP_W / 2 + 8, y: s.y - 4, anchor: 'start' as const, lines: 2 };
    case 'above': return { x: s.x, y: s.y - STRIP_H / 2 - 7, anchor: 'middle' as const, lines: 1 };
    case 'below': return { x: s.x, y: s.y + STRIP_H / 2 + 22, anchor: 'middle' as const, lines: 1 };
  }
}

interface Props {
  geometry: CellGeometry;
  trace: Trace;
  model: Model | null;
  layer: number;
  t: number;
  unit: number;
  states: ReadonlyMap<string, PartState>;
  /** The strips' colour normalisation, for the hover tip's magnifier. */
  norm: Normalisation;
  cellName: string;
}

export function TopLayer({ geometry: g, trace, model, layer, t, unit, states, norm, cellName }: Props) {
  const [hover, setHover] = useState<{ source: string; j: number; x: number; y: number } | null>(null);
  const arrived = t < trace.filled;
  // The unit under the pointer when it last moved or went down, which the hover tip names. A click is
  // placed at whole pixels and the moves between them: placed on its own, a click at a half pixel on a
  // high-density screen selected a neighbour, or the unit a row away, of the one the tip had named.
  const pointed = useRef<{ source: string; j: number } | null>(null);

  const unitUnder = (e: MouseEvent<SVGRectElement>, part: DiagramPart): number => {
    const box = e.currentTarget.ownerSVGElement!.getBoundingClientRect();
    const px = ((e.clientX - box.left) / box.width) * g.width;
    const py = ((e.clientY - box.top) / box.height) * g.height;
    return cellAt(sourceWidth(trace, layer, part.source), part.strip!.x, part.strip!.y, px, py);
  };

  return (
    <svg className="diagram-layer diagram-top" viewBox={`0 0 ${g.width} ${g.height}`} role="group" aria-label={`${cellName} cell diagram`}>
      {g.parts.map((part) => {
        const state = states.get(part.source) ?? 'idle';
        const symbol = stripSymbol(trace, layer, part.source);
        const shown = arrived && state !== 'pending';
        const value = shown ? stripValueText(trace, model, layer, part.source, t, unit) : '…';
        const place = part.strip ? labelPlacement(part) : null;
        const perUnit = isPerUnit(layer, part.source);
        const described = perUnit ? `${symbol}, unit ${unit}: ${value}` : `${symbol}: ${value}`;
        return (
          // The name is the part, found the same way at every step; its symbol and number are its description.
          <g key={part.source} className={`part state-${state}`} role="img" aria-label={part.name} aria-description={described} data-source={part.source}>
            {part.nodes.map((n, k) => <Node key={k} n={n} />)}
            {place && (
              <text className="strip-label" x={place.x} y={place.y} textAnchor={place.anchor}>
                <tspan className="symbol">{symbol}</tspan>
                {place.lines === 2 ? (
                  <StripValue value={value} x={place.x} split={!!part.strip?.splitValue} />
                ) : (
                  <tspan className="value" dx="0.45em">{value}</tspan>
                )}
              </text>
            )}
            {part.strip && (
              <rect
                className="strip-hit"
                x={part.strip.x - STRIP_W / 2}
                y={part.strip.y - STRIP_H / 2 - 3}
                width={STRIP_W}
                height={STRIP_H + 6}
                onPointerMove={(e) => {
                  const j = unitUnder(e, part);
                  pointed.current = { source: part.source, j };
                  setHover(j < 0 ? null : { source: part.source, j, x: part.strip!.x, y: part.strip!.y });
                }}
                onPointerDown={(e) => {
                  pointed.current = { source: part.source, j: unitUnder(e, part) };
                }}
                onPointerLeave={() => {
                  pointed.current = null;
                  setHover(null);
                }}
                onClick={(e) => {
                  const j = pointed.current?.source === part.source ? pointed.current.j : unitUnder(e, part);
                  if (j >= 0 && perUnit) selectUnit(j);
                }}
              />
            )}
          </g>
        );
      })}
      {g.ends.map((e) => <End key={e.text} e={e} layer={layer} />)}
      {hover && arrived && states.get(hover.source) !== 'pending' && hover.j < sourceWidth(trace, layer, hover.source) && (
        <StripTip trace={trace} layer={layer} t={t} norm={norm} {...hover} />
      )}
    </svg>
  );
}
