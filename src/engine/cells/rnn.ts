/**
 * The vanilla RNN layer, PyTorch's nn.RNN: a = W x + b_ih + U h + b_hh, h' = tanh(a) or relu(a).
 * The contrast case: one block, no gates, nothing to protect the state from being rewritten.
 */
import { createMatVec } from '../kernels';
import { tanh } from '../math';
import type { LayerParams } from '../types';
import { combinedBias, type LayerOutputs, type LayerStepper } from './layer';

const f32 = Math.fround;

export function rnnLayer(p: LayerParams, H: number, inputs: number, h0: Float32Array, relu: boolean): LayerStepper {
  // The two products of each step, prepared once: P = W x + b (both biases), R = U h.
  const Wx = createMatVec(p.weightIh, H, inputs, combinedBias(p.biasIh, p.biasHh, H, () => false));
  const Uh = createMatVec(p.weightHh, H, H, null);
  const h = Float32Array.from(h0);
  for (let j = 0; j < H; j++) Uh.v[j] = h[j];

  function run(X: Float32Array, xOff: number, steps: number, out: LayerOutputs): void {
    const { a: A, h: Hs } = out;
    const x = Wx.v, P = Wx.out, hIn = Uh.v, R = Uh.out;
    for (let s = 0; s < steps; s++) {
      const xs = xOff + s * inputs;
      for (let k = 0; k < inputs; k++) x[k] = X[xs + k];
      Wx.apply();
      Uh.apply();
      const o = s * H;
      for (let j = 0; j < H; j++) {
        const a = f32(P[j] + R[j]);
        const hv = relu ? (a > 0 ? a : 0) : f32(tanh(a));
        A[o + j] = a;
        Hs[o + j] = hv;
        h[j] = hv;
        hIn[j] = hv; // safe in place: this step's U h was taken before the loop
      }
    }
  }

  return { run, h };
}
