import { describe, expect, it } from 'vitest';
import { runAll } from './run';
import { GOLDEN_DIR, LOCAL_FIXTURES_DIR, goldenCase, goldenFiles, maxAbsDiff, readGolden } from './testing/golden';

const TOL = 1e-5;

const files = [...goldenFiles(GOLDEN_DIR), ...goldenFiles(LOCAL_FIXTURES_DIR)];

describe('the engine matches PyTorch', () => {
  it('finds the golden fixtures', () => {
    expect(goldenFiles(GOLDEN_DIR).length).toBeGreaterThanOrEqual(12);
  });

  for (const file of files) {
    const g = readGolden(file);
    describe(g.name, () => {
      const { model, seq, init } = goldenCase(g);
      // Odd chunk sizes make the chunk boundaries fall mid-sequence, where state must carry over.
      for (const chunk of [1, 3, 4096]) {
        it(`every series, h_n${g.c_n ? ', c_n' : ''}${g.readout ? ', readout' : ''} within ${TOL} (chunks of ${chunk})`, () => {
          const trace = runAll(model, seq, init, chunk);
          expect(trace.layout.cell).toBe(g.cell);
          expect(trace.filled).toBe(g.seq_len);
          g.layers.forEach((series, l) => {
            for (const [name, expected] of Object.entries(series)) {
              expect(maxAbsDiff(expected, trace.series(trace.index(`l${l}.${name}`))), `layer ${l} ${name}`).toBeLessThan(TOL);
            }
          });
          const last = g.num_layers - 1;
          expect(maxAbsDiff(g.output, trace.series(trace.index(`l${last}.h`)))).toBeLessThan(TOL);
          const H = g.hidden_size;
          const T = g.seq_len;
          const finalOf = (state: 'h' | 'c') =>
            g.layers.flatMap((_, l) => Array.from(trace.row(trace.index(`l${l}.${state}`), T - 1))).slice(0, g.num_layers * H);
          expect(maxAbsDiff(g.h_n, finalOf('h'))).toBeLessThan(TOL);
          if (g.c_n) expect(maxAbsDiff(g.c_n, finalOf('c'))).toBeLessThan(TOL);
          if (g.readout) expect(maxAbsDiff(g.readout.probs, trace.series(trace.index('probs')))).toBeLessThan(TOL);
        });
      }
    });
  }
});
