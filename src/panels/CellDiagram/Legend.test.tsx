/** The colour legend: a bar for each scale the diagram uses; the last, the bound of the cell's unbounded values, as the strips use it. */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { runAll } from '../../engine/run';
import { DEFAULT_CONFIG, runSpecOf, type Config } from '../../state/config';
import { seriesDomain } from '../../viz/domains';
import { buildRun } from '../../worker/host';
import { Legend } from './Legend';

function legend(patch: Partial<Config>, norm: 'series' | 'global' = 'series') {
  const { model, seq } = buildRun(runSpecOf({ ...DEFAULT_CONFIG, ...patch }));
  const trace = runAll(model, seq);
  return { trace, html: renderToStaticMarkup(<Legend trace={trace} layer={0} norm={norm} />) };
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

  it("labels a GRU's and an RNN's bar with their pre-activations' bound, which goes past 1 here", () => {
    for (const [patch, key] of [[{ cell: 'gru', inputSize: 6, signal: 'noise' }, 'l0.n_pre'], [{ cell: 'rnn_tanh', inputSize: 6 }, 'l0.a']] as const) {
      const { trace, html } = legend(patch);
      const m = seriesDomain(trace, trace.index(key), 'series').hi;
      expect(m, key).toBeGreaterThan(1);
      expect(signedBar(html), key).toEqual(['pre-activations, sums', `−${m}`, `+${m}`]);
    }
  });

  it('labels the bar with the shared bound when the colours are normalised globally', () => {
    const { trace, html } = legend({ cell: 'gru', inputSize: 6, signal: 'noise' }, 'global');
    const m = seriesDomain(trace, trace.index('l0.n_pre'), 'global').hi;
    expect(signedBar(html)).toEqual(['pre-activations, sums', `−${m}`, `+${m}`]);
  });

  it('shows only the scales the diagram colours something with', () => {
    const captions = (patch: Partial<Config>) => [...legend(patch).html.matchAll(/<figcaption>([^<]+)<\/figcaption>/g)].map((m) => m[1]);
    expect(captions({ cell: 'lstm' })).toEqual(['gates, probabilities', 'tanh range', 'cell state, sums']);
    expect(captions({ cell: 'gru' })).toEqual(['gates, probabilities', 'tanh range', 'pre-activations, sums']);
    expect(captions({ cell: 'rnn_tanh' })).toEqual(['probabilities', 'tanh range', 'pre-activations, sums']);
    // A ReLU RNN's hₜ is unbounded, drawn on the sums' scale: nothing is in the tanh range.
    expect(captions({ cell: 'rnn_relu' })).toEqual(['probabilities', 'pre-activations, sums']);
    // Without a readout, an RNN has nothing between 0 and 1 either.
    expect(captions({ cell: 'rnn_relu', classes: 0 })).toEqual(['pre-activations, sums']);
    expect(captions({ cell: 'lstm', classes: 0 })).toEqual(['gates, probabilities', 'tanh range', 'cell state, sums']);
  });
});
