/**
 * The panels around the diagram: the input strip, the readout and the values table say what they show
 * and show it whole, with the engine's numbers (computed here in Node on the same config and seed).
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { tokenLabel } from '../src/engine/inputs';
import { engineRun, query, shown, waitForRun } from './helpers';

const SIZES = [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }];

/** A text longer than any strip: 180 characters. */
const LONG_TEXT = 'the quick brown fox jumps over the lazy dog. '.repeat(4);

/** Left and right edges of each element, and of the box that clips them. */
async function edges(strip: Locator, selector: string) {
  return strip.evaluate((el, sel) => {
    const box = el.getBoundingClientRect();
    return {
      box: { left: box.left, right: box.right },
      items: [...el.querySelectorAll(sel)].map((e) => {
        const r = e.getBoundingClientRect();
        return { text: e.textContent ?? '', left: r.left, right: r.right, current: e.classList.contains('current') };
      }),
    };
  }, selector);
}

/** Checks the strip with the cursor at `at`: returns whether each end of the text is cut off (marked "…"). */
async function expectTokens(page: Page, labels: string[], at: number): Promise<{ cutBefore: boolean; cutAfter: boolean }> {
  const T = labels.length;
  const strip = page.getByRole('group', { name: `Input text: character ${at + 1} of ${T} is ‘${labels[at]}’` });
  await expect(strip).toBeVisible();
  const { box, items } = await edges(strip, '.token, .token-more');
  // Nothing in the strip is cut by its edges: every character and mark is whole.
  for (const it of items) {
    expect(it.left, `"${it.text}" starts inside the strip`).toBeGreaterThanOrEqual(box.left - 0.5);
    expect(it.right, `"${it.text}" ends inside the strip`).toBeLessThanOrEqual(box.right + 0.5);
  }
  const i = items.findIndex((it) => it.current);
  expect(i, 'the current character is shown').toBeGreaterThanOrEqual(0);
  // The characters shown are the engine's, in order, around the cursor.
  const chars = items.filter((it) => it.text !== '…').map((it) => it.text);
  const first = at - items.slice(0, i).filter((it) => it.text !== '…').length;
  expect(chars).toEqual(labels.slice(first, first + chars.length));
  // A cut end is marked, and only a cut end.
  const cutBefore = first > 0;
  const cutAfter = first + chars.length < T;
  expect(items[0].text === '…', 'a mark before iff the text goes on before').toBe(cutBefore);
  expect(items[items.length - 1].text === '…', 'a mark after iff the text goes on after').toBe(cutAfter);
  return { cutBefore, cutAfter };
}

for (const size of SIZES) {
  test(`at ${size.width}×${size.height} the tokens strip keeps the current character in view, and marks its cut ends`, async ({ page }) => {
    await page.setViewportSize(size);
    const { trace } = engineRun({ inputKind: 'text', text: LONG_TEXT });
    const labels = Array.from({ length: trace.layout.steps }, (_, t) => tokenLabel(trace.row(trace.index('x'), t).indexOf(1)));
    expect(labels.length).toBe(180);
    await page.goto(`/${query({ input: 'text', text: LONG_TEXT, t: 91 })}`);
    await waitForRun(page);
    expect(await expectTokens(page, labels, 90)).toEqual({ cutBefore: true, cutAfter: true });
    await page.keyboard.press('End');
    expect(await expectTokens(page, labels, 179)).toEqual({ cutBefore: true, cutAfter: false });
    await page.keyboard.press('Home');
    expect(await expectTokens(page, labels, 0)).toEqual({ cutBefore: false, cutAfter: true });
  });
}

test('the readout says its weights are random and untrained, and shows the character that really comes next', async ({ page }) => {
  const text = 'the cat sat on the mat.';
  const { trace, model } = engineRun({ inputKind: 'text', text, seed: 5 });
  expect(model.origin).toEqual({ kind: 'seeded', seed: 5 });
  const T = trace.layout.steps;
  const x = trace.index('x');
  const p = trace.index('probs');
  await page.goto(`/${query({ input: 'text', text, seed: 5 })}`);
  await waitForRun(page);
  const readout = page.getByRole('region', { name: 'Readout' });
  await expect(readout).toContainText('The weights are random (seed 5) and untrained, so these next-character guesses carry no meaning, and the gates seldom open or close fully: training is what does that.');
  for (let t = 0; t < T; t++) {
    if (t > 0) await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('group', { name: new RegExp(`^Input text: character ${t + 1} of ${T} `) })).toBeVisible();
    if (t === T - 1) {
      await expect(readout).toContainText('This is the last character: nothing follows it in the text.');
      continue;
    }
    const next = trace.row(x, t + 1).indexOf(1);
    const probs = trace.row(p, t);
    const rank = 1 + Array.from(probs).filter((q) => q > probs[next]).length;
    await expect(readout).toContainText(`Next in the text: ‘${tokenLabel(next)}’, which gets ${shown(probs[next])} (rank ${rank} of ${probs.length})`);
  }
});

test('a new text typed at t = 1 fills in the character that comes next, as the new run streams in', async ({ page }) => {
  // The line had stayed at "Next in the text: …": it rendered when step 1 arrived and not for step 2.
  const { trace } = engineRun({ inputKind: 'text', text: 'kettle', seed: 5 });
  const probs = trace.row(trace.index('probs'), 0);
  const next = trace.row(trace.index('x'), 1).indexOf(1);
  await page.goto(`/${query({ input: 'text', text: 'hello', seed: 5 })}`);
  await waitForRun(page);
  await page.getByLabel('Input text').fill('kettle');
  const readout = page.getByRole('region', { name: 'Readout' });
  await expect(readout).toContainText(`Next in the text: ‘${tokenLabel(next)}’, which gets ${shown(probs[next])}`);
});

test('a signal model\'s readout says its class probabilities are arbitrary', async ({ page }) => {
  await page.goto(`/${query({ seed: 3, classes: 4 })}`);
  await waitForRun(page);
  const readout = page.getByRole('region', { name: 'Readout' });
  await expect(readout).toContainText('The weights are random (seed 3) and untrained, so these class probabilities carry no meaning, and the gates seldom open or close fully: training is what does that.');
  await expect(readout).not.toContainText('Next in the text');
});

test('the values table says which units it shows of how many, and how to see the others', async ({ page }) => {
  const { trace } = engineRun({ hiddenSize: 64 });
  const h = trace.index('l0.h');
  await page.goto(`/${query({ H: 64, unit: 40, t: 3 })}`);
  await waitForRun(page);
  const table = page.getByRole('region', { name: 'Values at this timestep' });
  await expect(table.getByRole('heading')).toHaveText('Values at t = 3, layer 1');
  await expect(table.getByRole('table')).toHaveAccessibleName('Values at t = 3, layer 1');
  await expect(table).toContainText('Units 36–43 of 64 (0–63), around the selected unit 40. For others, press [ or ], or click a cell on a strip of the diagram.');
  const headers = table.getByRole('columnheader');
  await expect(headers).toHaveText(['series', ...Array.from({ length: 8 }, (_, k) => `unit ${36 + k}`)]);
  // The keys it names do show the others, with the engine's numbers.
  for (let k = 0; k < 4; k++) await page.keyboard.press(']');
  await expect(table).toContainText('Units 40–47 of 64 (0–63), around the selected unit 44.');
  await expect(headers).toHaveText(['series', ...Array.from({ length: 8 }, (_, k) => `unit ${40 + k}`)]);
  const hRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'hₜ', exact: true }) });
  await expect(hRow.getByRole('cell')).toHaveText(Array.from({ length: 8 }, (_, k) => shown(trace.row(h, 2)[40 + k])));
});

test('a values table with every unit says nothing of others', async ({ page }) => {
  await page.goto(`/${query({ H: 8, t: 3 })}`);
  await waitForRun(page);
  const table = page.getByRole('region', { name: 'Values at this timestep' });
  await expect(table.getByRole('columnheader')).toHaveCount(9);
  await expect(table).not.toContainText('For others');
  // What the step reads, then the rows in the order the equations compute them (the forget gate first), not
  // PyTorch's i, f, g, o.
  await expect(table.getByRole('rowheader')).toHaveText(['hₜ₋₁', 'cₜ₋₁', 'aᶠₜ', 'fₜ', 'aⁱₜ', 'iₜ', 'aᵍₜ', 'gₜ', 'f⊙c', 'i⊙g', 'cₜ', 'aᵒₜ', 'oₜ', 'tanh(cₜ)', 'hₜ']);
  // So do the heatmaps' chips.
  await expect(page.getByRole('group', { name: 'Series shown' }).getByRole('button')).toHaveText(['aᶠₜ', 'fₜ', 'aⁱₜ', 'iₜ', 'aᵍₜ', 'gₜ', 'f⊙c', 'i⊙g', 'cₜ', 'aᵒₜ', 'oₜ', 'tanh(cₜ)', 'hₜ']);
});

test('walking the sub-steps, the values table marks the rows of the step in view and holds back later ones', async ({ page }) => {
  const { trace } = engineRun({ hiddenSize: 8 });
  await page.goto(`/${query({ H: 8, t: 5 })}`);
  await waitForRun(page);
  const table = page.getByRole('region', { name: 'Values at this timestep' });
  const row = (name: string) => table.locator(`tbody tr[data-series="${name}"]`);
  const numbers = (name: string, t: number) => Array.from({ length: 8 }, (_, u) => shown(trace.at(`l0.${name}`, t, u)));
  const held = (step: number) => Array.from({ length: 8 }, () => `…in step ${step}`);
  // The whole timestep: every row has its numbers, none is marked.
  await expect(row('h').getByRole('cell')).toHaveText(numbers('h', 4));
  await expect(table.locator('tr[data-state]')).toHaveCount(0);

  await page.keyboard.press('Shift+ArrowRight'); // step 1 of 4: the forget gate
  await expect(table).toContainText('Step 1 of 4, forget gate: its rows are marked ▸; the rows of later steps show … until you reach them.');
  await expect(table.getByRole('rowheader', { name: 'fₜ (computed in this step)' })).toBeVisible();
  await expect(row('f').getByRole('cell')).toHaveText(numbers('f', 4));
  await expect(row('c').getByRole('cell')).toHaveText(held(3));
  await expect(row('h').getByRole('cell')).toHaveText(held(4));
  // What the step reads is there from the start: cₜ₋₁ is the cell state of t = 4.
  await expect(row('prev:c').getByRole('cell')).toHaveText(numbers('c', 3));

  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight'); // step 3: the cell update
  await expect(table.locator('tr[data-state="active"]')).toHaveCount(3);
  await expect(row('c')).toHaveAttribute('data-state', 'active');
  await expect(row('c').getByRole('cell')).toHaveText(numbers('c', 4));
  await expect(row('f')).toHaveAttribute('data-state', 'done');
  await expect(row('o').getByRole('cell')).toHaveText(held(4));

  // Esc ends the walk where it is: t = 5 again shown whole, nothing held back.
  const whole = page.getByRole('button', { name: 'Whole timestep' });
  await expect(whole).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('Escape');
  await expect(whole).toHaveAttribute('aria-pressed', 'true');
  await expect(table.getByRole('heading')).toHaveText('Values at t = 5, layer 1');
  await expect(table).not.toContainText('Step 3 of 4');
  await expect(table.locator('tr[data-state]')).toHaveCount(0);
  await expect(row('o').getByRole('cell')).toHaveText(numbers('o', 4));
  await expect(page.getByRole('region', { name: 'Cell diagram' }).locator('.diagram-step')).toHaveText('t = 5, unit 0');
});

test('an input of 8 dimensions: the chart has a y-axis at the lines\' range, and every xₜ value is listed at the cursor', async ({ page }) => {
  const { trace } = engineRun({ inputSize: 8 });
  const x = trace.index('x');
  const T = trace.layout.steps;
  // The lines are the first 6 dimensions; the axis is ticked at their least and greatest values.
  let lo = Infinity;
  let hi = -Infinity;
  for (let t = 0; t < T; t++) {
    for (const v of trace.row(x, t).subarray(0, 6)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  await page.goto(`/${query({ I: 8, t: 10 })}`);
  await waitForRun(page);
  const panel = page.getByRole('region', { name: 'Input sequence' });
  const chart = panel.getByRole('img', { name: /^Input signal:/ });
  await expect(chart).toHaveAccessibleName(`Input signal: 8 dimensions over ${T} timesteps, the first 6 drawn, lines from ${shown(lo)} to ${shown(hi)}; the cursor is at step 10`);
  await expect(chart.locator('.axis-tick')).toHaveText([shown(hi), shown(lo)]);
  await expect(panel).not.toContainText('see the heatmaps');
  await expect(panel).toContainText('x[6]–x[7] have no line; their values are listed here with the others.');
  for (const t of [9, 10, 11]) {
    if (t > 9) await page.keyboard.press('ArrowRight');
    const values = panel.getByRole('list', { name: `xₜ at t = ${t + 1}` });
    await expect(values.getByRole('listitem')).toHaveText(Array.from(trace.row(x, t), (v, d) => `x[${d}] ${shown(v)}`));
  }
  // A click on the chart moves the cursor to the step drawn under the pointer.
  const box = (await chart.boundingBox())!;
  await chart.click({ position: { x: box.width * 0.6, y: 20 } });
  const cursor = chart.locator('.signal-cursor');
  const at = Number((await chart.getAttribute('aria-label'))!.match(/step (\d+)$/)![1]);
  await expect(page.getByRole('list', { name: `xₜ at t = ${at}` })).toBeVisible();
  const cx = await cursor.evaluate((el) => el.getBoundingClientRect().left + el.getBoundingClientRect().width / 2);
  expect(Math.abs(cx - (box.x + box.width * 0.6))).toBeLessThan(box.width / (T - 1));
});
