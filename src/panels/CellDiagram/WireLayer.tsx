/**
 * The wires under the strips. Lit wires carry a pulse that runs along their path once when their
 * sub-step starts (the key restarts it); prefers-reduced-motion turns the pulse off in CSS.
 */
import { memo } from 'react';
import type { CellGeometry } from '../../viz/geometry';
import type { PartState } from './drawStrips';
import { NodeOutline } from './NodeOutline';

const pathOf = (pts: Array<[number, number]>) => pts.map(([x, y], i) => `${i ? 'L' : 'M'}${x},${y}`).join('');

interface Props {
  geometry: CellGeometry;
  states: ReadonlyMap<string, PartState>;
  /** Changes whenever the lit sub-step changes, to restart the pulses. */
  pulseKey: string;
}

export const WireLayer = memo(function WireLayer({ geometry: g, states, pulseKey }: Props) {
  return (
    <svg className="diagram-layer" viewBox={`0 0 ${g.width} ${g.height}`} aria-hidden="true">
      <defs>
        <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="16" markerHeight="16" markerUnits="userSpaceOnUse" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" className="arrowhead" />
        </marker>
      </defs>
      <rect className="cell-frame" x={g.frame.x} y={g.frame.y} width={g.frame.w} height={g.frame.h} rx={18} />
      {g.parts.map((part) => {
        const state = states.get(part.source) ?? 'idle';
        return (
          <g key={part.source} className={`wires state-${state}`}>
            {part.wires.map((w, k) => (
              <path key={k} d={pathOf(w.points)} className={w.belt ? 'wire belt' : 'wire'} markerEnd={w.arrow ? 'url(#arrow)' : undefined} />
            ))}
            {state === 'active' &&
              part.wires.map((w, k) => (
                <path key={`${pulseKey}-${k}`} d={pathOf(w.points)} className="wire-pulse" pathLength={1} />
              ))}
          </g>
        );
      })}
      {/* Over the wires, under the nodes (the layer above): what a dimmed node fades towards. */}
      {g.parts.flatMap((part) => part.nodes).map((n, k) => {
        const inFrame = n.x > g.frame.x && n.x < g.frame.x + g.frame.w && n.y > g.frame.y && n.y < g.frame.y + g.frame.h;
        return <NodeOutline key={k} n={n} className={inFrame ? 'node-backing in-frame' : 'node-backing'} />;
      })}
    </svg>
  );
});
