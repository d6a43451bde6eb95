/**
 * The outline of a diagram node (a junction's circle, the tanh ellipse, a block's box), drawn by the node
 * itself and, under it, by its backing: an opaque copy in the colour of what lies behind, so that a node
 * dimmed with opacity fades towards that colour and no wire shows through it.
 */
import type { DiagramNode } from '../../viz/geometry';

export function NodeOutline({ n, className }: { n: DiagramNode; className?: string }) {
  switch (n.kind) {
    case 'mul':
    case 'add':
      return <circle className={className} cx={n.x} cy={n.y} r={13} />;
    case 'oneminus':
      return <circle className={className} cx={n.x} cy={n.y} r={17} />;
    case 'tanhop':
      return <ellipse className={className} cx={n.x} cy={n.y} rx={30} ry={15} />;
    case 'linear':
    case 'softmax': {
      const w = n.kind === 'linear' ? 92 : 84;
      return <rect className={className} x={n.x - w / 2} y={n.y - 17} width={w} height={34} rx={6} />;
    }
    default:
      return <rect className={className} x={n.x - 44} y={n.y - 25} width={88} height={50} rx={7} />;
  }
}
