/**
 * What the readout says beside its bars: whether the weights behind them were trained, and for a text
 * model the character that actually comes next, i.e. what training would push the prediction towards.
 */
import type { Model } from '../../engine/types';

/**
 * What the predictions are worth: a warning that they mean nothing, for a model whose weights are known to
 * be random; for a trained example, what it was trained on and how well it does; null when the weights
 * come from a file (they may be trained) or their origin is unknown.
 */
export function weightsNote(model: Model | null, text: boolean): string | null {
  if (model?.origin?.kind === 'trained') return model.origin.training;
  if (model?.origin?.kind !== 'seeded') return null;
  const what = text ? 'these next-character guesses' : 'these class probabilities';
  // The gates too: a student reads gates that hover mid-way as what LSTMs do, not as what random weights do.
  // And where to see what training does: the trained examples read text.
  const see = text ? 'Weights: trained shows a model that was.' : 'A text model with Weights: trained shows one that was.';
  return `The weights are random (seed ${model.origin.seed}) and untrained, so ${what} carry no meaning, and the gates seldom open or close fully: training is what does that. ${see}`;
}

/** The rank of class k in a probability vector: 1 for the most likely (equals share the better rank). */
export function rankOf(probs: ArrayLike<number>, k: number): number {
  let above = 0;
  for (let j = 0; j < probs.length; j++) if (probs[j] > probs[k]) above++;
  return above + 1;
}
