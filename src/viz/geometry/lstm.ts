/**
 * The LSTM in Olah's picture: the cell state runs along the top as a conveyor belt through the forget
 * junction (×) and the input junction (+); the four blocks fed by [h_{t−1}, x_t] sit below; tanh(c_t)
 * drops from the belt to meet the output gate and make h_t, which leaves right and feeds the readout.
 */
import type { GeometrySpec } from './types';

const BELT = 90;
const BUS = 460;
const BOX = 390;
const X = { f: 330, i: 460, g: 580, o: 720, tanh: 840, h: 1040, y: 1120 };

export function lstmGeometry(readout: boolean): GeometrySpec {
  const box = (x: number) => [[x, BUS], [x, BOX]] as Array<[number, number]>;
  return {
    width: 1200,
    height: 560,
    frame: { x: 60, y: 40, w: 940, h: 460 },
    parts: [
      {
        source: 'prev:c', name: 'previous cell state', nodes: [],
        wires: [{ points: [[0, BELT], [X.f, BELT]], belt: true }],
        strip: { x: 175, y: BELT, label: 'above' },
      },
      {
        source: 'prev:h', name: 'previous hidden state', nodes: [],
        wires: [{ points: [[0, BUS], [X.o, BUS]] }, ...[X.f, X.i, X.g, X.o].map((x) => ({ points: box(x) }))],
        strip: { x: 120, y: BUS, label: 'below' },
      },
      {
        source: 'x', name: 'input', nodes: [],
        wires: [{ points: [[220, 560], [220, BUS]] }],
        strip: { x: 220, y: 520, label: 'right' },
      },
      {
        source: 'f',
        nodes: [{ kind: 'sigma', x: X.f, y: BOX, glyph: 'σ', caption: 'forget' }],
        wires: [{ points: [[X.f, BOX], [X.f, BELT]] }],
        strip: { x: X.f, y: 250, label: 'left' },
      },
      {
        source: 'i',
        nodes: [{ kind: 'sigma', x: X.i, y: BOX, glyph: 'σ', caption: 'input' }],
        wires: [{ points: [[X.i, BOX], [X.i, 230], [X.g, 230]] }],
        strip: { x: X.i, y: 305, label: 'left' },
      },
      {
        source: 'g',
        nodes: [{ kind: 'tanh', x: X.g, y: BOX, glyph: 'tanh', caption: 'candidate' }],
        wires: [{ points: [[X.g, BOX], [X.g, 230]] }],
        strip: { x: X.g, y: 285, label: 'right' },
      },
      {
        source: 'fc',
        nodes: [{ kind: 'mul', x: X.f, y: BELT, glyph: '×' }],
        wires: [{ points: [[X.f, BELT], [X.g, BELT]], belt: true }],
        strip: { x: 455, y: BELT, label: 'above' },
      },
      {
        source: 'ig',
        nodes: [{ kind: 'mul', x: X.g, y: 230, glyph: '×' }],
        wires: [{ points: [[X.g, 230], [X.g, BELT]] }],
        strip: { x: X.g, y: 160, label: 'right' },
      },
      {
        source: 'c',
        nodes: [{ kind: 'add', x: X.g, y: BELT, glyph: '+' }],
        wires: [{ points: [[X.g, BELT], [1200, BELT]], belt: true, arrow: true }, { points: [[X.tanh, BELT], [X.tanh, 170]] }],
        strip: { x: 710, y: BELT, label: 'above' },
      },
      {
        source: 'tanh_c',
        nodes: [{ kind: 'tanhop', x: X.tanh, y: 170, glyph: 'tanh' }],
        wires: [{ points: [[X.tanh, 170], [X.tanh, 320]] }],
        strip: { x: X.tanh, y: 250, label: 'right' },
      },
      {
        source: 'o',
        nodes: [{ kind: 'sigma', x: X.o, y: BOX, glyph: 'σ', caption: 'output' }],
        wires: [{ points: [[X.o, BOX], [X.o, 320], [X.tanh, 320]] }],
        strip: { x: X.o, y: 342, label: 'left' },
      },
      {
        source: 'h',
        nodes: [{ kind: 'mul', x: X.tanh, y: 320, glyph: '×' }],
        wires: [{ points: [[X.tanh, 320], [X.h, 320], [X.h, BUS], [1200, BUS]], arrow: true }],
        strip: { x: 950, y: 320, label: 'above' },
      },
      ...(readout
        ? [{
            source: 'probs', name: 'softmax readout',
            nodes: [{ kind: 'softmax' as const, x: X.y, y: 270, glyph: 'softmax' }],
            wires: [{ points: [[X.h, 320], [X.y, 320], [X.y, 270]] as Array<[number, number]> }, { points: [[X.y, 270], [X.y, 140]] as Array<[number, number]>, arrow: true }],
            strip: { x: X.y, y: 170, label: 'left' as const, splitValue: true },
          }]
        : []),
    ],
    ends: [
      { text: 'cₜ₋₁', x: 8, y: BELT - 14, anchor: 'start' },
      { text: 'hₜ₋₁', x: 8, y: BUS - 14, anchor: 'start' },
      { text: 'xₜ', x: 208, y: 552, anchor: 'end', input: true },
      { text: 'cₜ', x: 1192, y: BELT - 14, anchor: 'end' },
      { text: 'hₜ', x: 1192, y: BUS - 14, anchor: 'end' },
      ...(readout ? [{ text: 'ŷₜ', x: X.y + 12, y: 146, anchor: 'start' as const }] : []),
    ],
  };
}
