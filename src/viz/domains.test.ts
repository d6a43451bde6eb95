/**
 * seriesDomain: per series, each unbounded series is coloured against its own largest magnitude; globally,
 * against the largest of the cell's own unbounded series (not the input x_t, nor the readout's logits, which
 * live on scales of their own and would wash every other colour out).
 */
import { describe, expect, it } from 'vitest';
import { initModel } from '../engine/init';
import { runAll } from '../engine/run';
import { testConfig } from '../engine/testing/config';
import { domainText, seriesDomain } from './domains';
import { domainFor, niceCeil } from './scales';

function lstmTrace() {
  const model = initModel(testConfig({ inputSize: 2, hiddenSize: 64, numLayers: 1, readoutSize: 3 }), 2);
  // An input far larger than anything the cell computes from it (weights are at most 1/√64).
  const values = Float32Array.from({ length: 30 * 2 }, (_, i) => 40 * Math.sin(i));
  return runAll(model, { kind: 'dense', steps: 30, values });
}

describe('seriesDomain', () => {
  const trace = lstmTrace();
  const { series } = trace.layout;
  const k = (key: string) => trace.index(key);
  const cell = series.map((s, i) => ({ ...s, i })).filter((s) => s.kind === 'real' && s.key !== 'x' && s.key !== 'logits');

  it('per series: each by its own largest magnitude; gates [0, 1] and tanh values [−1, 1] whatever the data', () => {
    series.forEach((s, i) => expect(seriesDomain(trace, i, 'series'), s.key).toEqual(domainFor(s.kind, trace.absMax[i])));
    expect(seriesDomain(trace, k('l0.f'), 'series')).toEqual({ kind: 'sequential', lo: 0, hi: 1 });
    expect(seriesDomain(trace, k('l0.g'), 'series')).toEqual({ kind: 'diverging', lo: -1, hi: 1 });
  });

  it("globally: every unbounded series by the largest of the cell's own, not by x_t's or the logits'", () => {
    expect(cell.length).toBeGreaterThan(3);
    const shared = niceCeil(Math.max(...cell.map((s) => trace.absMax[s.i])));
    expect(niceCeil(trace.absMax[k('x')])).toBeGreaterThan(shared); // x alone would have set a wider bound
    // Different bounds per series, so that 'global' has something to share.
    expect(new Set(cell.map((s) => niceCeil(Math.max(1, trace.absMax[s.i])))).size).toBeGreaterThan(1);
    for (const s of cell) expect(seriesDomain(trace, s.i, 'global'), s.key).toEqual({ kind: 'diverging', lo: -shared, hi: shared });
    // Bounded series keep their fixed ranges.
    expect(seriesDomain(trace, k('l0.f'), 'global')).toEqual({ kind: 'sequential', lo: 0, hi: 1 });
    expect(seriesDomain(trace, k('probs'), 'global')).toEqual({ kind: 'sequential', lo: 0, hi: 1 });
  });
});

describe('domainText', () => {
  it('writes a gate scale as its ends and a signed one as its bound', () => {
    expect(domainText(domainFor('gate', 0.3))).toBe('0–1');
    expect(domainText(domainFor('prob', 0.3))).toBe('0–1');
    expect(domainText(domainFor('tanh', 0.3))).toBe('±1');
    expect(domainText(domainFor('real', 0.3))).toBe('±1'); // never below 1
    expect(domainText(domainFor('real', 3.7))).toBe(`±${niceCeil(3.7)}`);
    expect(niceCeil(3.7)).toBeGreaterThan(3.7);
  });
});
