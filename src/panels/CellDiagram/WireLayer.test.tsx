/** The wire layer: under every node an opaque backing in the colour behind it, so a dimmed node shows no wire through it. */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { geometryFor } from '../../viz/geometry';
import { WireLayer } from './WireLayer';

describe('WireLayer', () => {
  it('backs every node, in the frame\'s colour inside the cell and the panel\'s outside, after every wire', () => {
    for (const cell of ['lstm', 'gru', 'rnn_tanh'] as const) {
      const g = geometryFor({ cell, gruReset: 'after', readoutSize: 4 }, true);
      const html = renderToStaticMarkup(<WireLayer geometry={g} states={new Map()} pulseKey="0" />);
      const nodes = g.parts.flatMap((p) => p.nodes);
      const backings = [...html.matchAll(/class="node-backing( in-frame)?"/g)];
      expect(backings.length, cell).toBe(nodes.length);
      // The readout's softmax sits outside the cell's frame, the gates inside it.
      expect(backings.some((m) => m[1]), cell).toBe(true);
      expect(backings.some((m) => !m[1]), cell).toBe(true);
      expect(html.lastIndexOf('class="wire') < html.indexOf('node-backing'), cell).toBe(true);
    }
  });
});
