/**
 * What a run spec must satisfy before anything is allocated for it, checked in one place: by the worker
 * (which must never trust a message) and by the page before it sends a run, so that a refused setting
 * doesn't stop the run on screen.
 */
import { characterName } from '../engine/codePoints';
import { validateConfig } from '../engine/init';
import { encodeText } from '../engine/inputs';
import { ModelError } from '../engine/model';
import { formatBytes, LIMITS } from '../engine/limits';
import { layerSeries, layoutOf, traceBytes, type TraceShape } from '../engine/trace';
import type { RunSpec } from './protocol';

/** The most characters a note lists by name; the rest are counted. */
const LISTED_CHARACTERS = 20;

/**
 * Throws ModelError saying what is wrong if the spec can't be run: its sizes, the memory its whole
 * trace would take, T × (I + layers · H · series + 2 · V) float32 values against the budget, and a
 * text with no character the model knows.
 */
export function checkRunSpec(spec: RunSpec): void {
  validateConfig(spec.model);
  const m = spec.model;
  if (spec.weights !== undefined && spec.weights !== 'trained') throw new ModelError(`weights must be random or trained, got ${JSON.stringify(spec.weights)}`);
  if (spec.weights === 'trained' && (spec.input.kind !== 'text' || m.input !== 'onehot')) {
    throw new ModelError('the trained models read text: trained weights need text input');
  }
  let T: number;
  if (spec.input.kind === 'text') {
    T = spec.input.text.length; // an upper bound: characters outside the vocabulary are skipped
  } else {
    T = spec.input.steps;
    if (!Number.isInteger(T) || T < 1 || T > LIMITS.steps) {
      throw new ModelError(`the sequence length T must be a whole number from 1 to ${LIMITS.steps}, got ${T}`);
    }
  }
  const shape: TraceShape = {
    cell: m.cell,
    gruReset: m.gruReset,
    numLayers: m.numLayers,
    hiddenSize: m.hiddenSize,
    inputSize: m.input === 'onehot' ? m.vocab : m.inputSize,
    readoutSize: m.readoutSize,
  };
  const series = layerSeries(m.cell, m.gruReset).length;
  const L = m.numLayers;
  /** Bytes kept per timestep with H units: the same layout the run will allocate. */
  const perStep = (H: number) => traceBytes(layoutOf({ ...shape, hiddenSize: H }, 1));
  const bytes = T * perStep(m.hiddenSize);
  if (bytes > spec.maxTraceBytes) {
    // What would fit, each size kept in turn: the user can change either. A step's bytes grow linearly with H.
    const maxT = Math.floor(spec.maxTraceBytes / perStep(m.hiddenSize));
    const maxH = Math.floor((spec.maxTraceBytes / T - perStep(0)) / (perStep(1) - perStep(0)));
    const n = (x: number) => x.toLocaleString('en-US');
    const layers = L > 1 ? ` × ${L} layers` : '';
    throw new ModelError(
      `this run would keep ${formatBytes(bytes)} of values (T = ${n(T)} steps × H = ${n(m.hiddenSize)} units${layers} × ${series} ` +
        `values per unit, one for each part the diagram draws); the limit is ${formatBytes(spec.maxTraceBytes)}. ` +
        (maxH >= 1 ? `With T = ${n(T)}, H can be at most ${n(maxH)}; with` : 'With') + ` H = ${n(m.hiddenSize)}, T can be at most ${n(maxT)}`,
    );
  }
  if (spec.input.kind === 'text' && encodeText(spec.input.text).tokens.length === 0) {
    throw new ModelError('the text has no characters the model knows; type some letters');
  }
}

/** The note for a text with capitals: the vocabulary has none, so they are read as lower case. */
export const LOWERED_NOTE = 'Capitals read as lower case: the vocabulary has only lower-case letters.';

/**
 * The note for characters a text model skipped: the first few by name, then how many more. Each name is
 * a bidi isolate (FSI … PDI): right-to-left letters (Hebrew, Arabic) had run together with the spaces
 * and quotes between them, and were shown in the reverse of their order in the text.
 */
export function skippedNote(unknown: readonly string[]): string {
  const listed = unknown.slice(0, LISTED_CHARACTERS).map((ch) => `\u2068${characterName(ch)}\u2069`).join(' ');
  const more = unknown.length - LISTED_CHARACTERS;
  return `Skipped characters outside the vocabulary: ${listed}${more > 0 ? ` and ${more} more` : ''}`;
}
