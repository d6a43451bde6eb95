/**
 * Copy as LaTeX, the command: what it puts on the clipboard is what the panel shows for the cursor (one
 * sub-step while walking them, else the whole timestep), and the view store says whether the copy worked.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runAll } from '../../engine/run';
import { DEFAULT_CONFIG, runSpecOf, type Config } from '../../state/config';
import { usePlayback } from '../../state/playback';
import { useRun } from '../../state/run';
import { useView } from '../../state/view';
import { useAnnouncement } from '../../state/announce';
import { buildRun } from '../../worker/host';
import { buildEquations } from './build';
import { copyLatex, currentLatex } from './copyLatex';
import { plainLatex } from './latex';

const initial = { playback: usePlayback.getState(), run: useRun.getState(), view: useView.getState() };

beforeEach(() => {
  usePlayback.setState(initial.playback, true);
  useRun.setState(initial.run, true);
  useView.setState(initial.view, true);
});
afterEach(() => vi.unstubAllGlobals());

function loadRun(patch: Partial<Config>, filled?: number) {
  const { model, seq } = buildRun(runSpecOf({ ...DEFAULT_CONFIG, ...patch }));
  const trace = runAll(model, seq);
  if (filled !== undefined) trace.filled = filled;
  useRun.setState({ status: 'done', trace, model, filled: trace.filled, total: trace.layout.steps, error: null });
  return { trace, model };
}

describe('currentLatex', () => {
  it('is the whole timestep of the selected unit and layer, headed by what it is for', () => {
    const { trace, model } = loadRun({ cell: 'gru', numLayers: 2, hiddenSize: 6 });
    usePlayback.setState({ t: 7, unit: 4, layer: 1 });
    const groups = buildEquations(trace, model, 1, 7, 4);
    const text = currentLatex()!;
    expect(text).toBe(plainLatex(groups, { cell: 'gru', gruReset: 'after', layer: 1, numLayers: 2, unit: 4, t: 7 }));
    expect(text.split('\n')[0]).toBe('% Gatescope · GRU (reset after) · layer 2 of 2 · unit 4 · t = 8');
    expect(text).toContain('% Reset and update gates');
    expect(text).toContain('% Blend');
  });

  it('is the current sub-step alone while the user walks through them', () => {
    loadRun({});
    usePlayback.setState({ t: 2, sub: 2, subFocus: true });
    const text = currentLatex()!;
    expect(text.split('\n')[0]).toMatch(/sub-step 3 of 4$/);
    expect(text).toContain('% Cell update');
    expect(text).not.toContain('% Forget gate');
  });

  it('clamps a unit or layer past the model, as the panel does, and is null for a step not yet computed', () => {
    loadRun({ hiddenSize: 3 }, 5);
    usePlayback.setState({ t: 2, unit: 9, layer: 3 });
    expect(currentLatex()!.split('\n')[0]).toBe('% Gatescope · LSTM · unit 2 · t = 3');
    usePlayback.setState({ t: 5 });
    expect(currentLatex()).toBeNull();
  });
});

describe('copyLatex', () => {
  it('puts the text on the clipboard and says it did', async () => {
    loadRun({});
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    await copyLatex();
    expect(writeText).toHaveBeenCalledWith(currentLatex());
    expect(useView.getState().latexCopy).toMatchObject({ ok: true });
    expect(useAnnouncement.getState().text).toBe('Equations copied as LaTeX');
  });

  it('says so when the browser refuses the clipboard', async () => {
    loadRun({});
    vi.stubGlobal('navigator', { clipboard: { writeText: () => Promise.reject(new Error('NotAllowedError')) } });
    await copyLatex();
    expect(useView.getState().latexCopy).toMatchObject({ ok: false });
    expect(useAnnouncement.getState().text).toBe('The browser did not let the page copy the equations');
  });

  it('copies nothing before the step is computed', async () => {
    loadRun({}, 1);
    usePlayback.setState({ t: 4 });
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    await copyLatex();
    expect(writeText).not.toHaveBeenCalled();
    expect(useView.getState().latexCopy).toBeNull();
  });
});
