/**
 * The typed messages between the page and the engine worker. Every request carries an id; a newer
 * request supersedes older ones, and every answer names the request it belongs to.
 */
import type { ModelConfig } from '../engine/init';
import type { SignalKind } from '../engine/inputs';
import type { TraceChunk, TraceInitial, TraceLayout } from '../engine/trace';
import type { Model } from '../engine/types';
import type { KernelKind } from '../engine/kernels';

/** Where the input sequence comes from. */
export type InputSpec =
  /** A seeded synthetic signal of `steps` timesteps (dense input). */
  | { kind: 'signal'; signal: SignalKind; steps: number }
  /** Text over the engine's VOCAB (one-hot or embedded input). */
  | { kind: 'text'; text: string };

/** One run: a freshly initialised model (or the trained example of its cell) and its input. */
export interface RunSpec {
  /** The model to build; with trained weights, the sizes the trained model must have. */
  model: ModelConfig;
  /** 'trained': the weights of the cell's trained example model (public/presets) in place of seeded ones. */
  weights?: 'trained';
  /** Seed for the weights and the synthetic input. */
  seed: number;
  /** The input sequence. */
  input: InputSpec;
  /** The page's memory budget for the trace; a run that needs more is refused before allocating. */
  maxTraceBytes: number;
}

/** A held run stops once this many steps are out: enough to step through before the stream resumes. */
export const HELD_STEPS = 8;

export type ToWorker =
  /**
   * Start a run. With `hold`, the worker sends the first few steps (step 1 alone first), then waits for
   * 'resume': at page start-up, step 1 gets drawn without the rest of the run competing for the CPU.
   */
  | { type: 'run'; id: number; spec: RunSpec; hold?: boolean }
  /** Go on with a held run. */
  | { type: 'resume'; id: number }
  | { type: 'cancel'; id: number }
  /** The user is scrubbing (busy) or done: the stream rests longer between chunks meanwhile. No run's: id 0. */
  | { type: 'pace'; id: 0; busy: boolean }
  /** Are you there? Sent by the page's watchdog after a silence; answered at once with 'pong'. */
  | { type: 'ping'; id: 0 };

export type FromWorker =
  /** The run is valid and starting; the page allocates its trace from `layout`. */
  | { type: 'start'; id: number; layout: TraceLayout; initial: TraceInitial; model: Model; notes: string[]; kernel: KernelKind }
  /** The next timesteps; `chunk.data` buffers are transferred, not copied. */
  | { type: 'chunk'; id: number; chunk: TraceChunk; elapsedMs: number }
  /** Every timestep has been sent. */
  | { type: 'done'; id: number; elapsedMs: number }
  /** The run was refused or failed; `user` says whether the message is about the user's input. */
  | { type: 'error'; id: number; message: string; user: boolean }
  /** The answer to 'ping': the worker's event loop is free, whatever its run is doing. */
  | { type: 'pong'; id: 0 };
