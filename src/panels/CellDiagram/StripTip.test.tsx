/**
 * The strip's hover tip, as rendered (static markup) over engine runs: the value under the pointer, and
 * for a wide strip a magnifier of the units around it, coloured as the strip is, the hovered one outlined.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { runAll } from '../../engine/run';
import { DEFAULT_CONFIG, runSpecOf, type Config } from '../../state/config';
import { seriesDomain } from '../../viz/domains';
import { fmtValue } from '../../viz/format';
import { cssLutFor, lutIndex } from '../../viz/scales';
import { buildRun } from '../../worker/host';
import { LOUPE_UNITS, loupeStart, StripTip } from './StripTip';

const run = (patch: Partial<Config>) => {
  const { model, seq } = buildRun(runSpecOf({ ...DEFAULT_CONFIG, seqLen: 6, ...patch }));
  return runAll(model, seq);
};

/** The tip's text, without its markup (the symbol is a tspan of its own). */
const plain = (html: string) => html.replace(/<[^>]*>/g, '');

describe('StripTip', () => {
  it('puts the hovered unit near the middle of the magnifier, and the window inside the strip', () => {
    expect(loupeStart(192, 512)).toBe(184);
    expect(loupeStart(3, 512)).toBe(0);
    expect(loupeStart(510, 512)).toBe(512 - LOUPE_UNITS);
    expect(loupeStart(20, 17)).toBe(1);
  });

  it('magnifies the units around the hovered one on a wide strip, in the strip\'s colours', () => {
    const trace = run({ hiddenSize: 512 });
    const html = renderToStaticMarkup(<svg><StripTip trace={trace} layer={0} t={4} norm="series" source="f" j={192} x={330} y={300} /></svg>);
    expect(plain(html)).toContain(`fₜ · unit 192: ${fmtValue(trace.at('l0.f', 4, 192))}`);
    const domain = seriesDomain(trace, trace.index('l0.f'), 'series');
    const fills = [...html.matchAll(/<rect x="[^"]+" y="[^"]+" width="10" height="18" fill="([^"]+)"/g)].map((m) => m[1]);
    expect(fills).toEqual(Array.from({ length: LOUPE_UNITS }, (_, k) => cssLutFor(domain.kind, 'light')[lutIndex(domain, trace.at('l0.f', 4, 184 + k))]));
    expect(html).toMatch(/>184<\/text>/);
    expect(html).toMatch(/>199<\/text>/);
    // The outline sits on the eighth cell (192 − 184), a cell being 10 units wide, the row centred on x.
    const outlined = /<rect class="loupe-hovered" x="([^"]+)"/.exec(html)!;
    expect(Number(outlined[1])).toBe(330 - (LOUPE_UNITS * 10) / 2 + 8 * 10);
  });

  it('is a value alone on a narrow strip, and below a strip near the top of the diagram', () => {
    const trace = run({ hiddenSize: 8 });
    const html = renderToStaticMarkup(<svg><StripTip trace={trace} layer={0} t={2} norm="series" source="c" j={5} x={500} y={20} /></svg>);
    expect(plain(html)).toContain(`cₜ · unit 5: ${fmtValue(trace.at('l0.c', 2, 5))}`);
    // The symbol in the diagram's sans type: in the monospace one, f⊙c's ⊙ read as an o.
    expect(html).toContain('<tspan class="tip-symbol">cₜ</tspan>');
    expect(html).not.toContain('loupe');
    expect(Number(/<rect x="[^"]+" y="([^"]+)"/.exec(html)![1])).toBeGreaterThan(20);
  });

  it('names what is hovered: a unit of the layer, an entry of the sequence’s x_t, a class of the readout', () => {
    const trace = run({ hiddenSize: 8, numLayers: 2, inputSize: 3, classes: 4 });
    const tip = (layer: number, source: string, j: number) => plain(renderToStaticMarkup(<svg><StripTip trace={trace} layer={layer} t={2} norm="series" source={source} j={j} x={300} y={300} /></svg>));
    expect(tip(0, 'x', 1)).toContain(`xₜ · x 1: ${fmtValue(trace.at('x', 2, 1))}`);
    expect(tip(1, 'x', 6)).toContain(`hₜ⁽¹⁾ · unit 6: ${fmtValue(trace.at('l0.h', 2, 6))}`); // the layer below's h_t
    expect(tip(1, 'probs', 3)).toContain(`ŷₜ · class 3: ${fmtValue(trace.at('probs', 2, 3))}`);
    expect(tip(1, 'f', 0)).toContain(`fₜ · unit 0: ${fmtValue(trace.at('l1.f', 2, 0))}`);
  });
});
