/**
 * The GRU as the course notes build it in four steps: reset gate r and update gate z from
 * [h_{t−1}, x_t]; the candidate h'_t, into which the reset gate lets the past through (r ⊙ U h_{t−1}
 * with PyTorch's reset-after, U (r ⊙ h_{t−1}) with Cho et al.'s reset-before); the 1 − z branch; and the
 * blend h_t = z ⊙ h_{t−1} + (1 − z) ⊙ h'_t along the top line.
 */
import type { GruReset } from '../../engine/types';
import type { GeometrySpec } from './types';

const TOP = 90;
const BUS = 460;
const BOX = 400;
const CAND = 300;
const X = { drop: 120, r: 300, u: 470, z: 640, n: 900, h: 1040, y: 1120 };

export function gruGeometry(reset: GruReset, readout: boolean): GeometrySpec {
  const after = reset === 'after';
  const resetParts: GeometrySpec['parts'] = after
    ? [
        {
          source: 'hn',
          nodes: [{ kind: 'linear', x: X.u, y: 170, glyph: 'U·h + b' }],
          wires: [{ points: [[X.u, 170], [X.u, 260]] }],
          strip: { x: X.u, y: 215, label: 'left' }, // the z wire runs close by on the right
        },
        {
          source: 'rhn',
          nodes: [{ kind: 'mul', x: X.u, y: 260, glyph: '×' }],
          wires: [{ points: [[X.u, 260], [X.u, CAND], [X.n, CAND]] }],
          strip: { x: 560, y: CAND, label: 'above' },
        },
      ]
    : [
        {
          source: 'rh',
          nodes: [{ kind: 'mul', x: X.u, y: 260, glyph: '×' }],
          wires: [{ points: [[X.u, 260], [X.u, CAND], [X.n, CAND]] }],
          strip: { x: 560, y: CAND, label: 'above' },
        },
      ];
  return {
    width: 1200,
    height: 560,
    frame: { x: 60, y: 40, w: 940, h: 460 },
    parts: [
      {
        source: 'prev:h', name: 'previous hidden state', nodes: [],
        wires: [
          { points: [[0, TOP], [X.z, TOP]], belt: true },
          { points: [[X.drop, TOP], [X.drop, BUS], [X.n, BUS]] },
          { points: [[X.u, TOP], [X.u, after ? 170 : 260]] },
          ...[X.r, X.z, X.n].map((x) => ({ points: [[x, BUS], [x, x === X.n ? CAND : BOX]] as Array<[number, number]> })),
        ],
        strip: { x: 250, y: TOP, label: 'above' },
      },
      {
        source: 'x', name: 'input', nodes: [],
        wires: [{ points: [[220, 560], [220, BUS]] }],
        strip: { x: 220, y: 520, label: 'right' },
      },
      {
        source: 'r',
        nodes: [{ kind: 'sigma', x: X.r, y: BOX, glyph: 'σ', caption: 'reset' }],
        wires: [{ points: [[X.r, BOX], [X.r, 260], [X.u, 260]] }],
        strip: { x: X.r, y: 330, label: 'left' },
      },
      {
        source: 'z',
        nodes: [{ kind: 'sigma', x: X.z, y: BOX, glyph: 'σ', caption: 'update' }],
        wires: [{ points: [[X.z, BOX], [X.z, TOP]] }],
        strip: { x: X.z, y: 352, label: 'left' },
      },
      ...resetParts,
      {
        source: 'n',
        nodes: [{ kind: 'tanh', x: X.n, y: CAND, glyph: 'tanh', caption: 'candidate' }],
        wires: [{ points: [[X.n, CAND], [X.n, 200]] }],
        strip: { x: X.n, y: 245, label: 'right' },
      },
      {
        source: 'omz',
        nodes: [{ kind: 'oneminus', x: 740, y: 200, glyph: '1−' }],
        wires: [{ points: [[X.z, 200], [X.n, 200]] }],
        strip: { x: 822, y: 200, label: 'below' },
      },
      {
        source: 'zn',
        nodes: [{ kind: 'mul', x: X.n, y: 200, glyph: '×' }],
        wires: [{ points: [[X.n, 200], [X.n, TOP]] }],
        strip: { x: X.n, y: 145, label: 'right' },
      },
      {
        source: 'zh',
        nodes: [{ kind: 'mul', x: X.z, y: TOP, glyph: '×' }],
        wires: [{ points: [[X.z, TOP], [X.n, TOP]], belt: true }],
        strip: { x: 770, y: TOP, label: 'above' },
      },
      {
        source: 'h',
        nodes: [{ kind: 'add', x: X.n, y: TOP, glyph: '+' }],
        wires: [{ points: [[X.n, TOP], [1200, TOP]], belt: true, arrow: true }],
        strip: { x: 1050, y: TOP, label: 'above' },
      },
      ...(readout
        ? [{
            source: 'probs', name: 'softmax readout',
            nodes: [{ kind: 'softmax' as const, x: X.y, y: 250, glyph: 'softmax' }],
            wires: [{ points: [[X.y, TOP], [X.y, 250]] as Array<[number, number]> }, { points: [[X.y, 250], [X.y, 420]] as Array<[number, number]>, arrow: true }],
            strip: { x: X.y, y: 340, label: 'left' as const, splitValue: true },
          }]
        : []),
    ],
    ends: [
      { text: 'hₜ₋₁', x: 8, y: TOP - 14, anchor: 'start' },
      { text: 'xₜ', x: 208, y: 552, anchor: 'end', input: true },
      { text: 'hₜ', x: 1192, y: TOP - 14, anchor: 'end' },
      ...(readout ? [{ text: 'ŷₜ', x: X.y + 12, y: 432, anchor: 'start' as const }] : []),
    ],
  };
}
