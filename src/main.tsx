/**
 * The page's entry, kept small on purpose: it reads the URL, starts the engine worker and sends the first
 * run before the rest of the page (react-dom, d3, the panels) has even been evaluated, so that the worker
 * starts and computes while the page is still being built. (React itself is here: the stores need it.)
 */
import { applyUrl, syncUrl } from './app/urlState';
import { startEngineBridge } from './app/engineBridge';
import { effectiveTheme, markDocument } from './app/theme';
import { useView } from './state/view';
import { useRun, whenRun } from './state/run';
import { takeover } from './app/prerendering';

/** Over the first frame, after this long without the live page, its status says what the page still waits for. */
const SLOW_MS = 3000;
/** Over the first frame, after this long without step 1, the page mounts anyway: a worker that never answers mustn't leave a picture. */
const NO_ENGINE_MS = 20000;

/**
 * With the prerendered first frame on screen (see firstFrame.tsx), the page mounts once the worker's step 1
 * is in: its first commit then replaces that frame with the same frame, live, and not with "computing…".
 * A slow worker (a slow network, a busy machine) keeps the frame up rather than trading it for "Starting
 * the engine…" and back.
 */
function firstStepIn(frame: Element | null): Promise<void> {
  if (!frame) return Promise.resolve();
  return new Promise((resolve) => { whenRun((r) => r.trace !== null || r.status === 'error', NO_ENGINE_MS, () => resolve()); });
}

/**
 * A first frame still up after SLOW_MS says what the page waits for: the engine's step 1, or then its own
 * code. In the frame's status line (short: a long one would wrap on a phone and push the page down), and
 * in the placeholder's, which screen readers hear (the frame is inert, so hidden from them).
 */
function sayWhatIsSlow(frame: Element): void {
  // Not once the page is up (React replaced the frame), nor over the message of a page that couldn't start.
  const waiting = () => frame.isConnected && !document.documentElement.hasAttribute('data-boot-failed');
  const say = () => {
    const { trace, status } = useRun.getState();
    const text = trace || status === 'error' ? 'Loading the page…' : 'Starting the engine…';
    for (const el of [frame.querySelector('.progress-text'), document.getElementById('boot-status')]) if (el) el.textContent = text;
  };
  setTimeout(() => {
    if (!waiting()) return;
    say();
    const unsubscribe = useRun.subscribe(() => (waiting() ? say() : unsubscribe()));
  }, SLOW_MS);
}

/** Stops the engine started for the page (nothing before it starts). */
let stopEngine = () => {};

/** Reads the URL, starts the engine, and mounts the page (over the first frame, once step 1 is in). */
function start(): Promise<void> {
  const problems = applyUrl(location.search, location.hash);
  // A theme or lecture view asked for in the URL applies to the placeholder in index.html too.
  const { theme, lecture } = useView.getState();
  markDocument(effectiveTheme(theme), lecture);
  stopEngine = startEngineBridge();
  syncUrl();
  const frame = document.documentElement.hasAttribute('data-first-frame') ? document.querySelector('.first-frame') : null;
  takeover.fromFirstFrame = frame !== null;
  if (frame) sayWhatIsSlow(frame);
  return Promise.all([import('./app/mount'), firstStepIn(frame)])
    .then(([{ mount }]) => {
      // A file of the page's that failed to load (boot.js said which) leaves its message up, not a broken page,
      // and no engine computing a run that no one will see.
      if (document.documentElement.hasAttribute('data-boot-failed')) stopEngine();
      else mount(document.getElementById('root')!, problems);
    });
}

// Whatever stops the page as it starts (a chunk that doesn't load, a browser that refuses a worker) is
// said in the placeholder (public/boot.js), in place of the first frame, which would otherwise stay up dead.
new Promise<void>((resolve) => resolve(start())).catch((err: unknown) => {
  stopEngine();
  window.gatescopeBootFailed?.(err instanceof Error ? err.message : String(err));
});
