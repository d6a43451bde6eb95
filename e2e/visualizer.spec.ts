/**
 * The visualizer driven by keyboard alone through LSTM, GRU (both reset conventions) and RNN cells,
 * timestep by timestep and sub-step by sub-step. At every stop, every number written on the diagram and
 * every result in the equations is compared with the engine's own trace, computed here in Node.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { subSteps } from '../src/cellinfo/substeps';
import type { Trace } from '../src/engine/trace';
import type { Model } from '../src/engine/types';
import { stripValueText } from '../src/panels/CellDiagram/stripText';
import { num } from '../src/panels/Equations/tex';
import { cellRect, geometryFor } from '../src/viz/geometry';
import { seriesDomain } from '../src/viz/domains';
import { lutFor, lutIndex, type ScaleTheme } from '../src/viz/scales';
import { sourceSeries, sourceValues } from '../src/viz/sources';
import { fitViewBox } from '../src/panels/CellDiagram/fitViewBox';
import type { Config } from '../src/state/config';
import { diagramValues, engineRun, expectedDiagramValues, query, shown, waitForRun } from './helpers';

/** The series whose values each sub-step's equations state as results. */
const RESULTS: Record<string, string[][]> = {
  lstm: [['f_pre', 'f'], ['i_pre', 'i', 'g_pre', 'g'], ['fc', 'ig', 'c'], ['o_pre', 'o', 'tanh_c', 'h']],
  gru: [['r_pre', 'r', 'z_pre', 'z'], ['n_pre', 'n'], ['zh', 'zn', 'h']],
  rnn_tanh: [['a', 'h']],
  rnn_relu: [['a', 'h']],
};

interface Cursor { t: number; sub: number; focus: boolean; unit: number; layer: number }

async function expectDiagram(page: Page, trace: Trace, model: Model, c: Cursor) {
  const expected = expectedDiagramValues(trace, model, c);
  await expect.poll(() => diagramValues(page), { message: `diagram at t=${c.t} sub=${c.sub}` }).toEqual(expected);
}

/** The equations' LaTeX (from KaTeX's MathML annotation) and the text a reader sees. */
async function equations(page: Page): Promise<{ tex: string; text: string }> {
  const body = page.getByRole('region', { name: 'Equations' });
  return {
    tex: (await body.locator('annotation').allTextContents()).join('\n'),
    text: (await body.locator('.katex-html').allTextContents()).join('\n'),
  };
}

async function expectEquations(page: Page, trace: Trace, c: Cursor) {
  const cell = trace.layout.cell;
  const subs = c.focus ? [c.sub] : RESULTS[cell].map((_, k) => k);
  // The equations say which timestep and unit they are for; they follow the cursor once it settles.
  const region = page.getByRole('region', { name: 'Equations' });
  await expect(region.getByRole('heading').first()).toContainText(new RegExp(`unit ${c.unit}\\b.*t = ${c.t + 1}$`, 'i'));
  await expect(region.locator('.katex').first()).toBeVisible();
  // When the panel first fills, its groups come in a frame each; it says when all are in.
  await expect(region.locator('.equations-body')).toHaveAttribute('aria-busy', 'false');
  const { tex, text } = await equations(page);
  for (const s of subs) {
    for (const name of RESULTS[cell][s]) {
      const v = trace.at(`l${c.layer}.${name}`, c.t, c.unit);
      // Stated in the LaTeX (as a result, a factor or a term: spaces and brackets aside), and shown
      // with a real minus sign.
      expect(tex.replace(/[\s()]/g, ''), `${name} at t=${c.t} unit=${c.unit} in the equations`).toContain(num(v));
      expect(text.replace(/[\s()]/g, ''), `${name} as shown`).toContain(num(v).replace('-', '−'));
    }
  }
}

async function cursorOf(page: Page): Promise<{ t: number }> {
  const label = await page.getByLabel('Current timestep').textContent();
  return { t: Number(/t = ([\d,]+)/.exec(label ?? '')![1].replace(/,/g, '')) - 1 };
}

const CASES: Array<{ name: string; url: Record<string, string | number>; cfg: Partial<Config>; layer?: number }> = [
  { name: 'LSTM', url: { H: 6, T: 24, seed: 4, fbias: 1 }, cfg: { hiddenSize: 6, seqLen: 24, seed: 4, forgetBias: 1 } },
  { name: 'GRU (reset after, PyTorch)', url: { cell: 'gru', H: 5, T: 24, seed: 5 }, cfg: { cell: 'gru', hiddenSize: 5, seqLen: 24, seed: 5 } },
  { name: 'GRU (reset before, Cho 2014)', url: { cell: 'gru', reset: 'before', H: 5, T: 24, seed: 6 }, cfg: { cell: 'gru', gruReset: 'before', hiddenSize: 5, seqLen: 24, seed: 6 } },
  { name: 'RNN tanh', url: { cell: 'rnn_tanh', H: 7, T: 24, seed: 7 }, cfg: { cell: 'rnn_tanh', hiddenSize: 7, seqLen: 24, seed: 7 } },
  { name: 'RNN ReLU, layer 2 of 2', url: { cell: 'rnn_relu', H: 4, T: 24, seed: 8, layers: 2 }, cfg: { cell: 'rnn_relu', hiddenSize: 4, seqLen: 24, seed: 8, numLayers: 2 }, layer: 1 },
  // The trained examples: the URL's own H, layers and reset are kept for random weights, not used.
  { name: 'trained LSTM on text', url: { input: 'text', weights: 'trained', text: 'the dog sat by the tree.', H: 40 }, cfg: { inputKind: 'text', weights: 'trained', text: 'the dog sat by the tree.', hiddenSize: 40 } },
  { name: 'trained GRU on text', url: { cell: 'gru', reset: 'before', input: 'text', weights: 'trained', text: 'a fox hid behind the moon.' }, cfg: { cell: 'gru', gruReset: 'before', inputKind: 'text', weights: 'trained', text: 'a fox hid behind the moon.' } },
  { name: 'LSTM on text, layer 1 of 2', url: { input: 'text', text: 'hello gates', H: 5, layers: 2, seed: 2 }, cfg: { inputKind: 'text', text: 'hello gates', hiddenSize: 5, numLayers: 2, seed: 2 } },
];

for (const k of CASES) {
  test(`${k.name}: stepping by keyboard, the diagram and the equations show the engine's numbers`, async ({ page }) => {
    await page.goto(`/${query(k.url)}`);
    await waitForRun(page);
    const { trace, model } = engineRun(k.cfg);
    const subs = subSteps(trace.layout.cell).length;
    const layer = k.layer ?? 0;
    if (layer > 0) await page.keyboard.press('.');
    const c: Cursor = { t: 0, sub: subs - 1, focus: false, unit: 0, layer };
    await expectDiagram(page, trace, model, c);
    await expectEquations(page, trace, c);

    // Units: ] and [ wrap around H.
    await page.keyboard.press(']');
    await page.keyboard.press(']');
    c.unit = 2 % trace.layout.hiddenSize;
    for (let s = 0; s < 3; s++) await page.keyboard.press('ArrowRight');
    c.t = 3;
    expect((await cursorOf(page)).t).toBe(3);
    await expectDiagram(page, trace, model, c);
    await expectEquations(page, trace, c);

    // Sub-steps: from a whole step, Shift+→ walks that step, one equation group at a time (a cell of one
    // sub-step has nothing to walk inside a step: it goes on to the next)...
    const walked = subs > 1 ? 3 : 4;
    for (let s = 0; s < subs; s++) {
      await page.keyboard.press('Shift+ArrowRight');
      Object.assign(c, { t: walked, sub: s, focus: true });
      if (subs > 1) await expect(page.getByRole('list', { name: 'Sub-steps of this timestep' }).locator('[aria-current="step"]')).toContainText(subSteps(trace.layout.cell)[s].title);
      await expectDiagram(page, trace, model, c);
      await expectEquations(page, trace, c);
    }
    // ...then on into the next timestep's first group, and back across the boundary.
    await page.keyboard.press('Shift+ArrowRight');
    Object.assign(c, { t: walked + 1, sub: 0 });
    await expectDiagram(page, trace, model, c);
    await page.keyboard.press('Shift+ArrowLeft');
    Object.assign(c, { t: walked, sub: subs - 1 });
    await expectDiagram(page, trace, model, c);
    await expectEquations(page, trace, c);

    // The end of the sequence, then the start again.
    await page.keyboard.press('End');
    Object.assign(c, { t: trace.layout.steps - 1, sub: subs - 1, focus: false });
    await expectDiagram(page, trace, model, c);
    await expectEquations(page, trace, c);
    await page.keyboard.press('[');
    c.unit = (c.unit - 1 + trace.layout.hiddenSize) % trace.layout.hiddenSize;
    await page.keyboard.press('Home');
    c.t = 0;
    await expectDiagram(page, trace, model, c);
    await expectEquations(page, trace, c);
  });
}

test('every diagram component has an accessible name, and its number as its description', async ({ page }) => {
  const names: Record<string, string[]> = {
    lstm: ['forget gate', 'input gate', 'candidate', 'output gate', 'cell state', 'hidden state', 'Hadamard product f⊙c', 'Hadamard product i⊙g', 'tanh of cell state', 'previous cell state', 'previous hidden state', 'input', 'softmax readout'],
    gru: ['update gate', 'reset gate', 'candidate', 'hidden state', 'Hadamard product r⊙Uh', 'Hadamard product z⊙h', "Hadamard product (1−z)⊙h'", 'one minus update gate', 'recurrent product U h'],
    rnn_tanh: ['hidden state', 'previous hidden state', 'input'],
  };
  for (const [cell, list] of Object.entries(names)) {
    await page.goto(`/${query({ cell, H: 4, T: 5 })}`);
    await waitForRun(page);
    const diagram = page.getByRole('group', { name: /cell diagram$/ });
    for (const name of list) await expect(diagram.getByRole('img', { name, exact: true })).toHaveCount(1);
  }
  // The number is in the description, and follows the cursor and the unit.
  const { trace, model } = engineRun({ cell: 'rnn_tanh', hiddenSize: 4, seqLen: 5 });
  const h = page.getByRole('group', { name: /cell diagram$/ }).getByRole('img', { name: 'hidden state', exact: true });
  await expect(h).toHaveAccessibleDescription(`hₜ, unit 0: ${stripValueText(trace, model, 0, 'h', 0, 0)}`);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press(']');
  await expect(h).toHaveAccessibleDescription(`hₜ, unit 1: ${stripValueText(trace, model, 0, 'h', 1, 1)}`);
});

test('clicking a unit on a strip selects it everywhere', async ({ page }) => {
  await page.goto(`/${query({ H: 8, T: 10, seed: 3 })}`);
  await waitForRun(page);
  const { trace, model } = engineRun({ hiddenSize: 8, seqLen: 10, seed: 3 });
  const hit = page.locator('[data-source="f"] .strip-hit');
  const box = (await hit.boundingBox())!;
  // Unit 5 of 8 sits at 5.5/8 of the strip's width.
  await page.mouse.click(box.x + (box.width * 5.5) / 8, box.y + box.height / 2);
  await expect(page.getByRole('region', { name: 'Equations' })).toContainText('UNIT 5', { ignoreCase: true });
  await expectDiagram(page, trace, model, { t: 0, sub: 3, focus: false, unit: 5, layer: 0 });
});

test('on a 512-unit strip the hover tip magnifies the units around the pointer, and a click selects the one it names', async ({ page }) => {
  await page.goto(`/${query({ H: 512, T: 10, seed: 3 })}`);
  await waitForRun(page);
  const box = (await page.locator('[data-source="f"] .strip-hit').boundingBox())!;
  // Its cells are a pixel wide, in 8 rows of 64: aim somewhere in the middle.
  const at = { x: box.x + box.width * 0.37, y: box.y + box.height * 0.55 };
  await page.mouse.move(at.x, at.y);
  const tip = page.locator('.diagram-top .hover-tip');
  await expect(tip.locator('.loupe rect')).toHaveCount(17); // 16 units and the outline
  // It names the strip too (it stands over the strip's label), and its box holds its text whole.
  const named = Number(/^fₜ · unit (\d+):/.exec((await tip.locator('text').first().textContent())!)![1]);
  const [rect, text] = await Promise.all([tip.locator('rect').first().boundingBox(), tip.locator('text').first().boundingBox()]);
  expect(text!.x).toBeGreaterThan(rect!.x);
  expect(text!.x + text!.width).toBeLessThan(rect!.x + rect!.width);
  const first = Number(await tip.locator('.loupe').getAttribute('data-first'));
  expect(named - first).toBeGreaterThanOrEqual(0);
  expect(named - first).toBeLessThan(16);
  await page.mouse.click(at.x, at.y);
  await expect(page.getByRole('heading', { name: /^Equations/ })).toContainText(`unit ${named}`);
});

test('on a high-density screen a click on a strip selects the unit the hover tip names, between pixels too', async ({ browser }) => {
  // A pointer's moves come at fractional positions, its click at whole pixels: the click had been placed on
  // its own and, at half-pixel positions, selected a neighbour or the unit a row of 64 away.
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await page.goto(`/${query({ H: 512, T: 10, seed: 3 })}`);
  await waitForRun(page);
  const tip = page.locator('.diagram-top .hover-tip');
  for (const source of ['f', 'h']) {
    const box = (await page.locator(`[data-source="${source}"] .strip-hit`).boundingBox())!;
    for (const [fx, fy] of [[0.23, 0.31], [0.5, 0.5], [0.77, 0.69]]) {
      const at = { x: Math.floor(box.x + box.width * fx) + 0.5, y: Math.floor(box.y + box.height * fy) + 0.5 };
      await page.mouse.move(at.x, at.y);
      const named = Number(/· unit (\d+):/.exec((await tip.locator('text').first().textContent())!)![1]);
      await page.mouse.down();
      await page.mouse.up();
      await expect(page.getByRole('heading', { name: /^Equations/ })).toContainText(`unit ${named} `);
    }
  }
  await context.close();
});

test('the help overlay lists every command and closes with Escape; lecture view and theme by key', async ({ page }) => {
  await page.goto(`/${query({ H: 4, T: 5 })}`);
  await waitForRun(page);
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  for (const label of ['Play / pause', 'Next sub-step', 'Previous unit', 'Lecture view', 'Jump to end']) await expect(help).toContainText(label);
  // Behind the open dialog the page's shortcuts are off.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByLabel('Current timestep')).toContainText('t = 1 ');
  // Also with the focus taken out of the dialog to the page behind it (Tab past its last button can).
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('End');
  await expect(page.getByLabel('Current timestep')).toContainText('t = 1 ');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // Space on a focused button presses that button; it doesn't start playback.
  await page.getByRole('list', { name: 'Sub-steps of this timestep' }).getByRole('button').first().focus();
  await page.keyboard.press(' ');
  await expect(page.getByRole('list', { name: 'Sub-steps of this timestep' }).getByRole('button', { name: '1. Forget gate' })).toHaveAttribute('aria-current', 'step');
  await expect(page.getByRole('button', { name: 'Play / pause' })).toHaveAttribute('aria-pressed', 'false');

  await page.keyboard.press('l');
  await expect(page.getByRole('form', { name: 'Model' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Heatmaps over time' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Cell diagram' })).toBeVisible();
  await expect(page).toHaveURL(/lecture=1/);
  await page.keyboard.press('l');
  await expect(page.getByRole('form', { name: 'Model' })).toBeVisible();

  const before = await page.evaluate(() => document.documentElement.dataset.theme);
  await page.keyboard.press('t');
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).not.toBe(before);
});

test('a link with a sub-step opens on it, and the address follows the sub-steps as they are walked', async ({ page }) => {
  await page.goto(`/${query({ cell: 'gru', H: 4, T: 20, t: 3, sub: 2 })}`);
  await waitForRun(page);
  const diagram = page.getByRole('region', { name: 'Cell diagram' });
  await expect(diagram).toContainText('Step 2 of 3: Candidate');
  await expect(page.getByRole('list', { name: 'Sub-steps of this timestep' }).locator('[aria-current="step"]')).toContainText('2. Candidate');
  await expect(page.getByLabel('Current timestep')).toContainText('t = 3 ');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(diagram).toContainText('Step 3 of 3: Blend');
  await expect(page).toHaveURL(/[?&]t=3&sub=3(&|$)/);
  await page.keyboard.press('Shift+ArrowRight'); // into the next timestep's first sub-step
  await expect(page).toHaveURL(/[?&]t=4&sub=1(&|$)/);
  await page.keyboard.press('ArrowRight'); // a whole step: no sub-step to share, and none lit as the current one
  await expect(page).toHaveURL(/[?&]t=5$/);
  await expect(page.getByRole('list', { name: 'Sub-steps of this timestep' }).locator('[aria-current="step"]')).toHaveCount(0);
});

test('the lecture view shows a whole timestep\'s equations, also after a switch of cell, and Shift+→ walks that timestep', async ({ page }) => {
  await page.goto(`/${query({ H: 4, T: 20, t: 5, lecture: 1 })}`);
  // The lecture view has no status line to wait on: the run's end is marked.
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('gatescope:run-done').length)).toBe(1);
  const groups = page.locator('.equations .eq-group');
  const titles = subSteps('lstm').map((s) => s.title);
  await expect(page.locator('.equations-body')).toHaveAttribute('aria-busy', 'false');
  await expect(groups).toHaveCount(titles.length);
  // An RNN has one sub-step; back to the LSTM, the step is still whole (it had shown the forget gate alone).
  await page.keyboard.press('l'); // out of the lecture view, where the model's controls are
  await page.getByLabel('Cell type').selectOption('rnn_tanh');
  await expect(page.getByRole('region', { name: 'Cell diagram' })).toContainText('RNN');
  await page.getByLabel('Cell type').selectOption('lstm');
  await page.getByLabel('Cell type').blur();
  await expect(page.getByRole('region', { name: 'Cell diagram' })).toContainText('LSTM');
  await page.keyboard.press('l');
  await expect(page.locator('.equations-body')).toHaveAttribute('aria-busy', 'false');
  await expect(groups).toHaveCount(titles.length);
  await expect(page.getByRole('list', { name: 'Sub-steps of this timestep' }).locator('[aria-current="step"]')).toHaveCount(0);
  // Shift+→ starts walking t = 5 at its first equation; Shift+← from a whole step, at its last.
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.locator('.diagram-step')).toHaveText(`t = 5, unit 0 · Step 1 of ${titles.length}: ${titles[0]}`);
  await expect(groups).toHaveCount(1);
  await expect(groups).toHaveAttribute('aria-label', titles[0]);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(page.locator('.diagram-step')).toContainText(`t = 6, unit 0 · Step ${titles.length} of ${titles.length}`);
});

test('the equations and the values table follow playback that never pauses, a few times a second', async ({ page }) => {
  // At 10 steps/s or more no step lasts the 150 ms the panels wait for quiet: they had stayed at t = 1
  // until playback stopped, while the diagram and the timeline went on.
  await page.goto(`/${query({ H: 4, T: 2000, speed: 30 })}`);
  await waitForRun(page);
  // The panel's t and the cursor's, read from the page in one go: read in two round trips, a loaded CI
  // machine counted its own latency (seconds, at 30 steps/s, 78 steps) as the panel's lag.
  const tsOf = (name: string) => page.evaluate((label) => {
    const tIn = (el: Element | null | undefined) => Number(/t = ([\d,]+)/.exec(el?.textContent ?? '')?.[1].replace(/,/g, '') ?? NaN);
    return {
      panel: tIn(document.querySelector(`section[aria-label="${label}"] h2`)),
      cursor: tIn(document.querySelector('output[aria-label="Current timestep"]')),
    };
  }, name);
  await page.keyboard.press('Space');
  for (const name of ['Equations', 'Values at this timestep']) {
    let seen = 1;
    for (let i = 0; i < 3; i++) {
      // Each look a little over a second apart: the panel has moved on since the last, and is near the cursor.
      // Typesetting is a deferred render, which the diagram's frames put off: on a loaded machine (CI, or
      // 6× CPU throttling) the first move came 1.7 s after Space, then every 0.3–1 s; frozen, it never came.
      await expect.poll(async () => (await tsOf(name)).panel, { timeout: 5000 }).toBeGreaterThan(seen);
      const { panel, cursor } = await tsOf(name);
      // MAX_WAIT_MS is 15 steps at this speed; the rest is room for a busy machine's slow frames (CI measured
      // 62 twice with 60 as the bound: typesetting waits for the diagram's frames). A frozen panel fails the
      // poll above; this checks that what it shows is the cursor's step of a moment ago, not a stale one.
      expect(cursor - panel).toBeLessThan(90);
      seen = panel;
      await page.waitForTimeout(700);
    }
  }
  await expect(page.getByRole('button', { name: 'Play / pause' })).toHaveAttribute('aria-pressed', 'true');
});

test('the address follows the settings while the sequence plays', async ({ page }) => {
  await page.goto(`/${query({ H: 4, T: 2000, speed: 10 })}`);
  await waitForRun(page);
  await page.keyboard.press('Space');
  await page.getByLabel('Cell type').selectOption('gru');
  await page.getByLabel('Cell type').blur();
  // It had waited for playback to stop: each step restarted the timer of its write.
  await expect(page).toHaveURL(/[?&]cell=gru(&|$)/, { timeout: 3000 });
  await expect(page.getByRole('button', { name: 'Play / pause' })).toHaveAttribute('aria-pressed', 'true');
  // A drag of the timeline's thumb is written once it is let go, at the step it ends on.
  await page.keyboard.press('Space');
  const track = (await page.getByLabel('Timestep', { exact: true }).boundingBox())!;
  await page.mouse.move(track.x + track.width / 2, track.y + track.height / 2);
  await page.mouse.down();
  await page.mouse.move(track.x + track.width * 0.7, track.y + track.height / 2, { steps: 8 });
  await page.mouse.up();
  const t = Number(/t = ([\d,]+)/.exec((await page.getByLabel('Current timestep').textContent()) ?? '')![1].replace(/,/g, ''));
  expect(t).toBeGreaterThan(1000);
  await expect(page).toHaveURL(new RegExp(`[?&]t=${t}(&|$)`));
});

test('a link that changes only the fragment (a long text\'s #text=) opens its own text, which the address then keeps', async ({ page }) => {
  // A text whose query would be over QUERY_BUDGET lives in the fragment; a link to another such text
  // doesn't load a new page. The page had gone on with the old text, and its next write of the address put
  // the old text back over the new link.
  const [before, after] = ['?!,'.repeat(666), ';:,'.repeat(666)];
  await page.goto(`/?input=text#text=${encodeURIComponent(before)}`);
  await waitForRun(page);
  const field = page.getByRole('textbox', { name: 'Input text' });
  await expect(field).toHaveValue(before);
  await page.goto(`/?input=text#text=${encodeURIComponent(after)}`);
  await expect(field).toHaveValue(after);
  await waitForRun(page);
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/t=2/);
  expect(new URLSearchParams(new URL(page.url()).hash.slice(1)).get('text')).toBe(after);
});

test('a link restores the heatmaps\' rows, colour scale and time window and the playback speed, and the address follows them', async ({ page }) => {
  await page.goto(`/${query({ H: 4, T: 500, series: 'c,f', norm: 'global', window: '100-400', speed: 30 })}`);
  await waitForRun(page);
  const panel = page.getByRole('region', { name: 'Heatmaps over time' });
  const chips = panel.getByRole('group', { name: 'Series shown' });
  await expect(chips.locator('[aria-pressed="true"]')).toHaveText(['fₜ', 'cₜ']);
  await expect(panel.getByRole('application', { name: / over time: / })).toHaveCount(2);
  await expect(panel.getByRole('application', { name: 'forget gate over time: 4 units × 301 timesteps, t = 100 to 400' })).toBeVisible();
  await expect(panel.getByRole('application', { name: 'cell state over time: 4 units × 301 timesteps, t = 100 to 400' })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'one shared scale' })).toHaveAttribute('aria-pressed', 'true');
  // Each row's key under its symbol: the gate's 0 to 1, the cell state's signed bound.
  await expect(panel.locator('.heatmap-label')).toHaveText(['fₜ0–1', /^cₜ±\d+(\.\d+)?$/]);
  await expect(panel.locator('.window-text')).toHaveText('t 100–400');
  await expect(page.getByLabel('Playback speed')).toHaveValue('30');
  await expect(page.getByRole('alert')).toHaveCount(0); // nothing in the link was refused
  // Each change shows in the address (written after a pause, with replaceState).
  const search = () => page.evaluate(() => location.search);
  await chips.getByRole('button', { name: 'iₜ, input gate', exact: true }).click();
  await expect.poll(search).toContain('series=i%2Cf%2Cc');
  await panel.getByRole('button', { name: 'scale per series' }).click();
  await expect.poll(search).not.toContain('norm=');
  await page.getByLabel('Playback speed').selectOption('60');
  await expect.poll(search).toContain('speed=60');
  await panel.getByRole('button', { name: 'Heatmaps: all of the sequence' }).click();
  await expect.poll(search).toBe('?H=4&T=500&series=i%2Cf%2Cc&speed=60');
});

test('while the timeline\'s thumb is held the diagram follows it, and the equations wait for its release', async ({ page }) => {
  await page.goto(`/${query({ H: 4, T: 200 })}`);
  await waitForRun(page);
  const equations = page.getByRole('region', { name: 'Equations' }).getByRole('heading', { level: 2 });
  await expect(equations).toHaveText(/· t = 1$/);
  const box = (await page.getByRole('slider', { name: 'Timestep' }).boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 8, y);
  await page.mouse.down();
  for (const f of [0.2, 0.4, 0.5]) await page.mouse.move(box.x + box.width * f, y, { steps: 4 });
  await page.waitForTimeout(600); // longer than any settling: only the release may typeset them
  const held = (await cursorOf(page)).t;
  expect(held).toBeGreaterThan(50);
  await expect(page.locator('.diagram-step')).toContainText(`t = ${held + 1},`);
  await expect(equations).toHaveText(/· t = 1$/);
  await page.mouse.up();
  await expect(equations).toHaveText(new RegExp(`· t = ${held + 1}$`));
});

test('play runs the clock and Space pauses it', async ({ page }) => {
  await page.goto(`/${query({ H: 4, T: 400 })}`);
  await waitForRun(page);
  await page.getByLabel('Playback speed').selectOption('60');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press(' ');
  await expect.poll(async () => (await cursorOf(page)).t, { timeout: 10_000 }).toBeGreaterThan(10);
  // Nothing is read out during playback: the step line speaks after a step, the timeline's output never.
  await expect(page.locator('.diagram-step')).toHaveAttribute('aria-live', 'off');
  await expect(page.getByLabel('Current timestep')).toHaveAttribute('aria-live', 'off');
  await page.keyboard.press(' ');
  await expect(page.locator('.diagram-step')).toHaveAttribute('aria-live', 'polite');
  const stopped = (await cursorOf(page)).t;
  await page.waitForTimeout(300);
  expect((await cursorOf(page)).t).toBe(stopped);
});

test('a heatmap click moves the cursor and selects the unit', async ({ page }) => {
  await page.goto(`/${query({ H: 8, T: 50 })}`);
  await waitForRun(page);
  const map = page.getByRole('application', { name: /^forget gate over time/ });
  await map.scrollIntoViewIfNeeded();
  const box = (await map.boundingBox())!;
  // Timestep 30 of 50, unit 6 of 8.
  await page.mouse.click(box.x + (box.width * 30.5) / 50, box.y + (box.height * 6.5) / 8);
  expect((await cursorOf(page)).t).toBe(30);
  await expect(page.getByRole('region', { name: 'Equations' })).toContainText('UNIT 6', { ignoreCase: true });
  // Every heatmap (six for an LSTM) marks unit 6 at both ends of its row.
  await expect(page.locator('.heatmap-unit-mark')).toHaveCount(12);
  for (const mark of await page.locator('.heatmap-unit-mark').all()) {
    const row = (await mark.locator('xpath=ancestor::*[contains(@class, "heatmap-canvas")]').boundingBox())!;
    const m = (await mark.boundingBox())!;
    expect(Math.abs(m.y + m.height / 2 - (row.y + (row.height * 6.5) / 8))).toBeLessThan(1);
  }
});

test('the heatmaps are drawn off the main thread', async ({ page }) => {
  await page.goto(`/${query({ H: 8, T: 50 })}`);
  await waitForRun(page);
  const picture = page.locator('canvas.heatmap-picture').first();
  await expect(picture).toBeAttached();
  // A canvas whose control went to an OffscreenCanvas has no context of its own on the page.
  expect(await picture.evaluate((c: HTMLCanvasElement) => { try { c.getContext('2d'); return 'page'; } catch { return 'worker'; } })).toBe('worker');
});

/**
 * Which of the given pixels of a heatmap's picture, as shown, differ from the colour of the engine's value
 * there (series k of `trace`, T steps by H units): read back by drawing the canvas into a scratch canvas,
 * which works whether a worker (an OffscreenCanvas) or the page draws it.
 */
async function heatmapPixelsWrong(
  picture: Locator, trace: Trace, k: number, T: number, H: number, points: (w: number, h: number) => number[][], theme: ScaleTheme = 'light',
): Promise<string[]> {
  const domain = seriesDomain(trace, k, 'series');
  const lut = lutFor(domain.kind, theme);
  const { w, h, px } = await picture.evaluate((c: HTMLCanvasElement) => {
    const scratch = document.createElement('canvas');
    [scratch.width, scratch.height] = [c.width, c.height];
    const ctx = scratch.getContext('2d')!;
    ctx.drawImage(c, 0, 0);
    return { w: c.width, h: c.height, px: [...ctx.getImageData(0, 0, c.width, c.height).data] };
  });
  if (w < 2) return ['not painted'];
  const wrong: string[] = [];
  for (const [x, y] of points(w, h)) {
    const t = Math.floor(((x + 0.5) * T) / w);
    const unit = Math.floor(((y + 0.5) * H) / h);
    const want = lut[lutIndex(domain, trace.value(k, t, unit))];
    const at = (y * w + x) * 4;
    if (px[at] !== (want & 255) || px[at + 1] !== ((want >>> 8) & 255) || px[at + 2] !== ((want >>> 16) & 255)) wrong.push(`t${t} unit${unit}`);
  }
  return wrong;
}

test('a heatmap below the fold is painted only once it is scrolled to, and then shows the whole run', async ({ page }) => {
  const cfg = { hiddenSize: 8, seqLen: 50, seed: 1 };
  await page.goto(`/${query({ H: 8, T: 50 })}`);
  await waitForRun(page);
  const { trace } = engineRun(cfg);
  const k = trace.index('l0.h');
  const row = page.getByRole('application', { name: /^hidden state over time/ });
  const picture = row.locator('canvas.heatmap-picture');
  const points = (w: number, h: number) => [[0, 0], [w >> 1, h >> 1], [w - 1, h - 1]];
  // The LSTM's last row, hₜ, sits far below a 720-pixel window.
  expect((await row.boundingBox())!.y).toBeGreaterThan(720 + 300);
  await page.waitForTimeout(500);
  expect(await heatmapPixelsWrong(picture, trace, k, 50, 8, points)).not.toEqual([]);
  await picture.scrollIntoViewIfNeeded();
  await expect.poll(() => heatmapPixelsWrong(picture, trace, k, 50, 8, points)).toEqual([]);
});

test('signed values take the dark page\'s colours in the heatmaps, and a switch of theme repaints them', async ({ page }) => {
  const cfg = { hiddenSize: 8, seqLen: 50, seed: 1 };
  await page.goto(`/${query({ H: 8, T: 50 })}`);
  await waitForRun(page);
  const { trace } = engineRun(cfg);
  const k = trace.index('l0.c');
  const picture = page.getByRole('application', { name: /^cell state over time/ }).locator('canvas.heatmap-picture');
  await picture.scrollIntoViewIfNeeded(); // a heatmap off screen isn't painted
  const points = (w: number, h: number) => [[0, 0], [w >> 1, h >> 1], [w - 1, h - 1], [w >> 2, 3]];
  await expect.poll(() => heatmapPixelsWrong(picture, trace, k, 50, 8, points, 'light')).toEqual([]);
  await page.locator('body').press('t'); // the theme command
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(() => heatmapPixelsWrong(picture, trace, k, 50, 8, points, 'dark')).toEqual([]);
});

test('if the heatmaps\' worker fails to load, the page draws them itself', async ({ page, context }) => {
  await context.route(/\/assets\/presenter\.worker-[\w-]+\.js$/, (route) => route.abort());
  const cfg = { hiddenSize: 8, seqLen: 50, seed: 1 };
  await page.goto(`/${query({ H: 8, T: 50 })}`);
  await waitForRun(page);
  const picture = page.getByRole('application', { name: /^forget gate over time/ }).locator('canvas.heatmap-picture');
  await picture.scrollIntoViewIfNeeded(); // a heatmap off screen isn't painted
  // A fresh canvas with a context of its own on the page, showing the engine's values.
  await expect.poll(() => picture.evaluate((c: HTMLCanvasElement) => { try { return c.getContext('2d') ? 'page' : 'none'; } catch { return 'worker'; } })).toBe('page');
  const { trace } = engineRun(cfg);
  await expect.poll(() => heatmapPixelsWrong(picture, trace, trace.index('l0.f'), 50, 8, (w, h) => [[0, 0], [w >> 1, h >> 1], [w - 1, h - 1]])).toEqual([]);
});

test('under prefers-reduced-motion the wires do not animate', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`/${query({ H: 4, T: 5 })}`);
  await waitForRun(page);
  await page.keyboard.press('Shift+ArrowRight');
  const pulse = page.locator('.wire-pulse').first();
  await expect(pulse).toBeAttached();
  expect(await pulse.evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
});

for (const theme of ['light', 'dark'] as const) test(`each strip cell on the diagram is painted in the colour of the engine's value, ${theme}`, async ({ page }) => {
  // H = 100: strips of 64 + 36 cells, so the partly filled last row is covered too.
  const cfg = { hiddenSize: 100, seqLen: 30, seed: 5 };
  await page.setViewportSize({ width: 1920, height: 1080 }); // cells about 2 pixels wide
  await page.goto(`/${query({ H: 100, T: 30, seed: 5, theme })}`);
  await waitForRun(page);
  for (let k = 0; k < 12; k++) await page.keyboard.press('ArrowRight');
  await expect(page.getByLabel('Current timestep')).toContainText('t = 13 ');
  const { trace } = engineRun(cfg);
  const g = geometryFor(trace.layout, true);
  const canvas = page.locator('canvas.diagram-strips');
  const box = (await canvas.boundingBox())!;
  const { scale, offsetX, offsetY } = fitViewBox(box.width, box.height, g.width, g.height);
  for (const source of ['f', 'i', 'g', 'o'] as const) {
    const s = g.parts.find((p) => p.source === source)!.strip!;
    const values = sourceValues(trace, 0, source, 12);
    const domain = seriesDomain(trace, sourceSeries(trace, 0, source), 'series');
    const lut = lutFor(domain.kind, theme);
    // Not unit 0 (outlined as the selection) nor the first and last columns (under the strip's border).
    for (const j of [5, 17, 40, 62, 70, 90, 99]) {
      const r = cellRect(values.length, j, s.x, s.y);
      const [x, y] = [offsetX + (r.x + r.w / 2) * scale, offsetY + (r.y + r.h / 2) * scale];
      const rgb = await canvas.evaluate((c: HTMLCanvasElement, [x, y]) => {
        const dpr = c.width / c.getBoundingClientRect().width;
        return [...c.getContext('2d')!.getImageData(Math.floor(x * dpr), Math.floor(y * dpr), 1, 1).data.slice(0, 3)];
      }, [x, y]);
      const want = lut[lutIndex(domain, values[j])];
      expect(rgb, `${source}[${j}] = ${values[j]}`).toEqual([want & 255, (want >>> 8) & 255, (want >>> 16) & 255]);
    }
  }
});

/** A PNG's pixels at the given points, and how many pixels of a box are darker than white (drawn ink). */
async function pngPixels(page: Page, png: Buffer, points: Array<{ x: number; y: number }>, box = { x: 0, y: 0, w: 1, h: 1 }) {
  return page.evaluate(async ({ data, points, box }) => {
    const img = new Image();
    img.src = `data:image/png;base64,${data}`;
    await img.decode();
    const c = document.createElement('canvas');
    [c.width, c.height] = [img.width, img.height];
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const at = (x: number, y: number) => [...ctx.getImageData(x, y, 1, 1).data.slice(0, 3)];
    const b = ctx.getImageData(box.x, box.y, box.w, box.h).data;
    let inked = 0;
    for (let i = 0; i < b.length; i += 4) if (b[i] < 200) inked++;
    return { pixels: points.map((p) => at(p.x, p.y)), corner: at(2, 2), inked };
  }, { data: png.toString('base64'), points, box });
}

test('S saves the diagram as a PNG: the panel at twice its size, its strips in the engine\'s colours, its title drawn; while playing, the step it names', async ({ page }) => {
  const cfg = { hiddenSize: 8, seqLen: 300, seed: 5 };
  await page.goto(`/${query({ H: 8, T: 300, seed: 5, t: 13, unit: 3, speed: 30 })}`);
  await waitForRun(page);
  const { trace } = engineRun(cfg);
  const g = geometryFor(trace.layout, true);
  /** Saves, and checks the image against the engine's values at the step its name gives; returns the name. */
  const saveAndCheck = async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('s')]);
    const name = download.suggestedFilename();
    const t = Number(/-t(\d+)-/.exec(name)![1]) - 1;
    const png = readFileSync((await download.path())!);
    expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    const panel = (await page.getByRole('region', { name: 'Cell diagram' }).boundingBox())!;
    // IHDR: the width and height, big-endian, at bytes 16 and 20: the panel down to its legend's bars, and a margin.
    expect(png.readUInt32BE(16)).toBe(Math.round(panel.width * 2));
    const legend = (await page.locator('.legend-bar').last().boundingBox())!;
    expect(Math.abs(png.readUInt32BE(20) - (legend.y + legend.height + 12 - panel.y) * 2)).toBeLessThan(3);
    const box = (await page.locator('.diagram').boundingBox())!;
    const { scale, offsetX, offsetY } = fitViewBox(box.width, box.height, g.width, g.height);
    // Where cells of four strips fall in the image, and the colours the engine's values there have.
    const points: Array<{ x: number; y: number; want: number[]; what: string }> = [];
    for (const source of ['f', 'g', 'c', 'h'] as const) {
      const s = g.parts.find((p) => p.source === source)!.strip!;
      const values = sourceValues(trace, 0, source, t);
      const domain = seriesDomain(trace, sourceSeries(trace, 0, source), 'series');
      const want = lutFor(domain.kind, 'light');
      for (const j of [1, 5, 7]) {
        const r = cellRect(values.length, j, s.x, s.y);
        const x = (box.x + offsetX + (r.x + r.w / 2) * scale - panel.x) * 2;
        const y = (box.y + offsetY + (r.y + r.h / 2) * scale - panel.y) * 2;
        const c = want[lutIndex(domain, values[j])];
        points.push({ x: Math.floor(x), y: Math.floor(y), want: [c & 255, (c >>> 8) & 255, (c >>> 16) & 255], what: `${name}: ${source}[${j}]` });
      }
    }
    // The SVG layers too: inside the forget gate's block (the wires' layer), its fill.
    const block = page.locator('.node-block rect').first();
    const b = (await block.boundingBox())!;
    const fill = (await block.evaluate((r) => getComputedStyle(r).fill)).match(/\d+/g)!.map(Number);
    points.push({ x: Math.floor((b.x + 6 - panel.x) * 2), y: Math.floor((b.y + 4 - panel.y) * 2), want: fill, what: 'a gate block\'s fill' });
    const title = (await page.locator('.diagram-panel h2').boundingBox())!;
    const seen = await pngPixels(page, png, points, { x: Math.round((title.x - panel.x) * 2), y: Math.round((title.y - panel.y) * 2), w: Math.round(title.width * 2), h: Math.round(title.height * 2) });
    points.forEach((p, k) => expect(seen.pixels[k], p.what).toEqual(p.want));
    expect(seen.corner).toEqual([255, 255, 255]);
    expect(seen.inked, 'the title drawn').toBeGreaterThan(200);
    return name;
  };
  expect(await saveAndCheck()).toBe('gatescope-lstm-h8-t13-unit3.png');
  await expect(page.locator('[aria-live]').filter({ hasText: 'Diagram saved as gatescope-lstm-h8-t13-unit3.png' })).toHaveCount(1);
  // While playing, the picture and its name are of one step: the name had been read once the image was
  // made, steps later than the strips it showed.
  await page.keyboard.press('Space');
  await page.waitForTimeout(500);
  expect(await saveAndCheck()).not.toBe('gatescope-lstm-h8-t13-unit3.png');
});

test('a saved diagram says which layer it shows, without the layer buttons or the lecture view\'s empty bands; a held S saves once', async ({ page }) => {
  await page.goto(`/${query({ H: 8, T: 60, layers: 2, layer: 2, lecture: 1, theme: 'dark', t: 9 })}`);
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('gatescope:run-done').length)).toBe(1);
  const downloads: string[] = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  const saved = page.waitForEvent('download');
  for (let k = 0; k < 3; k++) await page.keyboard.down('s'); // a key held: it repeats
  await page.keyboard.up('s');
  const download = await saved;
  expect(download.suggestedFilename()).toBe('gatescope-lstm-h8-t9-unit0-layer2.png');
  const png = readFileSync((await download.path())!);
  const panel = (await page.getByRole('region', { name: 'Cell diagram' }).boundingBox())!;
  expect(png.readUInt32BE(20)).toBeLessThan(panel.height * 2 - 40);
  expect((await pngPixels(page, png, [])).corner).toEqual([0x1a, 0x20, 0x29]); // the dark panel's colour
  await page.waitForTimeout(1500);
  expect(downloads).toHaveLength(1);
});

test('the heatmaps show the engine\'s values, and a new run of the same size repaints them all', async ({ page }) => {
  const base = { hiddenSize: 20, seqLen: 300 };
  await page.goto(`/${query({ H: 20, T: 300, seed: 1 })}`);
  for (const seed of [1, 2]) {
    if (seed === 2) {
      await page.getByLabel('Random seed').fill('2');
      await page.keyboard.press('Enter');
    }
    await expect(page.getByRole('status').first()).toContainText('300 / 300 steps');
    await waitForRun(page);
    const { trace } = engineRun({ ...base, seed });
    const picture = page.getByRole('application', { name: /^forget gate over time/ }).locator('canvas.heatmap-picture');
    await picture.scrollIntoViewIfNeeded(); // a heatmap off screen isn't painted
    // The painter works in slices across frames: wait until the last column shows the last step.
    await expect.poll(() => heatmapPixelsWrong(picture, trace, trace.index('l0.f'), 300, 20, (w, h) => [[0, 0], [w >> 1, 7], [w - 1, h - 1], [w >> 2, h >> 1]]),
      { message: `seed ${seed}` }).toEqual([]);
  }
});

/**
 * What cuts off part of an element: the viewport, or an ancestor that clips its overflow (a scroll box, a
 * box with hidden overflow, a panel with paint containment). Nothing, for a tip the reader sees whole.
 */
async function clippedBy(el: Locator): Promise<string[]> {
  return el.evaluate((tip) => {
    const r = tip.getBoundingClientRect();
    const within = (b: { left: number; top: number; right: number; bottom: number }) =>
      r.left >= b.left - 0.5 && r.right <= b.right + 0.5 && r.top >= b.top - 0.5 && r.bottom <= b.bottom + 0.5;
    const cuts: string[] = [];
    const root = document.documentElement;
    if (!within({ left: 0, top: 0, right: root.clientWidth, bottom: root.clientHeight })) cuts.push('the viewport');
    for (let a = tip.parentElement; a && a !== document.body; a = a.parentElement) {
      const s = getComputedStyle(a);
      const clips = s.overflowX !== 'visible' || s.overflowY !== 'visible' || /paint|strict|content/.test(s.contain);
      if (clips && !within(a.getBoundingClientRect())) cuts.push(`.${a.className}`);
    }
    return cuts;
  });
}

test('a symbol\'s PyTorch tip sits next to it, whole, however far the equations are scrolled', async ({ page }) => {
  await page.goto(`/${query({ H: 8, T: 50 })}`);
  await waitForRun(page);
  const region = page.getByRole('region', { name: 'Equations' });
  const body = region.locator('.equations-body');
  await expect(body).toHaveAttribute('aria-busy', 'false');
  const tip = page.getByRole('tooltip');

  // The readout's bias, in the last group: below the equations box's fold at 1280×720.
  const bias = region.getByRole('group', { name: 'Output gate and hidden state' }).locator('[data-tensor="bias of the nn.Linear readout"]');
  await bias.scrollIntoViewIfNeeded();
  expect(await body.evaluate((el) => el.scrollTop)).toBeGreaterThan(100);
  await bias.hover();
  await expect(tip).toHaveText('PyTorch: bias of the nn.Linear readout');
  let s = (await bias.boundingBox())!;
  let b = (await tip.boundingBox())!;
  // Just above it, centred on it.
  expect(s.y - (b.y + b.height)).toBeGreaterThanOrEqual(0);
  expect(s.y - (b.y + b.height)).toBeLessThan(12);
  expect(Math.abs(b.x + b.width / 2 - (s.x + s.width / 2))).toBeLessThan(2);
  expect(await clippedBy(tip)).toEqual([]);

  // Scrolling moves the symbol from under the tip: the tip goes, and the next hover places it afresh.
  await body.evaluate((el) => { el.scrollTop = 0; });
  await expect(tip).toBeHidden();

  // A symbol at the top edge of the window: no room above it, so the tip goes below, still on screen.
  const weight = region.getByRole('group', { name: 'Forget gate' }).locator('[data-tensor^="weight_ih_l0"]').first();
  await page.evaluate((y) => window.scrollBy(0, y - 3), (await weight.boundingBox())!.y);
  await weight.hover();
  await expect(tip).toHaveText(/^PyTorch: weight_ih_l0\[8:16\]$/);
  s = (await weight.boundingBox())!;
  b = (await tip.boundingBox())!;
  expect(s.y).toBeLessThan(10);
  expect(b.y - (s.y + s.height)).toBeGreaterThanOrEqual(0);
  expect(b.y - (s.y + s.height)).toBeLessThan(12);
  expect(await clippedBy(tip)).toEqual([]);
});

test('a heatmap\'s hover tip is whole and beside the pointer, over the top unit and at the ends of the row', async ({ page }) => {
  const [T, H] = [200, 8];
  await page.goto(`/${query({ H, T })}`);
  await waitForRun(page);
  const { trace } = engineRun({ hiddenSize: H, seqLen: T });
  const map = page.getByRole('application', { name: /^forget gate over time/ });
  await map.scrollIntoViewIfNeeded();
  const box = (await map.boundingBox())!;
  const tip = page.getByRole('tooltip');
  // Top left, top right (the tip's width from the end: it was cut off there), bottom right.
  for (const [t, j] of [[0, 0], [T - 3, 0], [T - 1, H - 1], [100, 3]]) {
    const [x, y] = [box.x + (box.width * (t + 0.5)) / T, box.y + (box.height * (j + 0.5)) / H];
    await page.mouse.move(x, y);
    await expect(tip).toHaveText(`forget gate · t = ${t + 1} · unit ${j} · ${shown(trace.at('l0.f', t, j))}`);
    const b = (await tip.boundingBox())!;
    expect(await clippedBy(tip), `tip at t=${t + 1}, unit ${j}`).toEqual([]);
    // Beside the pointer, not on it.
    expect(x < b.x || x > b.x + b.width || y < b.y || y > b.y + b.height).toBe(true);
    expect(Math.max(b.x - x, x - (b.x + b.width), b.y - y, y - (b.y + b.height))).toBeLessThan(16);
  }
  // A drag pans the picture under the pointer: the tip, which would now name another spot, goes.
  await page.getByRole('button', { name: 'Zoom the heatmaps in' }).click();
  const [x0, y0] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x0, y0);
  await expect(tip).toBeVisible();
  await page.mouse.down();
  await page.mouse.move(x0 - 80, y0, { steps: 4 });
  await expect(tip).toBeHidden();
  await page.mouse.up();
  await page.mouse.move(x0 - 79, y0);
  await expect(tip).toBeVisible();
  await page.mouse.move(box.x - 30, box.y + box.height / 2); // onto the row's label
  await expect(tip).toBeHidden();
});

test('the heatmaps\' time axis marks each step where the heatmaps show it, zoomed in and out', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`/${query({ H: 8, T: 300 })}`);
  await waitForRun(page);
  const map = page.getByRole('application', { name: /^forget gate over time/ });
  await map.scrollIntoViewIfNeeded();
  const tip = page.getByRole('tooltip');
  const ticks = page.locator('.heatmaps .time-tick');
  for (const zoom of [0, 1, 2]) {
    if (zoom) await page.getByRole('button', { name: 'Zoom the heatmaps in' }).click();
    const window = (await page.locator('.heatmaps .window-text').textContent())!;
    await expect(ticks.first()).toBeVisible();
    const marks = await ticks.evaluateAll((els) => els.map((e) => {
      const r = e.getBoundingClientRect();
      // The mark's tick (::before) is at the label's middle, or at its start or end near the axis's ends.
      const x = e.classList.contains('start') ? r.left : e.classList.contains('end') ? r.right : (r.left + r.right) / 2;
      return { step: e.textContent!, x };
    }));
    expect(marks.length, window).toBeGreaterThanOrEqual(4);
    const box = (await map.boundingBox())!;
    for (const { step, x } of marks) {
      expect(x, `${step} in ${window}`).toBeGreaterThanOrEqual(box.x);
      expect(x, `${step} in ${window}`).toBeLessThanOrEqual(box.x + box.width);
      await page.mouse.move(Math.min(x, box.x + box.width - 1), box.y + box.height / 2);
      await expect(tip, `the mark ${step} in ${window}`).toContainText(` · t = ${step} · `);
    }
  }
  // Zoomed to a few steps, every step is marked, and only whole ones.
  await page.getByRole('button', { name: 'Zoom the heatmaps in' }).click({ clickCount: 4 });
  const [a, b] = /t ([\d,]+)–([\d,]+)/.exec((await page.locator('.heatmaps .window-text').textContent())!)!.slice(1).map((x) => Number(x.replace(/,/g, '')));
  expect(b - a, 'a window of a few steps').toBeLessThan(12);
  await expect(ticks).toHaveText(Array.from({ length: b - a + 1 }, (_, i) => String(a + i)));
  // The cursor's line, at one of them, runs down the rows and stops above the labels.
  const [line, track] = await Promise.all([page.locator('.heatmap-cursor').boundingBox(), page.locator('.time-axis-track').boundingBox()]);
  expect(line!.y + line!.height).toBeLessThanOrEqual(track!.y);
  // On a phone the same 300 steps are more than the row's pixels: the window says it is sampled.
  await expect(page.locator('.heatmaps .window-text')).not.toContainText('sampled');
  await page.keyboard.press('0');
  await expect(page.locator('.heatmaps .window-text')).toHaveText('t 1–300');
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.locator('.heatmaps .window-text')).toHaveText('t 1–300 (sampled: zoom in to see every step)');
});

test('Ctrl+wheel over a heatmap zooms about the step under the pointer, sideways pans, and a plain wheel scrolls the page', async ({ page }) => {
  await page.goto(`/${query({ T: 400 })}`);
  await waitForRun(page);
  const label = page.locator('.heatmaps .window-text');
  const row = page.getByRole('application', { name: /^forget gate over time/ });
  await row.scrollIntoViewIfNeeded();
  const box = (await row.boundingBox())!;
  // A quarter of the way along: step 100 of 400 stays under the pointer as the window narrows.
  await page.mouse.move(box.x + box.width / 4, box.y + box.height / 2);
  // A plain wheel over the rows is the page's: it scrolls, and the window stays as it was.
  const scrolled = () => page.evaluate(() => window.scrollY);
  const before = await scrolled();
  await page.mouse.wheel(0, 100);
  await expect.poll(scrolled).toBeGreaterThan(before);
  await expect(label).toHaveText('t 1–400');
  await page.mouse.wheel(0, -100);
  await expect.poll(scrolled).toBe(before);
  await expect(label).toHaveText('t 1–400');
  await page.mouse.wheel(160, 0); // sideways over the whole run: nothing to pan
  await expect(label).toHaveText('t 1–400');
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, 100);
  await expect(label).toHaveText('t 1–400'); // out from the whole run: still the whole run
  await page.mouse.wheel(0, -100);
  await page.keyboard.up('Control');
  await expect(label).toHaveText('t 21–340');
  expect(await scrolled()).toBe(before);
  await expect(row).toHaveAccessibleName('forget gate over time: 8 units × 320 timesteps, t = 21 to 340');
  await page.mouse.wheel(160, 0); // sideways: pans by the share of the row's width turned
  await expect(label).not.toHaveText('t 21–340');
  const [a, b] = (await label.textContent())!.replace('t ', '').split('–').map(Number);
  // The same span (a panned window's edges may fall inside steps, which the label counts in).
  expect(b - a).toBeGreaterThanOrEqual(319);
  expect(b - a).toBeLessThanOrEqual(320);
  expect(a).toBeGreaterThan(21);
});
