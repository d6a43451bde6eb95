/**
 * The built page's prerendered first frame (src/app/firstFrame.tsx): step 1 of the default run, in the
 * HTML itself, shown only when the address has no settings, and replaced by the live page without a jump.
 */
import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_CONFIG } from '../src/state/config';
import { lutFor, lutIndex, scaleFor } from '../src/viz/scales';
import { diagramValues, engineRun, expectedDiagramValues, waitForRun } from './helpers';

/**
 * Loads a page whose app scripts never arrive (held, not failed: a failure has its own message): what the
 * HTML and boot.js alone put on screen.
 */
async function htmlAlone(page: Page, url: string) {
  await page.route(/\/assets\/[^/]+\.js$/, () => new Promise<void>(() => {}));
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator('#boot-status').waitFor({ state: 'attached' });
}

/**
 * Loads `/` with one of the page's files failing to load, and checks that the first frame gave way to the
 * placeholder's message, which contains `says`; and that no engine worker is left running: a page that
 * can't start mustn't go on computing its run.
 */
async function loadFailing(page: Page, file: RegExp, says: string | RegExp) {
  await page.route(file, (route) => route.abort());
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText(says);
  await expect(page.locator('.first-frame')).toBeHidden();
  const engines = () => page.workers().filter((w) => /engine\.worker/.test(w.url())).length;
  await expect.poll(engines, { message: 'engine workers still running' }).toBe(0);
}

/** Whether the page has mounted (React over the frame or the placeholder). */
const mounted = (page: Page) => page.evaluate(() => performance.getEntriesByName('gatescope:mount').length > 0);

const css = (abgr: number) => `rgb(${abgr & 255}, ${(abgr >>> 8) & 255}, ${(abgr >>> 16) & 255})`;

test('the HTML alone shows step 1 of the default run, with the engine\'s numbers and colours', async ({ page }) => {
  await htmlAlone(page, '/');
  const frame = page.locator('.first-frame');
  await expect(frame).toBeVisible();
  await expect(page.getByText('Loading…')).toBeHidden();
  const diagram = frame.getByRole('region', { name: 'Cell diagram' });
  await expect(diagram.locator('.diagram-step')).toHaveText('t = 1, unit 0');
  const { trace, model } = engineRun({});
  expect(await diagramValues(frame)).toEqual(expectedDiagramValues(trace, model, { t: 0, sub: 0, focus: false, unit: 0, layer: 0 }));
  // The forget gate's strip, unit by unit, in the gates' 0 → 1 colours.
  const fills = await frame.locator('.diagram-strips g[data-source="f"]').locator('rect[fill]').evaluateAll((rects) => rects.map((r) => getComputedStyle(r).fill));
  const f = Array.from({ length: DEFAULT_CONFIG.hiddenSize }, (_, j) => trace.at('l0.f', 0, j));
  const gates = lutFor('sequential', 'light');
  expect(fills).toEqual(f.map((v) => css(gates[lutIndex({ kind: 'sequential', lo: 0, hi: 1 }, v)])));
});

test('on a dark page the HTML alone colours signed values in the dark page\'s colours', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await htmlAlone(page, '/');
  const frame = page.locator('.first-frame');
  await expect(frame).toBeVisible();
  // The candidate's strip, tanh-range values, as the live page will paint it on this page.
  const fills = await frame.locator('.diagram-strips g[data-source="g"]').locator('rect[fill]').evaluateAll((rects) => rects.map((r) => getComputedStyle(r).fill));
  const { trace } = engineRun({});
  const g = Array.from({ length: DEFAULT_CONFIG.hiddenSize }, (_, j) => trace.at('l0.g', 0, j));
  const dark = lutFor('diverging', 'dark');
  expect(fills).toEqual(g.map((v) => css(dark[lutIndex({ kind: 'diverging', lo: -1, hi: 1 }, v)])));
  // And its legend says so: the tanh range's middle is the dark scale's 0, not RdBu's white.
  const swatch = frame.locator('.legend-bar').filter({ hasText: 'tanh range' }).locator('.legend-swatch');
  const stops = (await swatch.evaluate((el) => getComputedStyle(el).backgroundImage)).match(/rgb\([^)]*\)/g)!;
  expect(stops[5]).toBe(scaleFor({ kind: 'diverging', lo: -1, hi: 1 }, 'dark')(0));
  expect(stops[5]).not.toBe(scaleFor({ kind: 'diverging', lo: -1, hi: 1 }, 'light')(0));
});

test('a link with settings is not shown the default\'s first frame', async ({ page }) => {
  await htmlAlone(page, '/?cell=gru');
  await expect(page.getByText('Loading…')).toBeVisible();
  await expect(page.locator('.first-frame')).toBeHidden();
});

test('the live page takes over from the first frame in place, with step 1 already in', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await htmlAlone(page, '/');
  const before = await page.locator('.first-frame .diagram').boundingBox();
  const stepBefore = await page.locator('.first-frame .diagram-step').boundingBox();

  // Whether the browser paints the frame before the page's scripts have run is its choice: on a machine busy
  // enough it runs them first. What the page decides is checked on every load; the frame's paint before the
  // takeover must be seen in one of three.
  const paintedFirst: boolean[] = [];
  for (let load = 0; load < 3 && !paintedFirst.includes(true); load++) {
    const live = await page.context().newPage();
    await live.setViewportSize({ width: 1280, height: 720 });
    await live.goto('/');
    await waitForRun(live);
    // Replaced, not kept beside the page: one header, the strips on their canvas.
    await expect(live.locator('.first-frame')).toHaveCount(0);
    await expect(live.locator('.app-header')).toHaveCount(1);
    await expect(live.locator('canvas.diagram-strips')).toHaveCount(1);
    const at = await live.evaluate(async () => {
      const firstOnScreen = await new Promise<number>((resolve) => new PerformanceObserver((list) => {
        const e = list.getEntries().find((x) => (x as PerformanceEntry & { identifier: string }).identifier === 'first-timestep');
        if (e) resolve((e as PerformanceEntry & { renderTime: number }).renderTime);
      }).observe({ type: 'element', buffered: true }));
      const mark = (n: string) => performance.getEntriesByName(`gatescope:${n}`)[0].startTime;
      return { firstOnScreen, firstChunk: mark('first-chunk'), mount: mark('mount') };
    });
    // The page mounted only once the worker's step 1 was in.
    expect(at.firstChunk).toBeLessThan(at.mount);
    // Where the first frame drew the diagram, the live page draws it (the panels below it load later, and don't move it).
    expect(await live.locator('.diagram').boundingBox()).toEqual(before);
    expect(await live.locator('.diagram-step').boundingBox()).toEqual(stepBefore);
    paintedFirst.push(at.firstOnScreen < at.mount);
    await live.close();
  }
  expect(paintedFirst, 'step 1 on screen (the first frame) before the page mounted, in one of three loads').toContain(true);
});

test('if the page\'s script fails to load, the first frame gives way to the message', async ({ page }) => {
  await loadFailing(page, /\/assets\/mount-[\w-]+\.js$/, 'could not start');
  // ...and it stays: the frame's "still waiting" status (after 3 s) doesn't write over it.
  await page.waitForTimeout(4000);
  await expect(page.getByRole('alert')).toContainText('could not start');
});

test('if the page\'s entry script fails to load, the first frame gives way to the message too', async ({ page }) => {
  await loadFailing(page, /\/assets\/index-[\w-]+\.js$/, /could not start \(\/assets\/index-[\w-]+\.js did not load\)/);
});

test('the first frame takes no focus and no clicks before the page is live', async ({ page }) => {
  await htmlAlone(page, '/');
  const frame = page.locator('.first-frame');
  await expect(frame).toBeVisible();
  // What would look like a working control does nothing, rather than take an edit that the page then drops.
  for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('.first-frame') ?? null)).toBeNull();
  await frame.getByRole('button').first().click({ force: true, timeout: 2000 }).catch(() => {});
  expect(await page.evaluate(() => document.activeElement?.closest('.first-frame') ?? null)).toBeNull();
});

test('a slow engine keeps the first frame up, says so, and the page then takes over with step 1', async ({ page }) => {
  let release!: () => void;
  const released = new Promise<void>((r) => { release = r; });
  await page.route(/\/assets\/engine\.worker-[\w-]+\.js$/, async (route) => { await released; await route.continue(); });
  await page.goto('/');
  const frame = page.locator('.first-frame');
  await expect(frame.locator('.progress-text')).toHaveText('Starting the engine…', { timeout: 6000 });
  await expect(frame).toBeVisible();
  // The frame is inert, so hidden from screen readers: the placeholder's status, out of sight, says it for them.
  await expect(page.locator('#boot-status')).toHaveText('Starting the engine…');
  expect(await page.locator('#boot-status').evaluate((e) => getComputedStyle(e).display !== 'none' && getComputedStyle(e.parentElement!).display !== 'none')).toBe(true);
  expect(await mounted(page)).toBe(false); // still the frame, not the page's empty panels
  release();
  await waitForRun(page);
  await expect(frame).toHaveCount(0);
  await expect(page.locator('.diagram-step')).toHaveText('t = 1, unit 0');
});

test('if the page\'s stylesheet fails to load, the placeholder says so and the page doesn\'t come up unstyled', async ({ page }) => {
  await loadFailing(page, /\/assets\/mount-[\w-]+\.css$/, /could not start \(\/assets\/mount-[\w-]+\.css did not load\)/);
  await page.waitForTimeout(1500); // time enough for step 1 and the page's code
  expect(await mounted(page)).toBe(false);
  await expect(page.getByRole('alert')).toBeVisible();
});

test('a file that isn\'t the page\'s failing to load (an extension\'s script) doesn\'t stop the page', async ({ page }) => {
  await page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => {
    const s = document.createElement('script');
    s.src = 'https://cdn.example.invalid/helper.js'; // refused by the page's CSP
    document.head.append(s);
  }));
  await page.goto('/');
  await waitForRun(page);
  await expect(page.getByText('could not start')).toHaveCount(0);
});

test('a browser that refuses the engine\'s worker gets the message, not a frame left up for ever', async ({ page }) => {
  await page.addInitScript(() => {
    window.Worker = function () { throw new DOMException('Worker blocked', 'SecurityError'); } as unknown as typeof Worker;
  });
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText('could not start (Worker blocked)');
  await expect(page.locator('.first-frame')).toBeHidden();
});

test('an engine worker whose script won\'t load is asked for twice, not for ever, and the page says so', async ({ page }) => {
  let asked = 0;
  await page.route(/\/assets\/engine\.worker-[\w-]+\.js$/, (route) => { asked++; return route.abort(); });
  await page.goto('/');
  await expect(page.getByRole('alert').filter({ hasText: "Can't run this model" })).toContainText('the engine could not start');
  await expect(page.getByRole('alert').filter({ hasText: "Can't run this model" })).toContainText('Reload the page to try again');
  await page.waitForTimeout(1000);
  expect(asked).toBe(2);
});

test('an engine that hangs (it spoke once, then nothing) is replaced once, then reported, and the page comes up', async ({ page }) => {
  // A worker that says one word as it loads, then never another: a run stuck in a loop.
  let asked = 0;
  await page.route(/\/assets\/engine\.worker-[\w-]+\.js$/, (route) => {
    asked++;
    return route.fulfill({ contentType: 'text/javascript', body: "postMessage({ type: 'pong', id: 0 }); onmessage = () => {};" });
  });
  await page.clock.install();
  await page.goto('/');
  await page.clock.runFor(11_000); // silent for SILENCE_MS, pinged, silent as long again: replaced
  await expect(page.locator('#boot-status')).toHaveText('Starting the engine…');
  await page.clock.runFor(11_000);
  const alert = page.getByRole('alert').filter({ hasText: "Can't run this model" });
  await expect(alert).toContainText('the engine stopped while running this model (no answer in 10 s)');
  await expect(page.locator('.first-frame')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Play/ })).toBeVisible();
  expect(asked).toBe(3); // the hung one, its replacement, and a fresh one left idle for the next run
});

test('an engine that never says a word is waited for, not replaced, and the page says it is waiting', async ({ page }) => {
  // Its script never arrives (a very slow network): no error, no word.
  let release!: () => void;
  const released = new Promise<void>((r) => { release = r; });
  let asked = 0;
  await page.route(/\/assets\/engine\.worker-[\w-]+\.js$/, async (route) => { asked++; await released; await route.continue(); });
  await page.clock.install();
  await page.goto('/');
  await page.clock.runFor(21_000); // past SLOW_START_MS, and past main.tsx's wait for step 1 over the first frame
  await expect(page.locator('.first-frame')).toHaveCount(0);
  await expect(page.locator('.run-status .message-note')).toHaveText('The engine has not started after 15 s: its script may still be loading. If nothing changes, reload the page. Dismiss');
  await page.clock.runFor(60_000);
  expect(asked).toBe(1);
  // It loads at last: the run goes on, and the notice goes.
  release();
  await page.clock.resume();
  await waitForRun(page);
  await expect(page.getByText('The engine has not started')).toHaveCount(0);
  await expect(page.locator('.diagram-step')).toHaveText('t = 1, unit 0');
});
