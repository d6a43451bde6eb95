/**
 * The page's entry, kept small on purpose: it reads the URL, starts the engine worker and sends the first
 * run before the rest of the page (React, d3, the panels) has even been downloaded, so that the worker
 * starts and computes while the page is still being built.
 */
import { applyUrl, syncUrl } from './app/urlState';
import { startEngineBridge } from './app/engineBridge';
import { effectiveTheme, markDocument } from './app/theme';
import { useView } from './state/view';
import { useRun } from './state/run';
import { takeover } from './app/prerendering';

const problems = applyUrl(location.search);
// A theme or lecture view asked for in the URL applies to the placeholder in index.html too.
const { theme, lecture } = useView.getState();
markDocument(effectiveTheme(theme), lecture);
startEngineBridge();
syncUrl();

const FIRST_STEP_LIMIT_MS = 3000;

/**
 * With the prerendered first frame on screen (see firstFrame.tsx), the page mounts once the worker's step 1
 * is in: its first commit then replaces that frame with the same frame, live, and not with "computing…".
 */
function firstStepIn(): Promise<void> {
  const shown = document.documentElement.hasAttribute('data-first-frame') && document.querySelector('.first-frame') !== null;
  takeover.fromFirstFrame = shown;
  const ready = (r: { trace: unknown; status: string }) => r.trace !== null || r.status === 'error';
  if (!shown || ready(useRun.getState())) return Promise.resolve();
  return new Promise((resolve) => {
    const go = () => {
      unsubscribe();
      clearTimeout(timer);
      resolve();
    };
    const unsubscribe = useRun.subscribe((r) => { if (ready(r)) go(); });
    // A worker that never answers mustn't leave the page a picture: it mounts, and says what it waits for.
    const timer = setTimeout(go, FIRST_STEP_LIMIT_MS);
  });
}

Promise.all([import('./app/mount'), firstStepIn()]).then(
  ([{ mount }]) => mount(document.getElementById('root')!, problems),
  (err: unknown) => {
    // The "Loading…" frame, not the first frame, must carry this message.
    document.documentElement.removeAttribute('data-first-frame');
    const status = document.getElementById('boot-status');
    if (!status) return;
    status.className = 'boot-status message message-error';
    status.setAttribute('role', 'alert');
    status.textContent = `The page could not load its script (${err instanceof Error ? err.message : String(err)}). Reload to try again.`;
  },
);
