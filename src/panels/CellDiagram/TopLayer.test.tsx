/**
 * The diagram's names and numbers as rendered (static markup, no browser), against engine runs: a stacked
 * layer's input is the h_t of the layer below on its strip, in its accessible name and at its wire end
 * (as a superscript, like the equations' h_t^{(l−1)}); the reset-after GRU's U strip says U·hₜ₋₁ + b.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { runAll } from '../../engine/run';
import { DEFAULT_CONFIG, runSpecOf, type Config } from '../../state/config';
import { fmtValue } from '../../viz/format';
import { geometryFor } from '../../viz/geometry';
import { buildRun } from '../../worker/host';
import { stripValueText } from './stripText';
import { TopLayer } from './TopLayer';

function run(patch: Partial<Config>) {
  const { model, seq } = buildRun(runSpecOf({ ...DEFAULT_CONFIG, seqLen: 12, ...patch }));
  return { trace: runAll(model, seq), model };
}

describe('TopLayer', () => {
  const render = (patch: Partial<Config>, layer: number, unit: number) => {
    const { trace, model } = run(patch);
    const geometry = geometryFor(trace.layout, layer === trace.layout.numLayers - 1);
    const html = renderToStaticMarkup(
      <TopLayer geometry={geometry} trace={trace} model={model} layer={layer} t={5} unit={unit} states={new Map()} norm="series" cellName="X" />,
    );
    return { html, trace };
  };
  /** The accessible name and description of the part that draws `source`. */
  const nameOf = (html: string, source: string) => {
    const m = new RegExp(`aria-label="([^"]*)" aria-description="([^"]*)" data-source="${source.replace(':', '\\:')}"`).exec(html);
    return m ? `${m[1]} | ${m[2]}` : undefined;
  };

  it.each(['lstm', 'gru', 'rnn_tanh'] as const)("labels a stacked layer's input h_t of the layer below, on its strip and at its end (%s)", (cell) => {
    for (const layer of [1, 2]) {
      const { html, trace } = render({ cell, numLayers: 3, hiddenSize: 6 }, layer, 4);
      const value = fmtValue(trace.at(`l${layer - 1}.h`, 5, 4));
      expect(nameOf(html, 'x')).toBe(`input | hₜ of layer ${layer}, unit 4: ${value}`);
      expect(html).toContain(`<tspan class="symbol">hₜ of layer ${layer}</tspan>`);
      // The end label: h_t with the layer below as a raised, smaller superscript, as the equations write it.
      expect(html).toMatch(new RegExp(`<text class="end-label"[^>]*>hₜ<tspan baseline-shift="0.3em" font-size="0.7em">\\(${layer}\\)</tspan></text>`));
      expect(html).not.toContain('xₜ');
    }
    const { html } = render({ cell, numLayers: 3, hiddenSize: 6 }, 0, 4);
    expect(html).toMatch(/<text class="end-label"[^>]*>xₜ<\/text>/);
    expect(html).toContain('<tspan class="symbol">xₜ</tspan>');
    expect(html).not.toContain('of layer');
  });

  it("writes U·hₜ₋₁ + b on the reset-after GRU's U strip, with the trace's hn", () => {
    const { html, trace } = render({ cell: 'gru', gruReset: 'after', hiddenSize: 6 }, 0, 3);
    expect(nameOf(html, 'hn')).toBe(`recurrent product U h | U·hₜ₋₁ + b, unit 3: ${stripValueText(trace, null, 0, 'hn', 5, 3)}`);
    expect(stripValueText(trace, null, 0, 'hn', 5, 3)).toBe(fmtValue(trace.at('l0.hn', 5, 3)));
  });
});
