/**
 * drawStrips, over a recording 2D context (Node has no canvas): the selected unit's ring sits on that
 * unit's cell of every strip that has one per unit, and on no other strip; strips of sub-steps to come are
 * filled as pending.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runAll } from '../../engine/run';
import { DEFAULT_CONFIG, runSpecOf } from '../../state/config';
import { cellRect, geometryFor, STRIP_W } from '../../viz/geometry';
import { isPerUnit, sourceWidth } from '../../viz/sources';
import { buildRun } from '../../worker/host';
import { drawStrips, RING_MIN_PX } from './drawStrips';
import { partStates } from './partStates';

type Call = { op: string; args: number[]; style: string };

/** A 2D context that records the rectangles drawn and the style each was drawn in. */
function recordingContext() {
  const calls: Call[] = [];
  const ctx = {
    canvas: { width: 1200, height: 800 },
    fillStyle: '', strokeStyle: '', lineWidth: 1, globalAlpha: 1, imageSmoothingEnabled: true,
    setTransform() {}, clearRect() {}, drawImage() {},
    fillRect(...args: number[]) { calls.push({ op: 'fill', args, style: ctx.fillStyle }); },
    strokeRect(...args: number[]) { calls.push({ op: 'stroke', args, style: ctx.strokeStyle }); },
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, calls };
}

beforeAll(() => {
  // The off-screen canvas the cells are written into, and its pixels: only their sizes matter here.
  vi.stubGlobal('document', { createElement: () => ({ width: 0, height: 0, getContext: () => ({ putImageData() {} }) }) });
  vi.stubGlobal('ImageData', class { data: Uint8ClampedArray; constructor(public width: number, public height: number) { this.data = new Uint8ClampedArray(width * height * 4); } });
});
afterAll(() => vi.unstubAllGlobals());

describe('drawStrips', () => {
  const { model, seq } = buildRun(runSpecOf({ ...DEFAULT_CONFIG, cell: 'lstm', hiddenSize: 8, classes: 4 }));
  const trace = runAll(model, seq);
  const geometry = geometryFor(trace.layout, true);
  const scale = 1.5;
  const px = 1 / scale;
  const paint = (unit: number, sub: number, focus: boolean) => {
    const { ctx, calls } = recordingContext();
    drawStrips(ctx, {
      geometry, trace, layer: 0, t: 4, unit, states: partStates(geometry, 'lstm', sub, focus), norm: 'series',
      scale, offsetX: 0, offsetY: 0, dpr: 1, theme: 'light', ink: 'INK', pendingFill: 'PENDING', panelFill: 'PANEL',
    });
    return calls;
  };
  const strips = geometry.parts.filter((p) => p.strip);
  /** The ink rings around one cell (a strip's own border is as wide as the strip). */
  const ringsIn = (calls: Call[]) => calls.filter((c) => c.op === 'stroke' && c.style === 'INK' && c.args[2] < STRIP_W);

  it("rings the selected unit's cell on every strip with one value per unit, and on no other", () => {
    for (const unit of [0, 5, 7]) {
      const rings = ringsIn(paint(unit, 3, false));
      const expected = strips.filter((p) => isPerUnit(0, p.source)).map((p) => {
        const r = cellRect(sourceWidth(trace, 0, p.source), unit, p.strip!.x, p.strip!.y);
        return [r.x - px, r.y - px, r.w + 2 * px, r.h + 2 * px];
      });
      expect(expected.length).toBeGreaterThan(8);
      expect(rings.map((c) => c.args), `unit ${unit}`).toEqual(expected);
    }
  });

  it("rings a cell too small to see (H = 512) in a box at least RING_MIN_PX on screen, about the cell's middle", () => {
    const { model: big, seq: bigSeq } = buildRun(runSpecOf({ ...DEFAULT_CONFIG, cell: 'lstm', hiddenSize: 512, seqLen: 3 }));
    const bigTrace = runAll(big, bigSeq);
    const g = geometryFor(bigTrace.layout, true);
    const { ctx, calls } = recordingContext();
    const unit = 300;
    drawStrips(ctx, {
      geometry: g, trace: bigTrace, layer: 0, t: 1, unit, states: partStates(g, 'lstm', 3, false), norm: 'series',
      scale: 0.6, offsetX: 0, offsetY: 0, dpr: 1, theme: 'light', ink: 'INK', pendingFill: 'PENDING', panelFill: 'PANEL',
    });
    const rings = ringsIn(calls);
    const perUnit = g.parts.filter((p) => p.strip && isPerUnit(0, p.source));
    expect(rings).toHaveLength(perUnit.length);
    rings.forEach(({ args: [x, y, w, h] }, k) => {
      const cell = cellRect(512, unit, perUnit[k].strip!.x, perUnit[k].strip!.y);
      // On screen (× 0.6): the ink ring's box, a pixel outside the ringed box, is at least RING_MIN_PX + 2 across.
      expect(w * 0.6).toBeGreaterThanOrEqual(RING_MIN_PX + 2 - 1e-9);
      expect(h * 0.6).toBeGreaterThanOrEqual(RING_MIN_PX + 2 - 1e-9);
      expect(x + w / 2).toBeCloseTo(cell.x + cell.w / 2, 9);
      expect(y + h / 2).toBeCloseTo(cell.y + cell.h / 2, 9);
    });
  });

  it('fills the strips of sub-steps still to come as pending, and rings nothing on them', () => {
    const calls = paint(5, 0, true); // the forget gate's sub-step: the rest is to come
    const pending = calls.filter((c) => c.op === 'fill' && c.style === 'PENDING').map((c) => [c.args[0], c.args[1]]);
    const states = partStates(geometry, 'lstm', 0, true);
    const toCome = strips.filter((p) => states.get(p.source) === 'pending');
    expect(toCome.length).toBeGreaterThan(3);
    expect(pending).toHaveLength(toCome.length);
    const rings = ringsIn(calls);
    expect(rings).toHaveLength(strips.filter((p) => states.get(p.source) !== 'pending' && isPerUnit(0, p.source)).length);
  });
});
