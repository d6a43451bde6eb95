/** shownStrips: which strips the diagram paints at a step, with what values and colour domain. */
import { describe, expect, it } from 'vitest';
import { createRunner } from '../../engine/run';
import { Trace } from '../../engine/trace';
import { DEFAULT_CONFIG, runSpecOf } from '../../state/config';
import { seriesDomain } from '../../viz/domains';
import { geometryFor } from '../../viz/geometry';
import { sourceValues } from '../../viz/sources';
import { buildRun } from '../../worker/host';
import { shownStrips } from './drawStrips';
import { partStates } from './partStates';

/** A run of 30 steps of which 5 have arrived, as while it streams. */
function streaming() {
  const { model, seq } = buildRun(runSpecOf({ ...DEFAULT_CONFIG, seqLen: 30 }));
  const runner = createRunner(model, seq);
  const trace = new Trace(runner.layout, runner.initial);
  trace.append(runner.next(5));
  return trace;
}

describe('shownStrips', () => {
  const trace = streaming();
  const geometry = geometryFor(trace.layout, true);
  const whole = partStates(geometry, 'lstm', 3, false);

  it('paints every strip of an arrived step with its values and its series’ colour domain', () => {
    const strips = shownStrips({ geometry, trace, layer: 0, t: 4, states: whole, norm: 'series' });
    expect(strips.map((s) => s.part.source)).toEqual(geometry.parts.filter((p) => p.strip).map((p) => p.source));
    for (const s of strips) {
      expect(Array.from(s.values), s.part.source).toEqual(Array.from(sourceValues(trace, 0, s.part.source, 4)));
    }
    const c = strips.find((s) => s.part.source === 'c')!;
    expect(c.domain).toEqual(seriesDomain(trace, trace.index('l0.c'), 'series'));
  });

  it('paints nothing for a step that has not arrived, the first one past the stream included', () => {
    expect(shownStrips({ geometry, trace, layer: 0, t: 5, states: whole, norm: 'series' })).toEqual([]);
    expect(shownStrips({ geometry, trace, layer: 0, t: 29, states: whole, norm: 'series' })).toEqual([]);
  });

  it('leaves out the strips of sub-steps still to come', () => {
    const sources = shownStrips({ geometry, trace, layer: 0, t: 4, states: partStates(geometry, 'lstm', 0, true), norm: 'series' }).map((s) => s.part.source);
    expect(sources).toContain('f');
    expect(sources).not.toContain('i');
    expect(sources).not.toContain('c');
  });
});
