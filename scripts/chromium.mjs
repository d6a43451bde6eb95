/**
 * Where the tests find a Chromium, and the flags it needs on these machines. Playwright's own browser
 * download can't work here; we drive Debian's /usr/bin/chromium, or whatever GATESCOPE_CHROMIUM names.
 */
import { existsSync } from 'node:fs';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** The Chromium to use, or null. */
export function findChromium() {
  const own = process.env.GATESCOPE_CHROMIUM;
  if (own) return existsSync(own) ? own : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}
