/**
 * The keyboard-shortcut overlay opens and closes with ?, closes on a click on its backdrop (not on a click
 * inside its box), and on each close the focus goes back to where it was before it opened.
 */
import { expect, test, type Page } from '@playwright/test';
import { query, waitForRun } from './helpers';

const help = (page: Page) => page.getByRole('dialog', { name: 'Keyboard shortcuts' });

test('the help overlay: ? opens and ? closes it, a click on the backdrop closes it, the focus comes back', async ({ page }) => {
  await page.goto(`/${query({ H: 4, T: 5 })}`);
  await waitForRun(page);
  const play = page.getByRole('button', { name: 'Play / pause' });
  await play.focus();

  await page.keyboard.press('?');
  await expect(help(page)).toBeVisible();
  await page.keyboard.press('?');
  await expect(help(page)).toBeHidden();
  await expect(play).toBeFocused();
  // Still just the one key: the other shortcuts stay off behind the open overlay, and ? opens it again.
  await page.keyboard.press('?');
  await expect(help(page)).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByLabel('Current timestep')).toContainText('t = 1 ');
  // ? also closes it when Tab has taken the focus out of it to the page behind.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('?');
  await expect(help(page)).toBeHidden();

  // A click inside the dialog's box (its padding, its text) leaves it open; one on the backdrop closes it.
  await play.focus();
  await page.keyboard.press('?');
  await expect(help(page)).toBeVisible();
  const box = (await help(page).boundingBox())!;
  await page.mouse.click(box.x + 4, box.y + 4);
  await page.getByRole('heading', { name: 'Keyboard shortcuts' }).click();
  await expect(help(page)).toBeVisible();
  // A drag that starts inside and ends on the backdrop (selecting the text) is not a click on the backdrop.
  await page.mouse.move(box.x + box.width / 2, box.y + 20);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, Math.max(2, box.y - 10));
  await page.mouse.up();
  await expect(help(page)).toBeVisible();
  expect(box.x).toBeGreaterThan(10);
  await page.mouse.click(5, 5);
  await expect(help(page)).toBeHidden();
  await expect(play).toBeFocused();
  // Closed, the page's keys are back.
  await page.keyboard.press('End');
  await expect(page.getByLabel('Current timestep')).toContainText('t = 5 ');
});

test('in a window shorter than the list, the help overlay opens at its title, and Close is at hand', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 600 });
  // The lecture view's larger type makes the list taller than the window.
  await page.goto(`/${query({ H: 4, T: 5, lecture: 1 })}`);
  // Not the run-done mark: a 5-step run can be done before the page is mounted and listens for keys. (The
  // lecture view has no status line for waitForRun; the equations are typeset a frame after the mount.)
  await expect(page.locator('.equations-body')).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  await page.keyboard.press('?');
  await expect(help(page)).toBeVisible();
  // Taller than the window: it scrolls, and opens at its top, title in view, the focus on Close beside it.
  expect(await help(page).evaluate((d) => d.scrollHeight > d.clientHeight && d.scrollTop === 0)).toBe(true);
  const [title, dialog] = await Promise.all([page.getByRole('heading', { name: 'Keyboard shortcuts' }).boundingBox(), help(page).boundingBox()]);
  expect(title!.y).toBeGreaterThanOrEqual(dialog!.y);
  await expect(help(page).getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(help(page)).toBeHidden();
});

test('on a phone the help overlay is one column, every key beside its words, nothing cut off', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/${query({ H: 4, T: 5 })}`);
  await expect(page.locator('.equations-body')).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  await page.keyboard.press('?');
  await expect(help(page)).toBeVisible();
  expect(await help(page).evaluate((d) => d.scrollWidth <= d.clientWidth)).toBe(true);
  const groups = await page.locator('.help-groups > *').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().left)));
  expect(new Set(groups).size).toBe(1);
  // No key cap runs into its description.
  for (const row of await help(page).locator('dt').all()) {
    const [dt, dd] = await Promise.all([row.boundingBox(), row.locator('xpath=following-sibling::dd[1]').boundingBox()]);
    expect(dt!.x + dt!.width <= dd!.x + 0.5 || dt!.y + dt!.height <= dd!.y + 0.5).toBe(true);
  }
});
