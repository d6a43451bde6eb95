/**
 * The cell vocabulary that the panels share: every series a layer records is computed by exactly one
 * sub-step and has a name of its own; the panels list series in the order the equations compute them.
 */
import { describe, expect, it } from 'vitest';
import { layerSeries } from '../engine/trace';
import { CELL_KINDS, type GruReset } from '../engine/types';
import { seriesInfo } from './series';
import { inEquationOrder, subStepOf, subSteps } from './substeps';

const cells = CELL_KINDS.flatMap((cell) => (cell === 'gru' ? (['after', 'before'] as GruReset[]) : (['after'] as GruReset[])).map((reset) => ({ cell, reset })));

describe('cell info', () => {
  it('has every series of every cell computed by exactly one sub-step', () => {
    for (const { cell, reset } of cells) {
      for (const [name] of layerSeries(cell, reset)) {
        const steps = subSteps(cell).filter((s) => s.series.includes(name));
        expect(steps.length, `${cell}/${reset}: ${name}`).toBe(1);
        expect(subStepOf(cell, name)).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('gives every series a name, a symbol and TeX of its own (not the trace name it falls back to)', () => {
    for (const { cell, reset } of cells) {
      const names = new Set<string>();
      for (const [name] of layerSeries(cell, reset)) {
        const info = seriesInfo(cell, name);
        expect(info.tex, `${cell}: ${name}`).not.toMatch(/^\\text\{/);
        // Names, symbols and TeX alike: two strips a student can't tell apart would be one too many.
        for (const label of [`name ${info.name}`, `symbol ${info.symbol}`, `tex ${info.tex}`]) {
          expect(names.has(label), `${cell}: two series with the ${label}`).toBe(false);
          names.add(label);
        }
      }
    }
  });

  it('orders series as the equations compute them, and keeps unknown names last, in their order', () => {
    const pytorch = layerSeries('lstm', 'after').map(([n]) => n);
    expect(pytorch.slice(0, 2)).toEqual(['i_pre', 'f_pre']);
    expect(inEquationOrder('lstm', pytorch)).toEqual(['f_pre', 'f', 'i_pre', 'i', 'g_pre', 'g', 'fc', 'ig', 'c', 'o_pre', 'o', 'tanh_c', 'h']);
    expect(inEquationOrder('gru', ['h', 'n', 'z', 'r'])).toEqual(['r', 'z', 'n', 'h']);
    expect(inEquationOrder('rnn_tanh', ['zz', 'h', 'yy', 'a'])).toEqual(['a', 'h', 'zz', 'yy']);
  });
});
