/**
 * Where the tests find a Chromium, and the flags it needs on these machines. Playwright's own browser
 * download can't work here; we drive Debian's /usr/bin/chromium, or whatever GATESCOPE_CHROMIUM names.
 */
import { existsSync } from 'node:fs';

/**
 * Chromium 156 opens its omnibox popup (a WebUI page with its own renderer) for every new window, and so
 * for every page a test or the benchmark opens. It loads in parallel with the page under test and took
 * about 400 ms of CPU from these two cores during each of our page loads; a user opening Gatescope in a
 * tab pays nothing of the kind. A --disable-features flag replaces Playwright's own list rather than
 * adding to it, so that list (Playwright 1.65, chromiumSwitches.ts) is repeated here.
 */
const DISABLED_FEATURES = [
  // Playwright's:
  'AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose', 'HttpsUpgrades', 'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay', 'MediaRouter', 'PaintHolding', 'ThirdPartyStoragePartitioning', 'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin', 'OptimizationHints', 'NetworkTimeServiceQuerying', 'AimEnabled', 'PreconnectToSearch',
  // Ours:
  'WebUIOmniboxPopup', 'WebUIOmniboxAimPopup', 'WebUIOmniboxFullPopup',
];

export const CHROMIUM_FLAGS = [
  `--disable-features=${DISABLED_FEATURES.join(',')}`,
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
