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

/** Over the first frame, after this long without step 1, the frame's status says the engine is still starting. */
const SLOW_ENGINE_MS = 3000;
/** ...and after this long, the page mounts anyway: a worker that never answers mustn't leave a picture. */
const NO_ENGINE_MS = 20000;

/**
 * With the prerendered first frame on screen (see firstFrame.tsx), the page mounts once the worker's step 1
 * is in: its first commit then replaces that frame with the same frame, live, and not with "computing…".
 * A slow worker (a slow network, a busy machine) keeps the frame up, with a word in its status, rather
 * than trading it for "Starting the engine…" and back.
 */
function firstStepIn(): Promise<void> {
  const frame = document.documentElement.hasAttribute('data-first-frame') ? document.querySelector('.first-frame') : null;
  takeover.fromFirstFrame = frame !== null;
  const ready = (r: { trace: unknown; status: string }) => r.trace !== null || r.status === 'error';
  if (!frame || ready(useRun.getState())) return Promise.resolve();
  return new Promise((resolve) => {
    const go = () => {
      unsubscribe();
      clearTimeout(slow);
      clearTimeout(limit);
      resolve();
    };
    const unsubscribe = useRun.subscribe((r) => { if (ready(r)) go(); });
    const slow = setTimeout(() => {
      const status = frame.querySelector('.progress-text');
      if (status) status.textContent = 'Step 1 shown; starting the engine…';
    }, SLOW_ENGINE_MS);
    const limit = setTimeout(go, NO_ENGINE_MS);
  });
}

const bootFailed = (err: unknown) => window.gatescopeBootFailed?.(err instanceof Error ? err.message : String(err));

Promise.all([import('./app/mount'), firstStepIn()])
  .then(([{ mount }]) => mount(document.getElementById('root')!, problems))
  .catch(bootFailed);
