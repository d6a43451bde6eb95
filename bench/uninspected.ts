/**
 * The first timestep on screen in a tab that no DevTools session watches while it loads, as in a user's
 * browser. Playwright attaches to every page it opens and enables the Runtime domain there; V8 then
 * records a detailed stack trace for every Error created, in case it is thrown uncaught, and react-dom
 * creates several as its module loads: V8 re-parses the page chunk's top level for their source
 * positions, 40–60 ms of main thread in our traces that no user pays.
 *
 * So these loads drive a Chromium of their own over a DevTools pipe that is attached only to the browser:
 * each page is opened with Target.createTarget and attached to only after it has painted, to read its
 * buffered Element Timing entry. Every other load is attached to at once, with Runtime enabled, as
 * Playwright does: the difference between the two is DevTools' cost, measured in the same moments. (Its
 * tabs come up otherwise than Playwright's pages, and slower on these machines: compare its two figures
 * with each other, not with Playwright's.)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

/** A DevTools protocol connection over --remote-debugging-pipe (messages end with a NUL byte). */
function pipeSession(toBrowser: Writable, fromBrowser: Readable) {
  let nextId = 1;
  let buffered = '';
  const pending = new Map<number, { resolve: (r: unknown) => void; reject: (e: Error) => void }>();
  fromBrowser.on('data', (d: Buffer) => {
    buffered += d.toString();
    for (let end = buffered.indexOf('\0'); end >= 0; end = buffered.indexOf('\0')) {
      const msg = JSON.parse(buffered.slice(0, end)) as { id?: number; result?: unknown; error?: { message: string } };
      buffered = buffered.slice(end + 1);
      const waiter = msg.id === undefined ? undefined : pending.get(msg.id);
      if (!waiter) continue; // an event: none is asked for
      pending.delete(msg.id!);
      if (msg.error) waiter.reject(new Error(msg.error.message));
      else waiter.resolve(msg.result);
    }
  });
  return function send<T>(method: string, params: object = {}, sessionId?: string): Promise<T> {
    const id = nextId++;
    toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    return new Promise<T>((resolve, reject) => pending.set(id, { resolve: resolve as (r: unknown) => void, reject }));
  };
}

/**
 * `n` loads of `url` each way, interleaved: with no DevTools attached, and attached from the start.
 * `onScreen` is an expression that resolves to the paint time of the first timestep (buffered entries).
 */
export async function uninspectedLoads(exe: string, flags: string[], url: string, onScreen: string, n: number) {
  const profile = mkdtempSync(join(tmpdir(), 'gatescope-uninspected-'));
  const chrome = spawn(exe, [
    ...flags,
    // What Playwright passes too, so that only the DevTools session differs from its loads.
    '--headless', '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows', '--disable-background-timer-throttling',
    '--remote-debugging-pipe', '--window-size=1280,720', `--user-data-dir=${profile}`, 'about:blank',
  ], { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
  const send = pipeSession(chrome.stdio[3] as Writable, chrome.stdio[4] as Readable);
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const clean: number[] = [];
  const inspected: number[] = [];
  try {
    // The first of each kind warms the browser up (its first tab, its caches) and is not counted.
    for (let i = 0; i < 2 * (n + 1); i++) {
      const watched = i % 2 === 1;
      const { targetId } = await send<{ targetId: string }>('Target.createTarget', { url });
      let sessionId: string | undefined;
      if (watched) {
        sessionId = (await send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true })).sessionId;
        await send('Runtime.enable', {}, sessionId);
      }
      await sleep(2500); // painted long before; the page's first run streams on meanwhile
      sessionId ??= (await send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true })).sessionId;
      const r = await send<{ result: { value?: number }; exceptionDetails?: { text: string } }>(
        'Runtime.evaluate', { expression: onScreen, awaitPromise: true, returnByValue: true }, sessionId);
      await send('Target.closeTarget', { targetId });
      if (r.exceptionDetails || typeof r.result.value !== 'number') throw new Error(`no first timestep in ${url}: ${r.exceptionDetails?.text ?? 'no value'}`);
      if (i >= 2) (watched ? inspected : clean).push(r.result.value);
      await sleep(300);
    }
  } finally {
    if (chrome.exitCode === null) {
      const exited = new Promise((r) => chrome.once('exit', r));
      // Closed as a browser (its helper processes with it), killed only if that doesn't happen soon.
      void send('Browser.close').catch(() => {});
      const timer = setTimeout(() => chrome.kill(), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }
  return { clean, inspected };
}
