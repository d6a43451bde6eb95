/**
 * Screenshots of the page at the sizes a lecturer projects (1280×720, 1920×1080), light and dark:
 *   npx tsx scripts/screenshot.ts [base-url] [out-dir] [query …]
 * Used to look at a change by eye; the README's screenshot comes from here too.
 */
import { chromium } from '@playwright/test';
// @ts-expect-error plain ESM helper without types
import { CHROMIUM_FLAGS, findChromium } from './chromium.mjs';

const [base = 'http://127.0.0.1:4173/', out = 'e2e/screenshots', ...queries] = process.argv.slice(2);
const sizes = [[1280, 720], [1920, 1080]] as const;

const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS });
for (const q of queries.length ? queries : ['']) {
  for (const theme of ['light', 'dark'] as const) {
    for (const [w, h] of sizes) {
      const page = await browser.newPage({ viewport: { width: w, height: h }, colorScheme: theme });
      page.on('console', (m) => { if (m.type() === 'error') console.error(`console: ${m.text()}`); });
      page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
      await page.goto(`${base}${q}`);
      await page.waitForFunction(() => document.querySelector('[role=status]')?.textContent?.includes('all in'), null, { timeout: 30_000 }).catch(() => {});
      await page.locator('.equations .katex').first().waitFor({ timeout: 15_000 }).catch(() => {});
      await page.waitForTimeout(300);
      const name = `${out}/${(q.replace(/[^a-z0-9=&]+/gi, '_') || 'default').slice(0, 60)}-${theme}-${w}x${h}.png`;
      await page.screenshot({ path: name });
      console.log(name);
      await page.close();
    }
  }
}
await browser.close();
