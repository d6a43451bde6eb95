/** What every recurrent layer offers the runner: run a few timesteps, keep its own state. */

/** This layer's series for one chunk, by name ('f', 'fc', 'h', …), each steps × H. */
export type LayerOutputs = Record<string, Float32Array>;

export interface LayerStepper {
  /**
   * Runs `steps` timesteps whose inputs are the rows of X (steps × inputs, from xOff) and writes every
   * series of the layer into `out`. The state carries over to the next call.
   */
  run(X: Float32Array, xOff: number, steps: number, out: LayerOutputs): void;
  /** h after the last step run (h0 before the first). */
  readonly h: Float32Array;
}

/** b_ih + b_hh for the rows where PyTorch adds both before the nonlinearity; null when there is no bias. */
export function combinedBias(
  biasIh: Float32Array | null,
  biasHh: Float32Array | null,
  rows: number,
  keepHhOut: (row: number) => boolean,
): Float64Array | null {
  if (!biasIh && !biasHh) return null;
  const b = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    b[r] = (biasIh ? biasIh[r] : 0) + (biasHh && !keepHhOut(r) ? biasHh[r] : 0);
  }
  return b;
}
