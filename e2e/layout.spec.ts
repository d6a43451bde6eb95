/**
 * "Clean at 1280×720 and 1920×1080: nothing overflows, nothing overlaps" — checked, not only looked at.
 * For each cell, on the page and in the lecture view, at every sub-step: no typeset line needs a
 * scrollbar of its own, the page doesn't scroll sideways, no two panels overlap, and on the diagram no
 * label runs into a block, a junction, another strip or another label, and no wire runs through a label.
 */
import { expect, test, type Page } from '@playwright/test';
import { subSteps } from '../src/cellinfo/substeps';
import { query, waitForRun } from './helpers';

const SIZES = [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }];
// Wide inputs and H = 64 make the longest written-out products; two layers add the layer column.
const CASES = [
  { cell: 'lstm', I: 6, H: 64, layers: 2 },
  // The top layer of a stack: its input is written h_t^(1), the widest of the candidate's lines.
  { cell: 'gru', reset: 'after', I: 6, H: 64, layers: 2, layer: 2 },
  { cell: 'gru', reset: 'before', I: 6, H: 64 },
  { cell: 'rnn_tanh', I: 6, H: 64 },
  { cell: 'gru', input: 'text', H: 16 },
  // Trained weights: gates at 0 and 1, cell states past ±5, the readout's note about the training.
  { cell: 'lstm', input: 'text', weights: 'trained' },
] as const;

/** Everything on the page that overflows or overlaps, described for a person. */
function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > window.innerWidth + 1) problems.push(`the page scrolls sideways: ${root.scrollWidth}px wide in ${window.innerWidth}px`);
    // The lecture view is one screen: what a lecturer projects must not need scrolling.
    if (root.dataset.lecture === 'on' && root.scrollHeight > window.innerHeight + 1) problems.push(`the lecture view scrolls: ${root.scrollHeight}px tall in ${window.innerHeight}px`);
    // The line and its typeset display, which scrolls sideways rather than be cut (and so would hide it).
    for (const line of document.querySelectorAll<HTMLElement>('.eq-line, .eq-line .katex-display')) {
      if (line.scrollWidth > line.clientWidth + 1) {
        problems.push(`cut off: "${(line.textContent ?? '').slice(0, 50)}…" needs ${line.scrollWidth}px, has ${line.clientWidth}px`);
      }
    }
    // A title breaks between its parts, never inside one ("t =" on one line, "5" on the next).
    for (const part of document.querySelectorAll('.title-part')) {
      if (part.getClientRects().length > 1) problems.push(`a title breaks inside "${part.textContent}"`);
    }
    const panels = [...document.querySelectorAll<HTMLElement>('.panel')];
    for (let a = 0; a < panels.length; a++) {
      for (let b = a + 1; b < panels.length; b++) {
        if (panels[a].contains(panels[b]) || panels[b].contains(panels[a])) continue;
        const p = panels[a].getBoundingClientRect();
        const q = panels[b].getBoundingClientRect();
        const w = Math.min(p.right, q.right) - Math.max(p.left, q.left);
        const h = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
        if (w > 1 && h > 1) problems.push(`"${panels[a].getAttribute('aria-label')}" and "${panels[b].getAttribute('aria-label')}" overlap by ${Math.round(w)}×${Math.round(h)}px`);
      }
    }
    // On the diagram: names and values against the blocks, the junctions, the strips of other parts and
    // each other. Boxes of text are a little taller than its letters, so a sliver of 4 px is allowed.
    const marks = [...document.querySelectorAll<SVGGraphicsElement>(
      '.diagram-top text, .diagram-top .node rect, .diagram-top .node circle, .diagram-top .node ellipse, .diagram-top .strip-hit')];
    const boxes = marks.map((m) => ({ m, r: m.getBoundingClientRect(), part: m.closest('.part') }));
    const what = (m: Element) => (m.tagName === 'text' ? `"${m.textContent}"` : m.classList.contains('strip-hit') ? `the strip of ${m.closest('.part')?.getAttribute('data-source')}` : `a ${m.tagName}`);
    for (let a = 0; a < boxes.length; a++) {
      for (let b = a + 1; b < boxes.length; b++) {
        const [p, q] = [boxes[a], boxes[b]];
        if (p.m.parentNode === q.m.parentNode) continue; // a block and its own glyph
        const hits = [p, q].some((x) => x.m.classList.contains('strip-hit'));
        if (hits && p.part === q.part) continue; // a strip and its own label
        const w = Math.min(p.r.right, q.r.right) - Math.max(p.r.left, q.r.left);
        const h = Math.min(p.r.bottom, q.r.bottom) - Math.max(p.r.top, q.r.top);
        if (w > 4 && h > 4) problems.push(`on the diagram, ${what(p.m)} and ${what(q.m)} overlap by ${Math.round(w)}×${Math.round(h)}px`);
      }
    }
    // Labels against the wires (a wire through a number reads as a minus sign, or as feeding something
    // else). A text's box is taller than its letters: only the middle 60% of each line counts.
    const wireSvg = document.querySelector<SVGSVGElement>('.diagram svg:not(.diagram-top)');
    const m = wireSvg?.getScreenCTM();
    const segments: Array<[number, number, number, number]> = [];
    if (wireSvg && m) {
      for (const path of wireSvg.querySelectorAll<SVGPathElement>('path.wire')) {
        const pts = [...(path.getAttribute('d') ?? '').matchAll(/[ML]\s*(-?[\d.]+),(-?[\d.]+)/g)]
          .map(([, x, y]) => new DOMPoint(Number(x), Number(y)).matrixTransform(m));
        for (let i = 1; i < pts.length; i++) segments.push([pts[i - 1].x, pts[i - 1].y, pts[i].x, pts[i].y]);
      }
    }
    const lines = [...document.querySelectorAll<SVGGraphicsElement>('.diagram-top .strip-label tspan, .diagram-top .end-label')];
    for (const line of lines) {
      const r = line.getBoundingClientRect();
      if (!r.width) continue;
      const box = { l: r.left + 1, r: r.right - 1, t: r.top + r.height * 0.2, b: r.bottom - r.height * 0.2 };
      // Wires run across and down the diagram: a segment crosses the box if its span and line meet it.
      const crossed = segments.some(([x1, y1, x2, y2]) =>
        (Math.abs(y1 - y2) < 0.5 && y1 > box.t && y1 < box.b && Math.max(x1, x2) > box.l && Math.min(x1, x2) < box.r) ||
        (Math.abs(x1 - x2) < 0.5 && x1 > box.l && x1 < box.r && Math.max(y1, y2) > box.t && Math.min(y1, y2) < box.b));
      if (crossed) problems.push(`on the diagram, a wire runs through "${line.textContent}" (${line.closest('.part')?.getAttribute('data-source') ?? 'an end'})`);
    }
    return problems;
  });
}

for (const size of SIZES) {
  for (const lecture of [false, true]) {
    test(`nothing overflows or overlaps at ${size.width}×${size.height}${lecture ? ' in the lecture view' : ''}`, async ({ page }) => {
      await page.setViewportSize(size);
      for (const c of CASES) {
        await page.goto(`/${query({ ...c, T: 20, t: 4, ...(lecture ? { lecture: 1 } : {}) })}`);
        // The lecture view has no status line: the run's end is known by its performance mark.
        await page.waitForFunction(() => performance.getEntriesByName('gatescope:run-done').length > 0);
        await expect(page.locator('.equations .katex').first()).toBeVisible();
        // Every group in (they come a frame each when the panel first fills), so that all of them are measured.
        await expect(page.locator('.equations-body')).toHaveAttribute('aria-busy', 'false');
        await page.evaluate(() => document.fonts.ready); // KaTeX's fonts set the lines' widths
        const steps = subSteps(c.cell);
        const name = `${c.cell}${'reset' in c ? ` (${c.reset})` : ''}`;
        expect(await layoutProblems(page), `${name}, the whole timestep`).toEqual([]);
        // Then from the last sub-step back to the first, each measured once its equations are typeset.
        for (let s = steps.length - 1; s >= 0 && steps.length > 1; s--) {
          await page.keyboard.press('Shift+ArrowLeft');
          await expect(page.locator(`.equations .eq-group.current[aria-label="${steps[s].title}"] .katex`).first()).toBeVisible();
          expect(await layoutProblems(page), `${name}, ${steps[s].title}`).toEqual([]);
        }
      }
    });
  }
}

// A lecturer's browser window is smaller than the projector's screen (its tabs and bars take 100 px or
// more): the lecture view is still one screen, its diagram drawn smaller to fit, above the timeline.
test('the lecture view is one screen in a window shorter than 720 px, its diagram whole above the timeline', async ({ page }) => {
  for (const size of [{ width: 1280, height: 600 }, { width: 1366, height: 650 }]) {
    await page.setViewportSize(size);
    await page.goto(`/${query({ cell: 'lstm', layers: 2, T: 20, t: 4, sub: 2, lecture: 1 })}`);
    await page.waitForFunction(() => performance.getEntriesByName('gatescope:run-done').length > 0);
    await expect(page.locator('.equations .eq-group.current .katex').first()).toBeVisible();
    await page.evaluate(() => document.fonts.ready);
    expect(await layoutProblems(page), `${size.width}×${size.height}`).toEqual([]);
    const box = (sel: string) => page.locator(sel).first().evaluate((e) => {
      const r = e.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height };
    });
    // What the diagram draws, not its box (the SVG fills the box and centres the drawing in it).
    const drawn = await page.locator('.diagram-top').evaluate((svg) => {
      const rs = [...svg.querySelectorAll('text, rect, circle, ellipse, path, line')].map((e) => e.getBoundingClientRect()).filter((r) => r.width || r.height);
      return { top: Math.min(...rs.map((r) => r.top)), bottom: Math.max(...rs.map((r) => r.bottom)), height: 0, left: 0, right: 0 };
    });
    const [panel, equations, timeline] = await Promise.all([box('.diagram-panel'), box('.equations'), box('.app-timeline')]);
    const where = `${size.width}×${size.height}: the diagram drawn ${JSON.stringify(drawn)}, its panel ${JSON.stringify(panel)}, the timeline from ${timeline.top}`;
    expect(drawn.top, where).toBeGreaterThanOrEqual(panel.top);
    expect(drawn.bottom, where).toBeLessThanOrEqual(panel.bottom);
    expect(panel.bottom, where).toBeLessThanOrEqual(timeline.top);
    expect(equations.bottom, where).toBeLessThanOrEqual(timeline.top);
    expect(equations.height, where).toBeGreaterThan(200);
  }
});

test('the lecture view\'s timeline is one row down to 961 px wide, and two below, never wider than the window', async ({ page }) => {
  for (const width of [1100, 1024, 961, 960, 800]) {
    await page.setViewportSize({ width, height: 768 });
    // The longest t label there is: T is at most 10,000 in a link.
    await page.goto(`/${query({ T: 10_000, t: 10_000, lecture: 1 })}`);
    await expect(page.getByLabel('Current timestep')).toHaveText('t = 10,000 / 10,000');
    const fit = await page.locator('.transport').evaluate((t) => {
      const tops = [t.querySelector('[data-command="play"]')!, t.querySelector('input[type=range]')!].map((e) => Math.round(e.getBoundingClientRect().top));
      const right = Math.max(...[...t.querySelectorAll('button, select, input, output')].map((e) => e.getBoundingClientRect().right));
      return { oneRow: Math.abs(tops[0] - tops[1]) < 20, overflows: t.scrollWidth > t.clientWidth, right };
    });
    expect(fit, `${width} px`).toEqual({ oneRow: width > 960, overflows: false, right: fit.right });
    expect(fit.right, `${width} px`).toBeLessThanOrEqual(width);
  }
});

test('the timeline keeps its width as t gains digits, so its thumb doesn\'t shift as it plays', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`/${query({ T: 1000 })}`);
  await waitForRun(page);
  const slider = page.getByRole('slider', { name: 'Timestep' });
  const width = async () => (await slider.boundingBox())!.width;
  const first = await width();
  await page.keyboard.press('End');
  await expect(page.getByLabel('Current timestep')).toHaveText('t = 1,000 / 1,000');
  expect(await width()).toBeCloseTo(first, 0); // within half a pixel (36 px narrower before)
  // t is written the same way everywhere it appears.
  await expect(page.locator('.diagram-step')).toContainText('t = 1,000');
  await expect(page.getByRole('heading', { name: /^Equations/ })).toContainText('t = 1,000');
});

test('the notes on notation, opened, scroll in a part of the panel and leave the equations theirs, in both views', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  for (const lecture of [0, 1]) {
    await page.goto(`/${query({ lecture, t: 4 })}`);
    const panel = page.getByRole('region', { name: 'Equations' });
    await expect(panel.locator('.katex').first()).toBeVisible();
    await panel.getByText("Notation: Olah's symbols, PyTorch's tensors").click();
    await expect(panel.locator('details[open]')).toBeVisible();
    const [whole, body] = await Promise.all([panel.boundingBox(), panel.locator('.equations-body').boundingBox()]);
    expect(body!.height / whole!.height, `lecture=${lecture}`).toBeGreaterThan(0.45);
  }
});

test('a stack of layers takes no width from the diagram: its numbers are as large as with one layer, in both views', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 }); // a common projector, where the diagram is width-bound
  for (const lecture of [0, 1]) {
    const valueSize = async (layers: number) => {
      await page.goto(`/${query({ lecture, layers, T: 20, t: 4 })}`);
      await page.waitForFunction(() => performance.getEntriesByName('gatescope:run-done').length > 0);
      // The LaTeX button keeps its icon whole beside the equations' title, which wraps with "layer k".
      iconWidths.push(await page.locator('[data-command="copy-latex"] svg').evaluate((el) => el.getBoundingClientRect().width));
      // The size on screen: the SVG's font size scaled by the diagram's width.
      return page.locator('.diagram-top .strip-label .value').first().evaluate((el) => el.getBoundingClientRect().height);
    };
    const iconWidths: number[] = [];
    const one = await valueSize(1);
    const three = await valueSize(3);
    expect(iconWidths[1], `lecture=${lecture}: the LaTeX icon ${iconWidths[1]} px wide with 3 layers, ${iconWidths[0]} px with 1`).toBeCloseTo(iconWidths[0], 0);
    expect(three / one, `lecture=${lecture}: a value's height, ${three.toFixed(1)} px with 3 layers, ${one.toFixed(1)} px with 1`).toBeGreaterThan(0.97);
    // In a row, read left to right: layer 1 first.
    await expect(page.getByRole('navigation', { name: 'Layers' }).getByRole('button')).toHaveText([/^1/, /^2/, /^3/]);
  }
});

test('on a phone the page doesn\'t scroll sideways, and the timeline\'s controls all stay on screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/${query({ H: 16 })}`); // 16 units: the values table is wider than the screen
  await waitForRun(page);
  await expect(page.locator('.numbers table')).toBeVisible();
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, table: document.querySelector('.numbers table')!.getBoundingClientRect().width }));
  expect(widths.table).toBeGreaterThan(390); // the table scrolls in its panel...
  expect(widths.page).toBeLessThanOrEqual(390); // ...not the page
  for (const control of [page.getByRole('button', { name: /^Play/ }), page.getByRole('slider'), page.getByLabel(/speed/i)]) {
    const box = (await control.first().boundingBox())!;
    expect(box.x + box.width, await control.first().evaluate((e) => e.outerHTML.slice(0, 80))).toBeLessThanOrEqual(390);
  }
});

// One test per size: both in one ran past the 60 s limit on a CI machine busy with the other worker.
for (const size of SIZES) {
  test(`walking through sub-steps and back to whole steps never moves the panels below the diagram at ${size.width}×${size.height}`, async ({ page }) => {
    await page.setViewportSize(size);
    for (const cell of ['lstm', 'gru', 'rnn_tanh']) {
      await page.goto(`/${query({ cell, H: 8, T: 20 })}`);
      await expect(page.getByRole('status').first()).toContainText('all in');
      await expect(page.locator('.equations-body')).toHaveAttribute('aria-busy', 'false');
      // The equations' length changes with each sub-step (one group in focus, all of them for a whole step).
      const top = () => page.getByRole('region', { name: 'Input sequence' }).evaluate((e) => Math.round(e.getBoundingClientRect().top + window.scrollY));
      const whole = await top();
      for (let s = 0; s < subSteps(cell as 'lstm').length; s++) {
        await page.keyboard.press('Shift+ArrowRight');
        // (An RNN's one sub-step is its whole timestep: Shift+→ goes to the next, with no group in focus.)
        await expect(page.locator(subSteps(cell as 'lstm').length > 1 ? '.equations .eq-group.current .katex' : '.equations .eq-group .katex').first()).toBeVisible();
        expect(await top(), `${cell} at ${size.width} px, sub-step ${s + 1}`).toBe(whole);
      }
      await page.keyboard.press('ArrowRight');
      expect(await top(), `${cell} at ${size.width} px, a whole step again`).toBe(whole);
    }
  });
}

// A line's scroll box (a long line scrolls sideways) hides what inks past it: the softmax's exponent and its
// Σ's ℓ were cut by 3 px, in every cell, at every size.
test('no equation line cuts its glyphs off: the softmax\'s fraction is whole', async ({ page }) => {
  for (const cell of ['lstm', 'gru', 'rnn_tanh']) {
    await page.goto(`/${query({ cell, H: 8, T: 20, t: 5 })}`);
    await expect(page.locator('.equations-body')).toHaveAttribute('aria-busy', 'false');
    // Each piece of text's box (not scrollHeight: KaTeX's hidden MathML copy is taller than the line).
    const cut = await page.locator('.eq-line .katex-display:has(.mfrac)').evaluateAll((els) => els.flatMap((e) => {
      const box = e.getBoundingClientRect();
      const walker = document.createTreeWalker(e.querySelector('.katex-html')!, NodeFilter.SHOW_TEXT);
      const out: string[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.textContent!.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        const r = range.getBoundingClientRect();
        if (r.height > 0 && (r.top < box.top - 1.5 || r.bottom > box.bottom + 1.5)) out.push(`${n.textContent} (${Math.round(r.top - box.top)}, ${Math.round(box.bottom - r.bottom)})`);
      }
      return out;
    }));
    expect(cut, cell).toEqual([]);
    await expect(page.locator('.eq-line .katex-display .mfrac').first()).toBeVisible();
  }
});

// The layout checked above holds for every user only if every user gets these fonts (see styles.css).
test('the page is set in its own fonts, all loaded', async ({ page }) => {
  await page.goto(`/${query({ T: 20 })}`);
  await expect(page.getByRole('group', { name: 'LSTM cell diagram' })).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  const faces = await page.evaluate(() => [...document.fonts].filter((f) => f.family.includes('Gatescope')).map((f) => `${f.family.replace(/"/g, '')} ${f.weight} ${f.status}`).sort());
  expect(faces).toEqual(['Gatescope Mono 400 loaded', 'Gatescope Sans 400 loaded', 'Gatescope Sans 700 loaded']);
  const families = await page.evaluate(() => ({
    label: getComputedStyle(document.querySelector('.diagram-top text')!).fontFamily,
    value: getComputedStyle(document.querySelector('.strip-label .value')!).fontFamily,
    title: getComputedStyle(document.querySelector('.panel-title')!).fontFamily,
  }));
  expect(families).toEqual({ label: '"Gatescope Sans", sans-serif', value: '"Gatescope Mono", monospace', title: '"Gatescope Sans", sans-serif' });
});
