/**
 * An automated accessibility audit (axe-core, the engine behind Lighthouse's and Chrome's) of the page in
 * the states people meet it in: each cell, light and dark, the lecture view walking sub-steps, a stacked
 * model, text input, the help overlay. What axe can't judge (the diagram's names by role, the keyboard
 * walk, the colour scales) the other specs check by hand.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';
import { query } from './helpers';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] }

/** Every rule the page breaks, one line per element, as a person would want it in a failed test. */
async function audit(page: Page): Promise<string[]> {
  // Evaluated through DevTools, which the page's CSP (script-src 'self') doesn't govern.
  await page.evaluate(AXE);
  const violations = await page.evaluate(() =>
    (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Violation[] }> } }).axe
      .run(document, { resultTypes: ['violations'] }).then((r) => r.violations));
  return violations.flatMap((v) => v.nodes.map((n) =>
    `${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`));
}

/** Loads a page and waits until its run is in and its equations are typeset: the page as it settles. */
async function load(page: Page, url: string) {
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('gatescope:run-done').length > 0);
  await expect(page.locator('.equations .katex').first()).toBeVisible();
}

const PAGES = [
  query({}),
  query({ cell: 'gru', t: 5, sub: 2 }),
  query({ cell: 'rnn_tanh', input: 'text', text: 'hello world', t: 4 }),
  query({ input: 'text', weights: 'trained', t: 5 }),
  query({ cell: 'lstm', layers: 2, layer: 2, H: 32, t: 3, sub: 2, lecture: 1 }),
  query({ cell: 'gru', reset: 'before', t: 7, sub: 3, lecture: 1 }),
];

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds nothing to fix on the page, ${colorScheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    for (const url of PAGES) {
      await load(page, `/${url}`);
      expect(await audit(page), url || '(no settings)').toEqual([]);
    }
  });
}

test('axe finds nothing to fix with the help overlay open', async ({ page }) => {
  await load(page, '/');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await audit(page)).toEqual([]);
});

// Windows' contrast themes repaint every colour in a few of the user's and drop backgrounds: a state shown
// only by a background (a pressed button, the current sub-step) vanished, and so did the legend's keys.
test('in forced colours, pressed and current states still show, and the colour keys keep their colours', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark', forcedColors: 'active' });
  await load(page, `/${query({ H: 8, t: 20, unit: 3 })}`);
  const bg = (l: ReturnType<Page['locator']>) => l.evaluate((e) => getComputedStyle(e).backgroundColor);
  const differ = async (what: string, on: ReturnType<Page['locator']>, off: ReturnType<Page['locator']>) =>
    expect(await bg(on), `${what}: on and off look the same`).not.toBe(await bg(off));
  const chips = page.getByRole('group', { name: 'Series shown' });
  await differ('a series chip', chips.locator('[aria-pressed="true"]').first(), chips.locator('[aria-pressed="false"]').first());
  const scale = page.getByRole('group', { name: 'Colour scale of unbounded series' });
  await differ('the colour scale', scale.locator('[aria-pressed="true"]'), scale.locator('[aria-pressed="false"]'));
  await differ('the selected unit\'s column', page.locator('.numbers th.selected'), page.locator('.numbers thead th:not(.selected)').last());
  await page.keyboard.press('Shift+ArrowRight');
  await differ('the current sub-step', page.locator('.substeps li.current button'), page.locator('.substeps li:not(.current) button').last());
  // A layer's button: its own background rule had won over the forced one, leaving its number in
  // HighlightText on its light face, unreadable.
  await load(page, `/${query({ H: 8, layers: 2, layer: 2 })}`);
  const layers = page.locator('.layer-button');
  await differ('the layer shown', layers.nth(1), layers.nth(0));
  expect(await bg(layers.nth(1))).toBe(await bg(chips.locator('[aria-pressed="true"]').first()));
  await page.keyboard.press('l');
  await differ('the lecture view\'s button', page.locator('[data-command="lecture"]'), page.locator('[data-command="help"]'));
  // The keys: each legend bar is a gradient still.
  for (const swatch of await page.locator('.legend-swatch').all()) {
    expect(await swatch.evaluate((e) => getComputedStyle(e).backgroundImage)).toMatch(/^linear-gradient/);
  }
});
