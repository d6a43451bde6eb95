/**
 * Writes the page's prerendered first frame (src/app/firstFrame.tsx) into the built index.html, in place
 * of its <!-- first-frame --> marker. Run by the build (vite.config.ts) after the bundle is written:
 *   node --import tsx scripts/prerender.ts <outDir>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderFirstFrame } from '../src/app/firstFrame';

const MARKER = '<!-- first-frame -->';

const outDir = process.argv[2];
if (!outDir) throw new Error('usage: prerender.ts <outDir>');
const file = join(outDir, 'index.html');
const html = readFileSync(file, 'utf8');
// A page silently without its first frame would only show up as a slower start: fail the build instead.
if (!html.includes(MARKER)) throw new Error(`${file} has no ${MARKER}: cannot place the first frame`);
const frame = renderFirstFrame();
// inert: it looks like the page but does nothing until the page mounts over it, so nothing in it takes
// the focus or a click (or a typed edit) that would then be lost.
writeFileSync(file, html.replace(MARKER, () => `<div class="first-frame" inert>${frame}</div>`)); // a function: `$` in markup is not a pattern
console.log(`first frame prerendered into ${file} (${(frame.length / 1024).toFixed(1)} KB of markup)`);
