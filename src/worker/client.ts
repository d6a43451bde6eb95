/**
 * The page's side of the engine worker: sends runs, routes the answers of the newest run to the page,
 * drops answers of superseded runs, and restarts the worker (and says so) if it dies or hangs.
 */
import type { FromWorker, RunSpec, ToWorker } from './protocol';

/**
 * A run's worker silent this long is asked whether it is there ('ping'); silent as long again, it is
 * taken for hung (a loop that never ends) and replaced, as a dead one is. A streaming worker speaks every
 * few tens of ms, and a held one still answers at once, so only a hang lasts this long; the ping keeps a
 * page that was itself stopped (a laptop asleep, a debugger) from taking its own silence for the worker's.
 */
export const SILENCE_MS = 5000;

/**
 * A new worker silent this long with a run waiting is slow to start, and the page says so (once), but it
 * is left to load: its script may be coming over a slow network, and one that can't load reports an error.
 */
export const SLOW_START_MS = 15_000;
export const SLOW_START_NOTICE = `The engine has not started after ${SLOW_START_MS / 1000} s: its script may still be loading. If nothing changes, reload the page.`;

/** The part of the Worker interface the client uses, so that tests can pass a fake. */
export interface WorkerLike {
  postMessage(msg: ToWorker): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  onmessageerror: ((e: MessageEvent) => void) | null;
}

export interface ClientEvents {
  /** A message of the current run. */
  message(msg: FromWorker): void;
  /** Something the user should know about the engine (it died and was replaced, it is slow to start); null: the last notice no longer holds. */
  notice(text: string | null): void;
}

export class EngineClient {
  /** Null after workers kept dying before a word (see recover): the next run starts one again. */
  private worker: WorkerLike | null;
  private nextId = 1;
  private currentId = 0;
  private currentSpec: RunSpec | null = null;
  private restarts = 0;
  /** Whether the current worker has sent anything at all. */
  private answered = false;
  /** Whether any worker has: if none ever has, the engine never started. */
  private everAnswered = false;
  /** Workers in a row that died without a word. */
  private silentDeaths = 0;
  /** Fires after SILENCE_MS without a word from the worker while a run is in flight. */
  private watchdog: ReturnType<typeof setTimeout> | undefined;
  /** Whether the worker has been pinged since its last word. */
  private pinged = false;
  /** Whether the page was told the current worker is slow to start (taken back at its first word). */
  private slowSaid = false;

  constructor(
    private readonly spawn: () => WorkerLike,
    private readonly events: ClientEvents,
  ) {
    this.worker = this.start();
  }

  private start(): WorkerLike {
    const w = this.spawn();
    this.answered = false;
    this.pinged = false;
    this.slowSaid = false;
    // Each handler first checks that its worker is still the current one: a late event from a worker
    // already replaced must not count for, or take down, its successor.
    w.onmessage = (e) => {
      if (this.worker !== w) return;
      const msg = e.data;
      if (this.slowSaid) this.events.notice(null);
      this.slowSaid = false;
      this.answered = this.everAnswered = true;
      this.silentDeaths = 0;
      this.pinged = false;
      const current = msg.type !== 'pong' && msg.id === this.currentId; // else superseded, or no run's
      if (current && (msg.type === 'done' || msg.type === 'error')) this.currentSpec = null;
      this.watch(); // counts afresh from this word, or stops with the run
      if (!current) return;
      if (msg.type === 'done') this.restarts = 0; // healthy again: a later crash earns a retry too
      this.events.message(msg);
    };
    w.onerror = (e) => {
      e.preventDefault?.();
      if (this.worker === w) this.recover(e.message || 'the engine worker stopped');
    };
    w.onmessageerror = () => {
      if (this.worker === w) this.recover('a message from the engine worker could not be read');
    };
    return w;
  }

  /**
   * (Re)starts the watchdog's count from now while a run is in flight; stops it otherwise. A worker yet to
   * say its first word isn't taken for hung: it may still be loading its script over a slow network, and
   * one that can't load reports an error of its own. After SLOW_START_MS the page says it is waiting.
   */
  private watch(): void {
    clearTimeout(this.watchdog);
    if (!this.currentSpec || !this.worker) return;
    if (!this.answered) {
      if (!this.slowSaid) this.watchdog = setTimeout(() => { this.slowSaid = true; this.events.notice(SLOW_START_NOTICE); }, SLOW_START_MS);
      return;
    }
    this.watchdog = setTimeout(() => {
      if (!this.pinged) {
        this.pinged = true;
        this.worker?.postMessage({ type: 'ping', id: 0 });
        this.watch();
      } else {
        this.recover(`no answer in ${(2 * SILENCE_MS) / 1000} s`);
      }
    }, SILENCE_MS);
  }

  private recover(reason: string): void {
    clearTimeout(this.watchdog);
    this.worker?.terminate();
    this.restarts++;
    this.silentDeaths = this.answered ? 0 : this.silentDeaths + 1;
    const spec = this.currentSpec;
    const id = this.currentId;
    this.currentId = 0; // the new worker never heard of it: nothing to cancel
    // Two workers in a row that died before a word: most likely their script can't load (a tab left open
    // over a new version, a blocked file), and starting more would only ask for it again and again. None
    // is started until the next run.
    if (this.silentDeaths >= 2) {
      this.worker = null;
      this.currentSpec = null;
      this.restarts = 0; // the next run's worker is a fresh start, with its retry
      this.events.notice(null); // "…was restarted" no longer holds
      const what = this.everAnswered ? 'the engine stopped and could not be restarted' : 'the engine could not start';
      if (spec) this.events.message({ type: 'error', id, message: `${what} (${reason}). Reload the page to try again`, user: false });
      return;
    }
    this.worker = this.start();
    // Retry the interrupted run once; a run that kills the worker twice is reported, not looped on.
    if (spec && this.restarts <= 1) {
      this.events.notice(`The engine stopped (${reason}) and was restarted; running again.`);
      this.run(spec);
    } else {
      this.currentSpec = null;
      this.events.notice(`The engine stopped (${reason}) and was restarted.`);
      if (spec) this.events.message({ type: 'error', id, message: `the engine stopped while running this model (${reason})`, user: false });
    }
  }

  /**
   * Starts a run, superseding any run in flight. Returns its id. With `hold`, the worker stops after the
   * first few steps until resume() (see the protocol).
   */
  run(spec: RunSpec, hold = false): number {
    if (this.worker && this.currentId && this.currentSpec) this.worker.postMessage({ type: 'cancel', id: this.currentId });
    this.worker ??= this.start();
    const id = this.nextId++;
    this.currentId = id;
    this.currentSpec = spec;
    this.worker.postMessage({ type: 'run', id, spec, hold });
    this.watch();
    return id;
  }

  /** Lets a held run go on (nothing happens if it isn't the current run any more). */
  resume(id: number): void {
    if (id === this.currentId) this.worker?.postMessage({ type: 'resume', id });
  }

  /** Stops the current run, if any. */
  cancel(): void {
    if (this.currentId) this.worker?.postMessage({ type: 'cancel', id: this.currentId });
    this.currentId = 0;
    this.currentSpec = null;
    this.watch();
  }

  /** Tells the worker whether the user is busy with the page (scrubbing): its stream then rests longer. */
  pace(busy: boolean): void {
    this.worker?.postMessage({ type: 'pace', id: 0, busy });
  }

  dispose(): void {
    clearTimeout(this.watchdog);
    this.worker?.terminate();
  }
}
