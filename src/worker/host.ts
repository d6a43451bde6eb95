/**
 * The worker's logic, independent of worker globals so that it runs (and is tested) in Node too:
 * build the model and the input, then compute and post the trace in chunks sized to ~12 ms of work (step 1
 * alone first), yielding between chunks so that a newer request or a cancel is seen at once.
 */
import { initModel } from '../engine/init';
import { encodeText, makeSignal } from '../engine/inputs';
import { ModelError } from '../engine/model';
import { createRunner } from '../engine/run';
import { kernelKind } from '../engine/kernels';
import { CELL_NAMES, type CellKind, type InputSequence, type Model } from '../engine/types';
import { HELD_STEPS, type FromWorker, type RunSpec, type ToWorker } from './protocol';
import { checkRunSpec, LOWERED_NOTE, skippedNote } from './spec';

/** Work per chunk: long enough to amortise messaging, short enough that the page sees progress each frame. */
const CHUNK_TARGET_MS = 12;
/** Step 1 goes out alone, so that it is on screen as soon as it can be. */
const FIRST_CHUNK_STEPS = 1;

export type Post = (msg: FromWorker, transfer?: Transferable[]) => void;

/**
 * How long the stream rests after each chunk (about CHUNK_TARGET_MS of work) on a machine with this many
 * logical cores. With two or fewer, the worker streaming flat out holds one core while the page's main
 * thread shares the other with the compositor and the browser, so that its tasks, under 20 ms of work,
 * waited for a core long enough to last over 50 ms. Measured in loads of LSTM H = 128, T = 10,000 on two
 * cores, loads with such a task: 9 of 40 without a rest, 4 of 80 with 4 ms, 0 of 80 with 8 ms. The
 * stream takes about a sixth longer for the 8 ms than for the 4 ms (775 against 660 ms).
 */
export function restAfterChunkMs(cores: number, busy = false): number {
  // While the user drags the timeline, the page's frames come first on any machine: the stream takes a
  // quarter of a core. Measured on two cores in a drag during H = 150, T = 100,000: the engine's CPU fell
  // from 2.9 to 1.25 s in 6.5 s, and the main thread's wait for a core from 0.8–1.2 to 0.5–0.6 ms per ms run.
  if (busy) return 3 * CHUNK_TARGET_MS;
  return cores <= 2 ? 8 : 0;
}

/** Loads the trained example model of a cell (see trainedModels.ts); absent, a run that asks for one fails. */
export type LoadTrained = (cell: CellKind) => Promise<Model>;

/**
 * Builds what a spec asks for, or throws ModelError saying what is wrong. `trained`: the cell's trained
 * model, for a spec with trained weights (loaded beforehand: loading is asynchronous, building isn't).
 */
export function buildRun(spec: RunSpec, trained?: Model): { model: Model; seq: InputSequence; notes: string[] } {
  const notes: string[] = [];
  checkRunSpec(spec);
  let model: Model;
  if (spec.weights === 'trained') {
    if (!trained) throw new Error('the trained model was not loaded before the run was built');
    const m = spec.model;
    const describe = (cell: CellKind, H: number, L: number) => `${CELL_NAMES[cell].a} with H = ${H} and ${L} layer${L > 1 ? 's' : ''}`;
    if (trained.cell !== m.cell || trained.hiddenSize !== m.hiddenSize || trained.layers.length !== m.numLayers) {
      throw new ModelError(`the trained model is ${describe(trained.cell, trained.hiddenSize, trained.layers.length)} reading characters; the run asked for ${describe(m.cell, m.hiddenSize, m.numLayers)}`);
    }
    model = trained;
  } else {
    model = initModel(spec.model, spec.seed);
  }
  let seq: InputSequence;
  if (spec.input.kind === 'text') {
    const { tokens, unknown, lowered } = encodeText(spec.input.text);
    if (unknown.length > 0) notes.push(skippedNote(unknown));
    if (lowered) notes.push(LOWERED_NOTE);
    seq = { kind: 'tokens', tokens };
  } else {
    const T = spec.input.steps;
    seq = { kind: 'dense', steps: T, values: makeSignal(spec.input.signal, T, model.inputSize, spec.seed) };
  }
  return { model, seq, notes };
}

const noTrainedModels: LoadTrained = () => Promise.reject(new ModelError('no trained models here'));

export function createEngineHost(post: Post, yieldToEvents: () => Promise<void>, now: () => number, loadTrained: LoadTrained = noTrainedModels) {
  let current = 0;
  /** Wakes the run held after its first steps (for 'resume', or for a newer request: it then stops). */
  let release: (() => void) | null = null;
  /** The run told to go on (a 'resume' may arrive before its first steps are out). */
  let resumed = 0;
  const wake = () => {
    release?.();
    release = null;
  };

  async function run(id: number, spec: RunSpec, hold: boolean): Promise<void> {
    let started = now();
    try {
      let trained: Model | undefined;
      if (spec.weights === 'trained') {
        checkRunSpec(spec); // before a file is asked for
        trained = await loadTrained(spec.model.cell);
      }
      if (id !== current) return; // superseded while the file loaded
      const { model, seq, notes } = buildRun(spec, trained);
      const runner = createRunner(model, seq);
      post({ type: 'start', id, layout: runner.layout, initial: runner.initial, model, notes, kernel: kernelKind() });
      let steps = FIRST_CHUNK_STEPS;
      while (!runner.done) {
        const t0 = now();
        const chunk = runner.next(steps);
        const ms = now() - t0;
        // The series are views into one buffer; a transfer list must name each buffer once.
        post({ type: 'chunk', id, chunk, elapsedMs: now() - started }, [...new Set(chunk.data.map((d) => d.buffer))]);
        // Aim the next chunk at the target duration, growing at most 4× at a time.
        const perStep = Math.max(ms, 0.01) / chunk.steps;
        steps = Math.max(1, Math.min(steps * 4, Math.floor(CHUNK_TARGET_MS / perStep)));
        if (hold && chunk.t0 < HELD_STEPS && chunk.t0 + chunk.steps >= HELD_STEPS && !runner.done && resumed !== id) {
          const heldFrom = now();
          await new Promise<void>((r) => (release = r));
          started += now() - heldFrom; // the run's time is the engine's: the wait isn't part of it
        }
        await yieldToEvents();
        if (id !== current) return; // superseded or cancelled
      }
      post({ type: 'done', id, elapsedMs: now() - started });
    } catch (err) {
      const user = err instanceof ModelError;
      const message = err instanceof Error ? err.message : String(err);
      post({ type: 'error', id, message: user ? message : `internal error: ${message}`, user });
    }
  }

  return {
    handle(msg: ToWorker): void {
      switch (msg.type) {
        case 'resume':
          resumed = msg.id;
          if (msg.id === current) wake();
          return;
        case 'cancel':
          if (msg.id === current) {
            current = 0;
            wake();
          }
          return;
        case 'pace':
          return; // the worker's scope sets its rest (restAfterChunkMs); nothing for a run to do
        case 'ping':
          post({ type: 'pong', id: 0 });
          return;
        case 'run':
          current = msg.id;
          wake();
          void run(msg.id, msg.spec, msg.hold ?? false);
      }
    },
  };
}
