/**
 * The prerendered first frame's strips (StripCells): cell j of each strip coloured by the value of unit j,
 * the selected unit outlined, a part still to come in a walk drawn as pending (as the canvas does).
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { runAll } from '../../engine/run';
import { DEFAULT_CONFIG, runSpecOf } from '../../state/config';
import { cellRect, geometryFor } from '../../viz/geometry';
import { cssLutFor, lutIndex } from '../../viz/scales';
import { buildRun } from '../../worker/host';
import { partStates } from './partStates';
import { StripCells } from './StripCells';

const H = 5;
const { model, seq } = buildRun(runSpecOf({ ...DEFAULT_CONFIG, hiddenSize: H, seqLen: 6 }));
const trace = runAll(model, seq);
const geometry = geometryFor(trace.layout, true);

/** Each strip's <g> as [cell fills, the outlined cell's x and y] (no <g> for a pending part). */
function strips(sub: number, focus: boolean, unit: number) {
  const html = renderToStaticMarkup(
    <StripCells geometry={geometry} trace={trace} layer={0} t={3} unit={unit} states={partStates(geometry, 'lstm', sub, focus)} norm="series" />,
  );
  return {
    html,
    groups: [...html.matchAll(/<g data-source="[^"]+">(.*?)<\/g>/g)].map(([, g]) => ({
      fills: [...g.matchAll(/fill="([^"]+)"/g)].map((m) => m[1]),
      selected: /<rect x="([^"]+)" y="([^"]+)"[^>]*class="strip-selected"/.exec(g),
    })),
  };
}

describe('StripCells', () => {
  it('colours cell j of the forget gate by f_t[j] on the gates\' 0 → 1 scale, and outlines the selected unit', () => {
    const { groups } = strips(0, false, 2);
    const forget = geometry.parts.filter((p) => p.strip).findIndex((p) => p.source === 'f');
    const lut = cssLutFor('sequential', 'light');
    expect(groups[forget].fills).toEqual(Array.from({ length: H }, (_, j) => lut[lutIndex({ kind: 'sequential', lo: 0, hi: 1 }, trace.at('l0.f', 3, j))]));
    const part = geometry.parts.find((p) => p.source === 'f')!;
    const r = cellRect(H, 2, part.strip!.x, part.strip!.y);
    expect(groups[forget].selected?.slice(1).map(Number)).toEqual([r.x - 1, r.y - 1]);
  });

  it("gives signed values' cells the dark page's colour too (the stylesheet picks it there), and gates' none", () => {
    const html = renderToStaticMarkup(
      <StripCells geometry={geometry} trace={trace} layer={0} t={3} unit={0} states={partStates(geometry, 'lstm', 0, false)} norm="series" />,
    );
    const group = (source: string) => new RegExp(`<g data-source="${source}">(.*?)</g>`).exec(html)![1];
    const dark = cssLutFor('diverging', 'dark');
    const light = cssLutFor('diverging', 'light');
    const cells = [...group('g').matchAll(/fill="([^"]+)" style="--dark-fill:([^"]+)"/g)].map((m) => [m[1], m[2]]);
    const at = (j: number) => lutIndex({ kind: 'diverging', lo: -1, hi: 1 }, trace.at('l0.g', 3, j));
    expect(cells).toEqual(Array.from({ length: H }, (_, j) => [light[at(j)], dark[at(j)]]));
    expect(group('f')).not.toContain('--dark-fill');
  });

  it('draws every strip of a whole step, and the parts of later sub-steps as pending in a walk', () => {
    const all = geometry.parts.filter((p) => p.strip).length;
    expect(strips(0, false, 0).groups).toHaveLength(all);
    const walk = strips(0, true, 0); // step 1 of 4: the forget gate (and what feeds it)
    const pending = [...walk.html.matchAll(/class="strip-pending"/g)].length;
    expect(pending).toBeGreaterThan(0);
    expect(walk.groups.length + pending).toBe(all);
  });
});
