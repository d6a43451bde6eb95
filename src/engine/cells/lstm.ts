/**
 * The LSTM layer, exactly as PyTorch's nn.LSTM (gate blocks i, f, g, o):
 *   i, f, o = σ(W x + b_i + U h + b_h)    g = tanh(…)
 *   c' = f ⊙ c + i ⊙ g                     h' = o ⊙ tanh(c')
 * Each stored value is rounded to float32 before the next equation reads it, so the trace's own
 * numbers satisfy the equations (c == fc + ig in float32), which is what the page shows.
 */
import { matMulRows, matVec } from '../kernels';
import { sigmoid } from '../math';
import type { LayerParams } from '../types';
import { combinedBias, Scratch, type LayerOutputs, type LayerStepper } from './layer';

const f32 = Math.fround;

export function lstmLayer(p: LayerParams, H: number, inputs: number, h0: Float32Array, c0: Float32Array): LayerStepper {
  const G = 4 * H;
  const bias = combinedBias(p.biasIh, p.biasHh, G, () => false);
  const h = Float32Array.from(h0);
  const c = Float32Array.from(c0);
  const R = new Float64Array(G);
  const scratch = new Scratch();

  function run(X: Float32Array, xOff: number, steps: number, out: LayerOutputs): void {
    const P = scratch.get(steps * G);
    matMulRows(p.weightIh, G, inputs, X, xOff, steps, P, bias);
    const { i_pre, f_pre, g_pre, o_pre, i: I, f: F, g: Gg, o: O, fc: FC, ig: IG, c: C, tanh_c: TC, h: Hs } = out;
    for (let s = 0; s < steps; s++) {
      matVec(p.weightHh, H, h, 0, R, 0, 0, G, null);
      const pg = s * G;
      const o = s * H;
      for (let j = 0; j < H; j++) {
        const ip = f32(P[pg + j] + R[j]);
        const fp = f32(P[pg + H + j] + R[H + j]);
        const gp = f32(P[pg + 2 * H + j] + R[2 * H + j]);
        const op = f32(P[pg + 3 * H + j] + R[3 * H + j]);
        const iv = f32(sigmoid(ip));
        const fv = f32(sigmoid(fp));
        const gv = f32(Math.tanh(gp));
        const ov = f32(sigmoid(op));
        const fc = f32(fv * c[j]);
        const ig = f32(iv * gv);
        const cv = f32(fc + ig);
        const tc = f32(Math.tanh(cv));
        const hv = f32(ov * tc);
        i_pre[o + j] = ip; f_pre[o + j] = fp; g_pre[o + j] = gp; o_pre[o + j] = op;
        I[o + j] = iv; F[o + j] = fv; Gg[o + j] = gv; O[o + j] = ov;
        FC[o + j] = fc; IG[o + j] = ig; C[o + j] = cv; TC[o + j] = tc; Hs[o + j] = hv;
        c[j] = cv;
        h[j] = hv; // safe in place: this step's recurrent product R was taken before the loop
      }
    }
  }

  return { run, h };
}
