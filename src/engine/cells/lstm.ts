/**
 * The LSTM layer, exactly as PyTorch's nn.LSTM (gate blocks i, f, g, o):
 *   i, f, o = σ(W x + b_i + U h + b_h)    g = tanh(…)
 *   c' = f ⊙ c + i ⊙ g                     h' = o ⊙ tanh(c')
 * Each stored value is rounded to float32 before the next equation reads them, so the trace's own
 * numbers satisfy the equations (c == fc + ig in float32), which is what the page shows.
 */
import { createMatVec } from '../kernels';
import { sigmoid, tanh } from '../math';
import type { LayerParams } from '../types';
import { combinedBias, type LayerOutputs, type LayerStepper } from './layer';

const f32 = Math.fround;

export function lstmLayer(p: LayerParams, H: number, inputs: number, h0: Float32Array, c0: Float32Array): LayerStepper {
  const G = 4 * H;
  // The two products of each step, prepared once: P = W x + b (both biases), R = U h.
  const Wx = createMatVec(p.weightIh, G, inputs, combinedBias(p.biasIh, p.biasHh, G, () => false));
  const Uh = createMatVec(p.weightHh, G, H, null);
  const h = Float32Array.from(h0);
  const c = Float32Array.from(c0);
  for (let j = 0; j < H; j++) Uh.v[j] = h[j];

  function run(X: Float32Array, xOff: number, steps: number, out: LayerOutputs): void {
    // Typed arrays out of their objects once, so the loops below see only local, monomorphic arrays.
    const { i_pre, f_pre, g_pre, o_pre, i: I, f: F, g: Gg, o: O, fc: FC, ig: IG, c: C, tanh_c: TC, h: Hs } = out;
    const x = Wx.v, P = Wx.out, hIn = Uh.v, R = Uh.out;
    for (let s = 0; s < steps; s++) {
      const xs = xOff + s * inputs;
      for (let k = 0; k < inputs; k++) x[k] = X[xs + k];
      Wx.apply();
      Uh.apply();
      const o = s * H;
      for (let j = 0; j < H; j++) {
        const ip = f32(P[j] + R[j]);
        const fp = f32(P[H + j] + R[H + j]);
        const gp = f32(P[2 * H + j] + R[2 * H + j]);
        const op = f32(P[3 * H + j] + R[3 * H + j]);
        const iv = f32(sigmoid(ip));
        const fv = f32(sigmoid(fp));
        const gv = f32(tanh(gp));
        const ov = f32(sigmoid(op));
        const fc = f32(fv * c[j]);
        const ig = f32(iv * gv);
        const cv = f32(fc + ig);
        const tc = f32(tanh(cv));
        const hv = f32(ov * tc);
        i_pre[o + j] = ip; f_pre[o + j] = fp; g_pre[o + j] = gp; o_pre[o + j] = op;
        I[o + j] = iv; F[o + j] = fv; Gg[o + j] = gv; O[o + j] = ov;
        FC[o + j] = fc; IG[o + j] = ig; C[o + j] = cv; TC[o + j] = tc; Hs[o + j] = hv;
        c[j] = cv;
        // Safe in place: this step's U h was taken before the loop. hIn is the next step's vector for U h.
        h[j] = hv;
        hIn[j] = hv;
      }
    }
  }

  return { run, h };
}
