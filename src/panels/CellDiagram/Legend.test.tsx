/** The colour legend: a bar for each scale the diagram uses; the last, the bound its unbounded strips are coloured to. */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { runAll } from '../../engine/run';
import { DEFAULT_CONFIG, runSpecOf, type Config } from '../../state/config';
import { seriesDomain } from '../../viz/domains';
import { geometryFor } from '../../viz/geometry';
import { sourceSeries } from '../../viz/sources';
import { buildRun } from '../../worker/host';
import { Legend, sumsBounds } from './Legend';

function legend(patch: Partial<Config>, norm: 'series' | 'global' = 'series', layer = 0) {
  const { model, seq } = buildRun(runSpecOf({ ...DEFAULT_CONFIG, ...patch }));
  const trace = runAll(model, seq);
  const { cell, gruReset, readoutSize } = trace.layout;
  const geometry = geometryFor({ cell, gruReset, readoutSize }, layer === trace.layout.numLayers - 1);
  return { trace, geometry, html: renderToStaticMarkup(<Legend trace={trace} geometry={geometry} layer={layer} norm={norm} />) };
}

/** The third bar's caption and its end labels. */
const signedBar = (html: string) => {
  const bars = [...html.matchAll(/<figcaption>([^<]+)<\/figcaption>.*?<div class="legend-ticks"><span>([^<]+)<\/span><span>0<\/span><span>([^<]+)<\/span>/g)];
  return bars.at(-1)!.slice(1);
};

describe('Legend', () => {
  it("labels the LSTM's bar with the cell state's bound", () => {
    const { trace, html } = legend({ cell: 'lstm' });
    const m = seriesDomain(trace, trace.index('l0.c'), 'series').hi;
    expect(signedBar(html)).toEqual(['cell state, sums', `−${m}`, `+${m}`]);
  });

  it('gives the bound of the strips drawn: an RNN colours its xₜ to ±1 although its aₜ, not drawn, goes past it', () => {
    const { trace, html } = legend({ cell: 'rnn_tanh', inputSize: 6 });
    expect(seriesDomain(trace, trace.index('l0.a'), 'series').hi).toBeGreaterThan(1);
    const m = seriesDomain(trace, trace.index('x'), 'series').hi;
    expect(signedBar(html)).toEqual(['input', `−${m}`, `+${m}`]);
  });

  it('gives each bound there is, when the strips are coloured to different ones', () => {
    const { trace, geometry, html } = legend({ cell: 'gru', inputSize: 6, signal: 'noise' });
    const drawn = geometry.parts.map((p) => sourceSeries(trace, 0, p.source)).filter((k) => trace.layout.series[k].kind === 'real');
    const bounds = [...new Set(drawn.map((k) => seriesDomain(trace, k, 'series').hi))].sort((a, b) => a - b);
    expect(bounds.length).toBeGreaterThan(1); // U·h + b and r⊙Uh go past the input's ±1 here
    expect(sumsBounds(trace, geometry, 0, 'series')).toEqual(bounds);
    expect(signedBar(html)).toEqual([`sums, input: b = ${bounds.slice(0, -1).join(', ')} or ${bounds.at(-1)} by strip`, '−b', '+b']);
  });

  it('labels the bar with the shared bound when the colours are normalised globally', () => {
    const { trace, html } = legend({ cell: 'gru', inputSize: 6, signal: 'noise' }, 'global');
    const m = seriesDomain(trace, trace.index('l0.hn'), 'global').hi;
    expect(signedBar(html)).toEqual(['sums, input', `−${m}`, `+${m}`]);
  });

  it('shows only the scales the diagram colours something with', () => {
    const captions = (patch: Partial<Config>) => [...legend(patch).html.matchAll(/<figcaption>([^<]+)<\/figcaption>/g)].map((m) => m[1]);
    expect(captions({ cell: 'lstm' })).toEqual(['gates, probabilities', 'tanh range', 'cell state, sums']);
    expect(captions({ cell: 'gru' })).toEqual(['gates, probabilities', 'tanh range', 'sums, input']);
    expect(captions({ cell: 'rnn_tanh' })).toEqual(['probabilities', 'tanh range', 'input']);
    // A ReLU RNN's hₜ is unbounded, drawn on the sums' scale: nothing is in the tanh range.
    expect(captions({ cell: 'rnn_relu' })).toEqual(['probabilities', 'ReLU states, input']);
    // Without a readout, an RNN has nothing between 0 and 1 either.
    expect(captions({ cell: 'rnn_relu', classes: 0 })).toEqual(['ReLU states, input']);
    expect(captions({ cell: 'lstm', classes: 0 })).toEqual(['gates, probabilities', 'tanh range', 'cell state, sums']);
    // Above the first layer the input is the tanh of the layer below: a GRU's sums are alone on the scale,
    // and a tanh RNN has nothing on it.
    const upper = (patch: Partial<Config>) => [...legend({ ...patch, numLayers: 2 }, 'series', 1).html.matchAll(/<figcaption>([^<]+)<\/figcaption>/g)].map((m) => m[1]);
    expect(upper({ cell: 'gru' })).toEqual(['gates, probabilities', 'tanh range', 'sums']);
    expect(upper({ cell: 'rnn_tanh' })).toEqual(['probabilities', 'tanh range']);
  });
});
