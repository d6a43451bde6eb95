/**
 * The equations' PyTorch tensor tips by keyboard alone: one tab stop for the typeset equations, then the
 * arrow keys, Home and End go from symbol to symbol (highlighted, with its tip and an announcement), without
 * moving the timeline; Escape hides the tip and Tab leaves.
 */
import { expect, test, type Page } from '@playwright/test';
import { engineRun, query, shown, waitForRun } from './helpers';

const timestep = (page: Page) => page.getByLabel('Current timestep').textContent();

/** Tabs from the top of the page until the equations have the focus; how many presses it took. */
async function tabToEquations(page: Page): Promise<number> {
  for (let n = 1; n <= 80; n++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.classList.contains('equations-body'))) return n;
  }
  throw new Error('Tab never reached the equations');
}

/** The highlighted symbol's tensor and spoken name, and how many symbols are highlighted. */
async function picked(page: Page) {
  return page.locator('.equations-body').evaluate((body) => {
    const all = [...body.querySelectorAll('.katex-html [data-tensor]')];
    const marked = all.filter((el) => el.classList.contains('eq-sym-picked'));
    const el = marked[0];
    return {
      count: marked.length,
      index: el ? all.indexOf(el) : -1,
      of: all.length,
      tensor: el?.getAttribute('data-tensor') ?? null,
      symbol: el?.getAttribute('data-symbol') ?? null,
    };
  });
}

/** The tip shows the highlighted symbol's tensor, and the live region says which symbol it is. */
async function expectTipFor(page: Page, index: number) {
  const p = await picked(page);
  expect(p.count).toBe(1);
  expect(p.index).toBe(index);
  const tip = page.getByRole('tooltip');
  await expect(tip).toBeVisible();
  await expect(tip).toHaveText(`PyTorch: ${p.tensor}`);
  await expect(page.locator('.equations [aria-live="polite"]').last()).toHaveText(`${p.symbol}: ${p.tensor}. ${index + 1} of ${p.of}`);
  return p;
}

test('the equations\' tensor tips by keyboard: one tab stop, arrows, Home/End, Escape, Tab out; the timeline stays', async ({ page }) => {
  await page.goto(`/${query({ H: 6, T: 24, seed: 4, t: 5 })}`);
  await waitForRun(page);
  const body = page.getByRole('group', { name: 'Typeset equations' });
  await expect(body).toHaveAttribute('aria-busy', 'false');
  await expect(body).toHaveAccessibleDescription(/Arrow keys go from symbol to symbol.*Escape hides/);
  // Nothing inside KaTeX's aria-hidden HTML takes the focus: the container is the one stop.
  expect(await body.locator('.katex-html [tabindex], .katex-html a, .katex-html button').count()).toBe(0);
  const t = await timestep(page);
  expect(t).toMatch(/t = 5\b/);

  await tabToEquations(page);
  await expect(body).toBeFocused();
  expect((await picked(page)).count).toBe(0);

  // → starts at the first symbol, then on in reading order.
  await page.keyboard.press('ArrowRight');
  const first = await expectTipFor(page, 0);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await expectTipFor(page, 2);
  await page.keyboard.press('ArrowLeft');
  const second = await expectTipFor(page, 1);
  expect(second.tensor).not.toBe(first.tensor);
  await page.keyboard.press('End');
  const last = await expectTipFor(page, first.of - 1);
  expect(last.of).toBeGreaterThan(10);
  await page.keyboard.press('Home');
  await expectTipFor(page, 0);
  await page.keyboard.press('ArrowLeft'); // at the first: stays, and still doesn't step back
  await expectTipFor(page, 0);
  // None of the arrows, Home or End moved the timeline.
  expect(await timestep(page)).toBe(t);

  // Escape hides the tip and the highlight; the focus stays.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('tooltip')).toHaveCount(0);
  expect((await picked(page)).count).toBe(0);
  await expect(body).toBeFocused();

  // Other shortcuts still work from here: the next sub-step (one group shown) moves the timeline, and the
  // pick stays at its place among the new symbols, its tip by an element on the page.
  await page.keyboard.press('ArrowRight');
  await expectTipFor(page, 0);
  await page.keyboard.press('Shift+ArrowRight'); // walks this timestep: its first group alone
  await expect(page.locator('.diagram-step')).toContainText('Step 1 of 4');
  await expect(body.locator('.eq-group.current')).toHaveCount(1);
  await expect(body).toHaveAttribute('aria-busy', 'false');
  await expectTipFor(page, 0);
  const tipBox = (await page.getByRole('tooltip').boundingBox())!;
  const symBox = (await body.locator('.eq-sym-picked').boundingBox())!;
  // Beside its symbol: above or below it, overlapping it horizontally.
  expect(tipBox.y + tipBox.height <= symBox.y + 1 || tipBox.y >= symBox.y + symBox.height - 1).toBe(true);
  expect(tipBox.x < symBox.x + symBox.width && tipBox.x + tipBox.width > symBox.x).toBe(true);

  // Another sub-step's group replaces this one: its elements are gone, and the same place among the new
  // group's symbols is picked, its tip and announcement with it.
  const before = await picked(page);
  await body.evaluate(() => { (window as unknown as { was: Element }).was = document.querySelector('.eq-sym-picked')!; });
  await page.keyboard.press('Shift+ArrowRight');
  await expect(body.locator('.eq-group.current')).not.toHaveAttribute('aria-label', 'Forget gate');
  await expect(body).toHaveAttribute('aria-busy', 'false');
  const after = await expectTipFor(page, 0);
  expect(after.tensor).not.toBe(before.tensor);
  expect(await page.evaluate(() => (window as unknown as { was: Element }).was.isConnected)).toBe(false);

  // Tab leaves the widget, and the tip goes with it.
  await page.keyboard.press('Tab');
  await expect(body).not.toBeFocused();
  await expect(page.getByRole('tooltip')).toHaveCount(0);
  expect((await picked(page)).count).toBe(0);
});

test('a click in the equations leaves the arrow keys to the timeline (the symbols are for keyboard focus)', async ({ page }) => {
  await page.goto(`/${query({ H: 6, T: 24, seed: 4, t: 5 })}`);
  await waitForRun(page);
  const body = page.getByRole('group', { name: 'Typeset equations' });
  await expect(body).toHaveAttribute('aria-busy', 'false');
  // A click on the equations' text (not on a sub-step title) focuses the widget, a tab stop...
  const line = body.locator('.katex').nth(1);
  const box = (await line.boundingBox())!;
  await page.mouse.click(box.x + 4, box.y + box.height / 2);
  await expect(body).toBeFocused();
  // ...but → is the next timestep, as everywhere else on the page, and no symbol is picked.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByLabel('Current timestep')).toHaveText(/t = 6\b/);
  expect((await picked(page)).count).toBe(0);
  // Tabbing away and back is keyboard focus: then the arrows pick symbols.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(body).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expectTipFor(page, 0);
  await expect(page.getByLabel('Current timestep')).toHaveText(/t = 6\b/);
});

test('C copies the equations in view as LaTeX, and the button says so', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`/${query({ t: 5, sub: 3 })}`);
  await waitForRun(page);
  const button = page.getByRole('button', { name: 'Copy as LaTeX' });
  await expect(button).toHaveAttribute('aria-keyshortcuts', 'c');
  await page.keyboard.press('c');
  await expect(button).toHaveText('Copied');
  await expect(page.locator('.app > p[aria-live="polite"]')).toHaveText('Equations copied as LaTeX');
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text.split('\n')[0]).toBe('% Gatescope · LSTM · unit 0 · t = 5 · sub-step 3 of 4');
  expect(text).toContain('% Cell update');
  expect(text).not.toContain('% Forget gate');
  // The engine's c_t[0] at t = 5, as the panel writes it and as LaTeX does.
  const c = shown(engineRun({}).trace.at('l0.c', 4, 0));
  await expect(page.locator('.eq-group')).toContainText(c);
  expect(text).toContain(`\\approx ${c.replace('−', '-')}\\end{aligned}`);
  await expect(button).toHaveText('LaTeX', { timeout: 5000 });
});

test('Z zooms the heatmaps in about the cursor, Shift+Z out, and 0 shows the whole sequence', async ({ page }) => {
  await page.goto(`/${query({ T: 400, t: 101 })}`);
  await waitForRun(page);
  const label = page.locator('.heatmaps .window-text');
  await expect(label).toHaveText('t 1–400');
  await page.keyboard.press('z');
  await expect(label).toHaveText('t 51–250');
  await expect(page).toHaveURL(/window=51-250/);
  await page.keyboard.press('Shift+Z');
  await expect(label).toHaveText('t 1–400');
  await page.keyboard.press('z');
  await page.keyboard.press('0');
  await expect(label).toHaveText('t 1–400');
  await expect(page).not.toHaveURL(/window=/);
});
