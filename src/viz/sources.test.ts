/** What each diagram strip reads from the trace, and which series' colour domain it takes. */
import { describe, expect, it } from 'vitest';
import { runAll } from '../engine/run';
import { DEFAULT_CONFIG, runSpecOf } from '../state/config';
import { buildRun } from '../worker/host';
import { sourceSeries, sourceValues } from './sources';

const { model, seq } = buildRun(runSpecOf({ ...DEFAULT_CONFIG, cell: 'lstm', numLayers: 2, seqLen: 10 }));
const trace = runAll(model, seq);
const row = (key: string, t: number) => Array.from(trace.row(trace.index(key), t));

describe('a strip’s source', () => {
  it('reads h_{t−1} and c_{t−1} from the step before (zeros, the initial state, at t = 1), and the layer’s input', () => {
    expect(Array.from(sourceValues(trace, 1, 'prev:c', 4))).toEqual(row('l1.c', 3));
    expect(Array.from(sourceValues(trace, 0, 'prev:h', 4))).toEqual(row('l0.h', 3));
    expect(Array.from(sourceValues(trace, 0, 'prev:c', 0))).toEqual(new Array(model.hiddenSize).fill(0));
    expect(Array.from(sourceValues(trace, 0, 'x', 4))).toEqual(row('x', 4));
    expect(Array.from(sourceValues(trace, 1, 'x', 4))).toEqual(row('l0.h', 4));
    expect(Array.from(sourceValues(trace, 1, 'f', 4))).toEqual(row('l1.f', 4));
  });

  it('is coloured on the scale of the series it shows: c_{t−1} as c_t, an upper layer’s input as the h_t below', () => {
    const key = (layer: number, source: string) => trace.layout.series[sourceSeries(trace, layer, source)].key;
    expect(key(1, 'prev:c')).toBe('l1.c');
    expect(key(1, 'prev:h')).toBe('l1.h');
    expect(key(0, 'x')).toBe('x');
    expect(key(1, 'x')).toBe('l0.h');
    expect(key(1, 'probs')).toBe('probs');
    expect(key(0, 'ig')).toBe('l0.ig');
  });
});
