/**
 * The vanilla RNN: one tanh (or ReLU) block over [h_{t−1}, x_t], nothing else: the contrast case the
 * course notes start from. No belt, no gates: every step rewrites the whole state. Smaller than the
 * gated cells' diagrams, so it is drawn larger.
 */
import type { GeometrySpec } from './types';

const BUS = 340;
const BOX = 245;
const OUT = 115;

export function rnnGeometry(relu: boolean, readout: boolean): GeometrySpec {
  return {
    width: 900,
    height: 440,
    frame: { x: 60, y: 40, w: 580, h: 340 },
    parts: [
      {
        source: 'prev:h', name: 'previous hidden state', nodes: [],
        wires: [{ points: [[0, BUS], [400, BUS], [400, BOX]] }],
        strip: { x: 120, y: BUS, label: 'below' },
      },
      {
        source: 'x', name: 'input', nodes: [],
        wires: [{ points: [[250, 440], [250, BUS]] }],
        strip: { x: 250, y: 395, label: 'right' },
      },
      {
        source: 'h',
        nodes: [{ kind: relu ? 'relu' : 'tanh', x: 400, y: BOX, glyph: relu ? 'ReLU' : 'tanh'}],
        wires: [{ points: [[400, BOX], [400, OUT], [900, OUT]], arrow: true }],
        strip: { x: 530, y: OUT, label: 'above' },
      },
      ...(readout
        ? [{
            source: 'probs', name: 'softmax readout',
            nodes: [{ kind: 'softmax' as const, x: 780, y: 215, glyph: 'softmax' }],
            wires: [{ points: [[780, OUT], [780, 215]] as Array<[number, number]> }, { points: [[780, 215], [780, 400]] as Array<[number, number]>, arrow: true }],
            strip: { x: 780, y: 300, label: 'left' as const, splitValue: true },
          }]
        : []),
    ],
    ends: [
      { text: 'hₜ₋₁', x: 8, y: BUS - 14, anchor: 'start' },
      { text: 'xₜ', x: 238, y: 434, anchor: 'end', input: true },
      { text: 'hₜ', x: 892, y: OUT - 14, anchor: 'end' },
      ...(readout ? [{ text: 'ŷₜ', x: 792, y: 414, anchor: 'start' as const }] : []),
    ],
  };
}
