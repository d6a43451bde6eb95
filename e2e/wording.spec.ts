/** Counts of one read in the singular on the page: the speed menu's "1 step/s", the status line's "1 / 1 step". */
import { expect, test } from '@playwright/test';
import { query, waitForRun } from './helpers';

test('a count of one is singular: 1 step/s in the speed menu, 1 / 1 step in the status line', async ({ page }) => {
  await page.goto(`/${query({ H: 1, T: 1 })}`);
  await waitForRun(page);
  const speeds = await page.getByRole('combobox', { name: 'Playback speed' }).locator('option').allTextContents();
  expect(speeds.slice(0, 2)).toEqual(['1 step/s', '2 steps/s']);
  await expect(page.getByRole('status').first()).toContainText(/^1 \/ 1 step ·/);
  await expect(page.getByRole('region', { name: 'Heatmaps over time' }).getByRole('application', { name: 'forget gate over time: 1 unit × 1 timestep, t = 1' })).toBeVisible();
});
