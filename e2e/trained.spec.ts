/**
 * The trained example models: picked by keyboard for a text model, they replace random weights with a
 * model trained by PyTorch (public/presets), whose gates open and close fully and whose next-character
 * guesses make sense; the user's own sizes come back with random weights.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { tokenLabel } from '../src/engine/inputs';
import { topClass } from '../src/viz/labels';
import { diagramValues, engineRun, expectedDiagramValues, query, shown, waitForRun } from './helpers';

const preset = (cell: string) => JSON.parse(readFileSync(`public/presets/${cell}.json`, 'utf8')) as { training: string; about: string };
const field = (page: Page, name: RegExp) => page.getByRole('spinbutton', { name });
const diagramTitle = (page: Page) => page.getByRole('region', { name: /cell diagram/i }).locator('.panel-title').first();

test('trained weights, picked by keyboard: the trained model\'s sizes and numbers, a sensible guess, and the user\'s own settings back with random weights', async ({ page }) => {
  await page.goto(`/${query({ input: 'text', H: 40, seed: 9 })}`);
  await waitForRun(page);
  const weights = page.getByRole('combobox', { name: 'Weights' });
  await weights.focus();
  await page.keyboard.press('ArrowDown');
  await expect(weights).toHaveValue('trained');
  await waitForRun(page);
  // The link names the trained model, not the sizes it replaces (they come back with random weights).
  await expect(page).toHaveURL(/\?input=text&weights=trained$/);

  // The sizes are the trained model's, shown and fixed; the seed means nothing for it and is not offered.
  await expect(field(page, /^Hidden size H/)).toHaveValue('16');
  await expect(field(page, /^Hidden size H/)).toHaveAttribute('readonly', '');
  await expect(field(page, /^Number of layers/)).toHaveValue('1');
  await expect(field(page, /^Random seed/)).toHaveCount(0);
  await expect(diagramTitle(page)).toContainText('H = 16 · trained on short sentences');
  await expect(page.getByRole('region', { name: 'Readout' })).toContainText(preset('lstm').training);

  // After "the c" (t = 5) the diagram shows the engine's numbers for the trained model, and its best
  // guess is the engine's: 'a', for "cat", the only word of its sentences to start so.
  const { trace, model } = engineRun({ inputKind: 'text', weights: 'trained' });
  await page.keyboard.press('Escape'); // the dropdown keeps its arrows until the page has the keys back
  for (let k = 0; k < 4; k++) await page.keyboard.press('ArrowRight');
  await expect(page.getByLabel('Current timestep')).toContainText('t = 5 ');
  const c = { t: 4, sub: 3, focus: false, unit: 0, layer: 0 };
  await expect.poll(() => diagramValues(page)).toEqual(expectedDiagramValues(trace, model, c));
  const probs = trace.row(trace.index('probs'), 4);
  const best = topClass(probs);
  expect(tokenLabel(best)).toBe('a');
  const firstBar = page.getByRole('region', { name: 'Readout' }).locator('.bar-row').first();
  await expect(firstBar.locator('.bar-label')).toHaveText('‘a’');
  await expect(firstBar.locator('.bar-value')).toHaveText(shown(probs[best]));

  // Random weights again: the user's H and seed are as they left them.
  await weights.focus();
  await page.keyboard.press('ArrowUp');
  await expect(weights).toHaveValue('random');
  await waitForRun(page);
  await expect(field(page, /^Hidden size H/)).toHaveValue('40');
  await expect(field(page, /^Hidden size H/)).not.toHaveAttribute('readonly', '');
  await expect(field(page, /^Random seed/)).toHaveValue('9');
  await expect(diagramTitle(page)).toContainText('H = 40 · untrained (seed 9)');
  await expect(page).toHaveURL(/\?input=text&H=40&seed=9&t=5$/);
});

test('a link to a trained GRU opens PyTorch\'s GRU of 16 units, whatever reset and unit it names, and says what it moved', async ({ page }) => {
  await page.goto(`/${query({ cell: 'gru', reset: 'before', input: 'text', weights: 'trained', unit: 30 })}`);
  await waitForRun(page);
  await expect(diagramTitle(page)).toContainText('GRU · reset after U·h · H = 16 · trained on short sentences');
  await expect(page.getByRole('combobox', { name: 'GRU reset gate position' })).toHaveCount(0);
  await expect(page.getByRole('alert')).toContainText('unit=30 is past the last unit (H = 16, units 0 to 15); showing unit 15.');
  await expect(page.getByRole('alert')).toContainText('reset=before has no effect here: this link has weights=trained, and the trained model has its own (reset=after)');
  await expect(page.getByRole('region', { name: 'Readout' })).toContainText(preset('gru').training);
});

test('trained weights for a signal mean nothing: a link asking for them runs random weights, and says so', async ({ page }) => {
  await page.goto(`/${query({ weights: 'trained', H: 5, T: 12 })}`);
  await waitForRun(page);
  await expect(diagramTitle(page)).toContainText('H = 5 · untrained (seed 1)');
  await expect(page.getByRole('alert')).toContainText('weights=trained');
});

test('if the trained model\'s file does not load, the page says so, keeps the run it had, and loads it when asked again', async ({ page }) => {
  let fail = true;
  await page.route('**/presets/lstm.json', (route) => (fail ? route.fulfill({ status: 503, body: 'down for maintenance' }) : route.fallback()));
  await page.goto(`/${query({ input: 'text', H: 6, seed: 3 })}`);
  await waitForRun(page);
  const weights = page.getByRole('combobox', { name: 'Weights' });
  await weights.selectOption('trained');
  await expect(page.getByRole('alert')).toContainText('the trained LSTM could not be loaded: /presets/lstm.json answered HTTP 503; random weights still work');
  // The diagram still shows the random run it had.
  await expect(diagramTitle(page)).toContainText('H = 6 · untrained (seed 3)');
  fail = false;
  await weights.selectOption('random');
  await waitForRun(page);
  await weights.selectOption('trained');
  await waitForRun(page);
  await expect(diagramTitle(page)).toContainText('H = 16 · trained on short sentences');
});
