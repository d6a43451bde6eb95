/**
 * The dropdowns and the timeline's arrow keys. A value picked with the pointer gives the keys back to the
 * page (→ steps the timeline, it doesn't change the dropdown again); a dropdown changed from the keyboard
 * keeps the focus, and its arrows stay its own.
 *
 * How the pick is made: headless Chromium on Linux opens a real popup for a select clicked with the mouse
 * (select:open matches), and the popup, not the page, then has the keyboard: the page sees no keydown for
 * ArrowDown and Enter pressed in it, and Enter picks the highlighted option (input, change, then a click on
 * the select). Playwright's page.mouse can't reach the popup's options (they are not in the page), and
 * selectOption() sets the value with no pointer at all, so "click to open, then ArrowDown and Enter in the
 * popup" is the faithful pointer pick we can drive; the page sees exactly what it sees from a mouse pick
 * (pointerdown on the select, then the change).
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { query, waitForRun } from './helpers';

const timestep = (page: Page) => page.getByLabel('Current timestep');

/** Opens the select with the mouse, walks `down` options in its popup and picks with Enter. */
async function pickWithPointer(page: Page, select: Locator, down: number): Promise<void> {
  const box = (await select.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect.poll(() => select.evaluate((s) => s.matches(':open'))).toBe(true);
  for (let k = 0; k < down; k++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect.poll(() => select.evaluate((s) => s.matches(':open'))).toBe(false);
}

for (const c of [
  { label: 'Cell type', from: 'lstm', down: 1, to: 'gru', rerun: true },
  { label: 'Input sequence', from: 'sine', down: 1, to: 'steps', rerun: true },
  { label: 'Playback speed', from: '5', down: 1, to: '10', rerun: false },
]) {
  test(`${c.label}: picked with the pointer, then → steps the timeline and leaves the dropdown alone`, async ({ page }) => {
    await page.goto(`/${query({ H: 4, T: 20, t: 10 })}`);
    await waitForRun(page);
    const select = page.getByRole('combobox', { name: c.label, exact: true });
    await expect(select).toHaveValue(c.from);
    await expect(timestep(page)).toContainText('t = 10 ');

    await pickWithPointer(page, select, c.down);
    await expect(select).toHaveValue(c.to);
    if (c.rerun) await waitForRun(page);
    await page.keyboard.press('ArrowRight');
    await expect(timestep(page)).toContainText('t = 11 ');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(timestep(page)).toContainText('t = 9 ');
    await expect(select).toHaveValue(c.to);
    await expect(select).not.toBeFocused();
    // Tab goes on from where the select was.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect(select).toBeFocused();
  });
}

test('a dropdown changed from the keyboard keeps the focus and its arrow keys', async ({ page }) => {
  await page.goto(`/${query({ H: 4, T: 20, t: 10 })}`);
  await waitForRun(page);
  const cell = page.getByLabel('Cell type');
  // Focused by Tab from the element before it, then changed with the arrows: the native control's keys.
  await cell.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(cell).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(cell).toHaveValue('gru');
  await expect(cell).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(cell).toHaveValue('rnn_tanh');
  await expect(cell).toBeFocused();
  await expect(timestep(page)).toContainText('t = 10 ');

  // Opened from the keyboard (Space), a pick in the popup keeps the focus too.
  await page.keyboard.press(' ');
  await expect.poll(() => cell.evaluate((s) => s.matches(':open'))).toBe(true);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(cell).toHaveValue('gru');
  await expect(cell).toBeFocused();

  // A pointer pick that came before doesn't make a later keyboard change blur.
  const speed = page.getByLabel('Playback speed');
  await pickWithPointer(page, speed, 1);
  await expect(speed).not.toBeFocused();
  await speed.focus();
  await page.keyboard.press('ArrowDown');
  await expect(speed).toHaveValue('30');
  await expect(speed).toBeFocused();
});
