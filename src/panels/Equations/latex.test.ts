/**
 * The copied LaTeX says what it shows (cell, layer, unit, timestep, sub-step) in a comment line, and is
 * otherwise the equations without the page's hover markup.
 */
import { describe, expect, it } from 'vitest';
import { runAll } from '../../engine/run';
import { DEFAULT_CONFIG, runSpecOf } from '../../state/config';
import { buildRun } from '../../worker/host';
import { buildEquations } from './build';
import { latexHeader, plainLatex, stripHtmlData, type LatexContext } from './latex';
import { sym } from './tex';

const LSTM2: LatexContext = { cell: 'lstm', gruReset: 'after', layer: 0, numLayers: 2, unit: 3, t: 36 };

describe('latexHeader', () => {
  it('names the cell, layer, unit and timestep as the panel numbers them', () => {
    expect(latexHeader(LSTM2)).toBe('% Gatescope · LSTM · layer 1 of 2 · unit 3 · t = 37');
  });

  it('adds the sub-step in focus', () => {
    expect(latexHeader({ ...LSTM2, layer: 1, sub: { index: 1, count: 4 } }))
      .toBe('% Gatescope · LSTM · layer 2 of 2 · unit 3 · t = 37 · sub-step 2 of 4');
  });

  it('says which GRU convention, and leaves out the layer of a one-layer model', () => {
    expect(latexHeader({ cell: 'gru', gruReset: 'before', layer: 0, numLayers: 1, unit: 0, t: 0 }))
      .toBe('% Gatescope · GRU (reset before) · unit 0 · t = 1');
    expect(latexHeader({ cell: 'rnn_relu', gruReset: 'after', layer: 0, numLayers: 1, unit: 5, t: 9 }))
      .toBe('% Gatescope · RNN (ReLU) · unit 5 · t = 10');
  });
});

describe('plainLatex', () => {
  const { model, seq } = buildRun(runSpecOf({ ...DEFAULT_CONFIG, cell: 'lstm', numLayers: 2, hiddenSize: 8, seqLen: 40 }));
  const trace = runAll(model, seq);
  const groups = buildEquations(trace, model, 0, 36, 3);

  it('starts with the header as a comment line, then the equations without hover markup', () => {
    const lines = plainLatex(groups, LSTM2).split('\n');
    expect(lines[0]).toBe('% Gatescope · LSTM · layer 1 of 2 · unit 3 · t = 37');
    // Every other line is a comment, a blank or one display equation: the whole still compiles.
    for (const l of lines.slice(1)) expect(l).toMatch(/^(%.*|\\\[ .* \\\]|)$/);
    expect(lines.filter((l) => l.startsWith('\\['))).toHaveLength(groups.reduce((n, g) => n + g.lines.length, 0));
    expect(lines.join('\n')).not.toContain('htmlData');
  });

  it('copies one sub-step under a header that names it', () => {
    const text = plainLatex([groups[2]], { ...LSTM2, sub: { index: 2, count: 4 } });
    expect(text.split('\n').slice(0, 3)).toEqual(['% Gatescope · LSTM · layer 1 of 2 · unit 3 · t = 37 · sub-step 3 of 4', '', '% Cell update']);
  });
});

describe('stripHtmlData', () => {
  it('keeps the symbol, however its braces nest, and drops only the markup', () => {
    expect(stripHtmlData(`a = ${sym('h_t^{(1)}', 'x')} + ${sym('b_{in}', 'bias_ih_l0[2:4]')} + c`)).toBe('a = h_t^{(1)} + b_{in} + c');
    expect(stripHtmlData(`${sym('W_{f}', 'weight_ih_l0[0:8]')}x_t`)).toBe('W_{f}x_t');
    expect(stripHtmlData('\\htmlData{a=1}{\\frac{\\{a\\}}{b^{2}}} = 1')).toBe('\\frac{\\{a\\}}{b^{2}} = 1');
    expect(stripHtmlData('no markup {here}')).toBe('no markup {here}');
  });
});
