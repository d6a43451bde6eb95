/**
 * The sequences the page can feed a model: seeded signals for real-valued input, and text over a fixed
 * character vocabulary for one-hot input. Pure and deterministic, like the rest of the engine.
 */
import { createRng } from './rng';

/** Shapes of real-valued input a student can pick. */
export type SignalKind = 'sine' | 'steps' | 'pulses' | 'noise';

export const SIGNAL_KINDS: readonly SignalKind[] = ['sine', 'steps', 'pulses', 'noise'];

/** T × I values, row-major: a signal with its own period, level or spike train per input dimension. */
export function makeSignal(kind: SignalKind, steps: number, dims: number, seed: number): Float32Array {
  const rng = createRng(seed ^ 0x5eed);
  const x = new Float32Array(steps * dims);
  // One loop per kind rather than a switch per value: this runs once per page load, before V8 has
  // optimised anything, and the plain loop is the quick one then.
  for (let k = 0; k < dims; k++) {
    const period = 12 + 40 * rng.next();
    const phase = 2 * Math.PI * rng.next();
    let level = rng.uniform(-1, 1);
    switch (kind) {
      case 'sine':
        for (let t = 0; t < steps; t++) x[t * dims + k] = Math.sin((2 * Math.PI * t) / period + phase);
        break;
      case 'steps':
        for (let t = 0; t < steps; t++) {
          if (rng.next() < 1 / 20) level = rng.uniform(-1, 1);
          x[t * dims + k] = level;
        }
        break;
      case 'pulses':
        for (let t = 0; t < steps; t++) x[t * dims + k] = rng.next() < 0.06 ? (rng.next() < 0.5 ? -1 : 1) : 0;
        break;
      case 'noise':
        for (let t = 0; t < steps; t++) x[t * dims + k] = rng.normal();
        break;
    }
  }
  return x;
}

/** The characters a text model reads and predicts. Index = token id; the first is the space. */
export const VOCAB = " abcdefghijklmnopqrstuvwxyz0123456789.,;:!?'-\n";

/**
 * Token ids of a text, lower-cased; characters outside VOCAB are returned separately, not guessed at.
 * `lowered` says whether any upper-case letter was read as its lower case, so that the page can say so.
 */
export function encodeText(text: string): { tokens: Int32Array; unknown: string[]; lowered: boolean } {
  const ids: number[] = [];
  const unknown = new Set<string>();
  let lowered = false;
  for (const original of text) {
    // Per character, not text.toLowerCase(): some letters lower to two (U+0130 to i and a combining dot).
    for (const ch of original.toLowerCase()) {
      const id = VOCAB.indexOf(ch);
      if (id >= 0) {
        ids.push(id);
        if (ch !== original) lowered = true;
      } else unknown.add(ch);
    }
  }
  return { tokens: Int32Array.from(ids), unknown: [...unknown], lowered };
}

/** A token as a person reads it: the space and the newline made visible. */
export function tokenLabel(id: number): string {
  const ch = VOCAB[id] ?? '?';
  return ch === ' ' ? '␣' : ch === '\n' ? '⏎' : ch;
}
