/**
 * The build's first frame: the page at step 1 of the default run, rendered in Node. The browser test
 * (e2e/first-frame.spec.ts) checks its numbers on screen against the engine.
 */
import { describe, expect, it } from 'vitest';
import { renderFirstFrame } from './firstFrame';

describe('renderFirstFrame', () => {
  // React separates adjacent text with empty comments; a reader sees the text without them.
  const html = renderFirstFrame().replaceAll('<!-- -->', '');

  it('is the page at step 1, its strips as SVG since there is no canvas', () => {
    expect(html).toContain('elementtiming="first-timestep"');
    expect(html).toContain('t = 1, unit 0');
    expect(html).toContain('1 / 60 steps');
    expect(html).toMatch(/<svg class="diagram-layer diagram-strips"/);
    expect(html).not.toContain('<canvas');
  });

  it('claims no timing: those are the visitor\'s browser\'s to measure', () => {
    expect(html).not.toMatch(/first step in|all in/);
  });
});
