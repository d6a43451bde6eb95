#!/usr/bin/env node
/**
 * The README's two commands, and the UI benchmark, in one place that needs nothing but Node and npm:
 *   npm start          install what is missing, then serve the app (prints its URL)
 *   npm test           install what is missing (node modules; Debian's Chromium when root), then run
 *                      every check: types, lint, units, build, end-to-end in headless Chromium
 *   npm run bench:ui   build, then measure the page in headless Chromium
 * Only Node built-ins here: this file runs before node_modules exists.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from './chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const isWin = process.platform === 'win32';
const npx = isWin ? 'npx.cmd' : 'npx';
const npm = isWin ? 'npm.cmd' : 'npm';

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env, ...opts });
  return r.status ?? 1;
}

function say(msg) {
  console.log(`\x1b[1m▸ ${msg}\x1b[0m`);
}

/** node_modules is missing or older than the lock file: install exactly what the lock file says. */
function ensureDeps() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  say('Installing node modules (npm ci)…');
  if (sh(npm, ['ci', '--no-audit', '--no-fund']) !== 0) {
    console.error('npm ci failed; see above. Node 20 and access to the npm registry are needed.');
    process.exit(1);
  }
}

/** Finds a Chromium for the browser tests, installing Debian's when we are root on Debian. */
function ensureChromium() {
  let found = findChromium();
  if (found) return found;
  if (process.env.GATESCOPE_CHROMIUM) {
    console.error(`GATESCOPE_CHROMIUM is set to ${process.env.GATESCOPE_CHROMIUM}, but there is no file there.`);
    process.exit(1);
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    say("Installing Debian's Chromium for the browser tests (apt-get install chromium)…");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    sh('apt-get', ['update', '-qq'], { env });
    sh('apt-get', ['install', '-y', '-qq', 'chromium'], { env });
    found = findChromium();
    if (found) return found;
  }
  console.error([
    'The end-to-end tests need a Chromium, and none was found.',
    '  On Debian or Ubuntu:  sudo apt-get install chromium',
    '  Or point the tests at one you have:  GATESCOPE_CHROMIUM=/path/to/chrome npm test',
    "(Playwright's own browser download is not used: `npx playwright install` needs network access these machines don't have.)",
  ].join('\n'));
  process.exit(1);
}

function steps(list) {
  const results = [];
  for (const [name, cmd, args] of list) {
    say(name);
    const t0 = Date.now();
    const status = sh(cmd, args);
    results.push({ name, ok: status === 0, s: (Date.now() - t0) / 1000 });
    if (status !== 0 && name.startsWith('Build')) break; // nothing to test in a browser
  }
  console.log('\nSummary');
  for (const r of results) console.log(`  ${r.ok ? '✔' : '✘'} ${r.name.padEnd(34)} ${r.s.toFixed(1)} s`);
  return results.every((r) => r.ok) && results.length === list.length;
}

const mode = process.argv[2];
if (mode === 'serve') {
  ensureDeps();
  say('Serving Gatescope; open the URL below (Ctrl+C stops it).');
  process.exit(sh(npx, ['vite', '--open=false', ...process.argv.slice(3)]));
} else if (mode === 'test') {
  ensureDeps();
  const chromium = ensureChromium();
  process.env.GATESCOPE_CHROMIUM = chromium;
  const ok = steps([
    ['Type check (tsc)', npx, ['tsc', '--noEmit', '-p', 'tsconfig.json']],
    ['Lint (eslint)', npx, ['eslint', '.', '--max-warnings=0']],
    ['Unit tests (vitest)', npx, ['vitest', 'run']],
    ['Build (vite)', npx, ['vite', 'build', '--logLevel', 'warn']],
    [`End-to-end (playwright, ${chromium})`, npx, ['playwright', 'test']],
  ]);
  process.exit(ok ? 0 : 1);
} else if (mode === 'bench-ui') {
  ensureDeps();
  process.env.GATESCOPE_CHROMIUM = ensureChromium();
  if (sh(npx, ['vite', 'build', '--logLevel', 'warn']) !== 0) process.exit(1);
  process.exit(sh(npx, ['tsx', 'bench/ui.ts', ...process.argv.slice(3)]));
} else {
  console.error(`usage: node scripts/run.mjs serve|test|bench-ui (got ${JSON.stringify(mode)})\n${readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(2, 8).join('\n')}`);
  process.exit(2);
}
