/**
 * The vanilla RNN layer, PyTorch's nn.RNN: a = W x + b_ih + U h + b_hh, h' = tanh(a) or relu(a).
 * The contrast case: one block, no gates, nothing to protect the state from being rewritten.
 */
import { matMulRows, matVec } from '../kernels';
import type { LayerParams } from '../types';
import { combinedBias, Scratch, type LayerOutputs, type LayerStepper } from './layer';

const f32 = Math.fround;

export function rnnLayer(p: LayerParams, H: number, inputs: number, h0: Float32Array, relu: boolean): LayerStepper {
  const bias = combinedBias(p.biasIh, p.biasHh, H, () => false);
  const h = Float32Array.from(h0);
  const R = new Float64Array(H);
  const scratch = new Scratch();

  function run(X: Float32Array, xOff: number, steps: number, out: LayerOutputs): void {
    const P = scratch.get(steps * H);
    matMulRows(p.weightIh, H, inputs, X, xOff, steps, P, bias);
    const { a: A, h: Hs } = out;
    for (let s = 0; s < steps; s++) {
      matVec(p.weightHh, H, h, 0, R, 0, 0, H, null);
      const o = s * H;
      for (let j = 0; j < H; j++) {
        const a = f32(P[o + j] + R[j]);
        const hv = relu ? (a > 0 ? a : 0) : f32(Math.tanh(a));
        A[o + j] = a;
        Hs[o + j] = hv;
        h[j] = hv;
      }
    }
  }

  return { run, h };
}
