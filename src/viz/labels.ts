/** Names of readout classes and input tokens, and of where a model's weights come from, as people read them. */
import { tokenLabel } from '../engine/inputs';
import type { Model } from '../engine/types';

/** A text model reads characters (one-hot over the vocabulary) and predicts the next one. */
export function isTextModel(model: Model | null): boolean {
  return model?.input.kind === 'onehot';
}

/**
 * The diagram's title part saying where the weights come from: 'untrained (seed 1)', or a trained
 * example's few words ('trained on short sentences'); null for a file's weights or unknown ones.
 */
export function weightsTitle(model: Model | null): string | null {
  const origin = model?.origin;
  if (origin?.kind === 'seeded') return `untrained (seed ${origin.seed})`;
  if (origin?.kind === 'trained') return origin.about;
  return null;
}

export function classLabel(model: Model | null, k: number): string {
  return isTextModel(model) ? `‘${tokenLabel(k)}’` : `class ${k}`;
}

/** The most likely class of a probability vector (the first of equals). */
export function topClass(probs: ArrayLike<number>): number {
  let best = 0;
  for (let k = 1; k < probs.length; k++) if (probs[k] > probs[best]) best = k;
  return best;
}
