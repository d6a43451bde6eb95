/**
 * The page's entry, kept small on purpose: it reads the URL, starts the engine worker and sends the first
 * run before the rest of the page (React, d3, the panels) has even been downloaded, so that the worker
 * starts and computes while the page is still being built.
 */
import { applyUrl, syncUrl } from './app/urlState';
import { startEngineBridge } from './app/engineBridge';
import { effectiveTheme, markDocument } from './app/theme';
import { useView } from './state/view';

const problems = applyUrl(location.search);
// A theme or lecture view asked for in the URL applies to the placeholder in index.html too.
const { theme, lecture } = useView.getState();
markDocument(effectiveTheme(theme), lecture);
startEngineBridge();
syncUrl();

import('./app/mount').then(
  ({ mount }) => mount(document.getElementById('root')!, problems),
  (err: unknown) => {
    const status = document.getElementById('boot-status');
    if (!status) return;
    status.className = 'boot-status message message-error';
    status.setAttribute('role', 'alert');
    status.textContent = `The page could not load its script (${err instanceof Error ? err.message : String(err)}). Reload to try again.`;
  },
);
