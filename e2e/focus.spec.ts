/**
 * The keyboard's place survives a render that removes the focused control: the focus goes to what took
 * its role, never to the page's body (where its ring, and a screen reader's place, would be lost).
 */
import { expect, test, type Page } from '@playwright/test';
import { engineRun, query, shown, waitForRun } from './helpers';

/** What has the focus: its accessible name (aria-label or text), or 'BODY'. */
const focused = (page: Page) => page.evaluate(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return 'BODY';
  return el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName;
});

test('walking sub-steps from a group\'s title keeps the focus on the group now shown', async ({ page }) => {
  await page.goto(`/${query({ t: 3 })}`);
  await waitForRun(page);
  const equations = page.getByRole('region', { name: 'Equations' });
  await equations.getByRole('button', { name: '1. Forget gate' }).focus();
  await page.keyboard.press('Shift+ArrowRight'); // walks t = 3 from its first group
  await page.keyboard.press('Shift+ArrowRight');
  await expect(equations.getByRole('button', { name: '2. Input gate and candidate' })).toBeFocused();
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => focused(page)).toBe('3. Cell update');
});

test('] past the values table\'s columns moves the focus to the selected unit\'s column', async ({ page }) => {
  await page.goto(`/${query({ H: 16 })}`);
  await waitForRun(page);
  const table = page.getByRole('region', { name: 'Values at this timestep' });
  await table.getByRole('button', { name: 'unit 0' }).focus();
  // One at a time, each shown: the columns slide once the selected unit passes the middle (at unit 5).
  for (let k = 1; k <= 5; k++) {
    await page.keyboard.press(']');
    await expect(table.getByRole('button', { name: `unit ${k}` })).toHaveAttribute('aria-pressed', 'true');
  }
  await expect(table.getByRole('button', { name: 'unit 0' })).toHaveCount(0);
  await expect(table.getByRole('button', { name: 'unit 5' })).toBeFocused();
  // A focused column still shown keeps the focus.
  await page.keyboard.press(']');
  await expect(table.getByRole('button', { name: 'unit 6' })).toHaveAttribute('aria-pressed', 'true');
  await expect(table.getByRole('button', { name: 'unit 5' })).toBeFocused();
});

test('L from a control of a panel the lecture view hides puts the focus on the lecture view\'s button', async ({ page }) => {
  await page.goto('/?T=30');
  await waitForRun(page);
  await page.getByRole('button', { name: 'fₜ, forget gate' }).focus();
  await page.keyboard.press('l');
  await expect(page.getByRole('region', { name: 'Heatmaps over time' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Lecture view' })).toBeFocused();
  await page.keyboard.press('l');
  await expect(page.getByRole('button', { name: 'Lecture view' })).toBeFocused();
});

test('focus the user put on the page itself stays there when a control it left is removed', async ({ page }) => {
  await page.goto('/?T=30');
  await waitForRun(page);
  await page.getByRole('button', { name: 'fₜ, forget gate' }).focus();
  await page.locator('.diagram-head').click(); // not a control: the focus goes to the page
  await expect.poll(() => focused(page)).toBe('BODY');
  await page.keyboard.press('l');
  await expect(page.getByRole('region', { name: 'Heatmaps over time' })).toHaveCount(0);
  await page.waitForTimeout(200);
  expect(await focused(page)).toBe('BODY');
});

test('a pause is said with its step; so are the layer and the heatmaps\' window', async ({ page }) => {
  await page.goto(`/${query({ layers: 2, T: 200, speed: 30 })}`);
  await waitForRun(page);
  const said = page.locator('.app > p[aria-live="polite"]');
  await page.keyboard.press(' ');
  await expect(said).toHaveText('Playing');
  await page.waitForTimeout(300);
  await page.keyboard.press(' ');
  await expect(said).toHaveText(/^Paused at t = \d+$/);
  const t = Number((await said.textContent())!.replace(/\D/g, ''));
  await expect(page.getByLabel('Current timestep')).toContainText(String(t));
  await page.keyboard.press('.');
  await expect(said).toHaveText('Layer 2 of 2');
  await page.keyboard.press('0');
  await expect(said).toHaveText('Heatmaps show t = 1 to 200, the whole sequence');
  // Playing on to the end stops there, and says so: "Playing" had been the last word.
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press(' ');
  await expect(said).toHaveText('Stopped at the end, t = 200');
});

test('a heatmap row explored by keyboard says the value at the cursor; ← → step, ↑ ↓ pick the unit', async ({ page }) => {
  const { trace } = engineRun({ seqLen: 30 });
  const f = trace.index('l0.f');
  await page.goto('/?T=30');
  await waitForRun(page);
  const row = page.getByRole('application', { name: /^forget gate over time/ });
  await row.focus();
  const probe = page.locator(`#${await row.getAttribute('aria-describedby')}`);
  await expect(probe).toHaveText(`t = 1, unit 0: ${shown(trace.value(f, 0, 0))}`);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(probe).toHaveText(`t = 2, unit 2: ${shown(trace.value(f, 1, 2))}`);
  await page.keyboard.press('ArrowUp');
  await expect(probe).toHaveText(`t = 2, unit 1: ${shown(trace.value(f, 1, 1))}`);
  await expect(row).toBeFocused();
  // The page didn't scroll with ↑ ↓, and the selection is the page's: the diagram follows it.
  await expect(page.getByText('t = 2, unit 1', { exact: true })).toBeVisible();
  // One voice per key: the row's (a widget, whose arrow keys a screen reader passes on); the diagram's
  // step line, which had said "t = 2, unit 1" too, keeps quiet until the row lets the keyboard go.
  await expect(row).toHaveAttribute('aria-roledescription', 'heatmap');
  const stepLine = page.locator('.diagram-step');
  await expect(stepLine).toHaveAttribute('aria-live', 'off');
  await page.keyboard.press('Shift+Tab');
  await expect(stepLine).toHaveAttribute('aria-live', 'polite');
  await row.focus();
  await expect(stepLine).toHaveAttribute('aria-live', 'off');
  await page.keyboard.press('l'); // the lecture view takes the row away with the focus
  await expect(row).toHaveCount(0);
  await expect(stepLine).toHaveAttribute('aria-live', 'polite');
});

test('what Tab reaches is scrolled into view above the timeline stuck to the bottom, not under it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await waitForRun(page);
  const timelineTop = () => page.locator('.app-timeline').evaluate((e) => e.getBoundingClientRect().top);
  // Every stop from the heatmaps down (those above them are never near the bottom edge): each one's box
  // ends above the timeline (the timeline's own controls, which it holds, aside).
  await page.getByRole('region', { name: 'Heatmaps over time' }).getByRole('button').first().focus();
  await page.evaluate(() => window.scrollTo(0, 0));
  const hidden: string[] = [];
  for (let k = 0; k < 40; k++) {
    await page.keyboard.press('Tab');
    const where = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body || el.closest('.app-timeline')) return null;
      const r = el.getBoundingClientRect();
      return { name: el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? el.tagName, bottom: r.bottom };
    });
    if (where && where.bottom > (await timelineTop()) + 1) hidden.push(`${where.name} (bottom ${Math.round(where.bottom)})`);
  }
  expect(hidden).toEqual([]);
});

test('Space after a click on a playback button plays; on a button reached by Tab it presses that button', async ({ page }) => {
  // A lecturer who clicked "Next timestep" and then pressed Space had stepped again, not played.
  await page.goto(`/${query({ H: 4, T: 400, t: 5, speed: 30 })}`);
  await waitForRun(page);
  const play = page.getByRole('button', { name: 'Play / pause' });
  const t = page.getByLabel('Current timestep');
  for (const name of ['Next timestep', 'Next sub-step', 'Jump to start']) {
    await page.getByRole('button', { name, exact: true }).click();
    const before = await t.textContent();
    await page.keyboard.press(' ');
    await expect(play, `Space after a click on ${name}`).toHaveAttribute('aria-pressed', 'true');
    // The clock runs (waited for: on a loaded machine the second Space had come before the first step).
    await expect.poll(() => t.textContent()).not.toBe(before);
    await page.keyboard.press(' ');
    await expect(play).toHaveAttribute('aria-pressed', 'false');
  }
  // Reached by keyboard, the button takes Space itself: one step, no playing.
  await page.getByRole('button', { name: 'Next timestep' }).click();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('button', { name: 'Next timestep' })).toBeFocused();
  const at = Number(/t = (\d+)/.exec((await t.textContent())!)![1]);
  await page.keyboard.press(' ');
  await expect(t).toContainText(`t = ${at + 1} `);
  await expect(play).toHaveAttribute('aria-pressed', 'false');
});

test('the first Tab stop skips to the playback controls, some 50 stops down the page', async ({ page }) => {
  await page.goto('/?T=30');
  await waitForRun(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the playback controls' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  const url = page.url();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Play / pause' })).toBeFocused();
  expect(page.url()).toBe(url); // no fragment: a new one would start the page over
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Next sub-step' })).toBeFocused();
});
