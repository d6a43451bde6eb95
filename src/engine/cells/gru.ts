/**
 * The GRU layer (gate blocks r, z, n), in both conventions:
 *   r, z = σ(W x + b_i + U h + b_h)
 *   'after'  (PyTorch/cuDNN, the default): n = tanh(W_n x + b_in + r ⊙ (U_n h + b_hn))
 *   'before' (Cho et al. 2014):            n = tanh(W_n x + b_in + U_n (r ⊙ h) + b_hn)
 *   h' = (1 − z) ⊙ n + z ⊙ h
 * Stored values are rounded to float32 before the next equation reads them.
 */
import { matMulRows, matVec } from '../kernels';
import { sigmoid } from '../math';
import type { GruReset, LayerParams } from '../types';
import { combinedBias, Scratch, type LayerOutputs, type LayerStepper } from './layer';

const f32 = Math.fround;

export function gruLayer(p: LayerParams, H: number, inputs: number, h0: Float32Array, reset: GruReset): LayerStepper {
  const G = 3 * H;
  // b_hn is added inside the reset product when reset comes after it, so it stays out of the input projection.
  const bias = combinedBias(p.biasIh, p.biasHh, G, (r) => reset === 'after' && r >= 2 * H);
  // With reset after, the recurrent product carries b_hn (and only b_hn: b_hr, b_hz are in `bias`).
  const hnBias = reset === 'after' && p.biasHh ? new Float64Array(G) : null;
  if (hnBias && p.biasHh) for (let r = 2 * H; r < G; r++) hnBias[r] = p.biasHh[r];
  const h = Float32Array.from(h0);
  const R = new Float64Array(G);
  const rh = new Float32Array(H);
  const scratch = new Scratch();

  function run(X: Float32Array, xOff: number, steps: number, out: LayerOutputs): void {
    const P = scratch.get(steps * G);
    matMulRows(p.weightIh, G, inputs, X, xOff, steps, P, bias);
    const { r_pre, z_pre, n_pre, r: Rs, z: Zs, n: Ns, omz: OMZ, zn: ZN, zh: ZH, h: Hs } = out;
    for (let s = 0; s < steps; s++) {
      const pg = s * G;
      const o = s * H;
      if (reset === 'after') {
        matVec(p.weightHh, H, h, 0, R, 0, 0, G, hnBias);
      } else {
        matVec(p.weightHh, H, h, 0, R, 0, 0, 2 * H, null);
      }
      for (let j = 0; j < H; j++) {
        const rp = f32(P[pg + j] + R[j]);
        const zp = f32(P[pg + H + j] + R[H + j]);
        const rv = f32(sigmoid(rp));
        r_pre[o + j] = rp; z_pre[o + j] = zp; Rs[o + j] = rv; Zs[o + j] = f32(sigmoid(zp));
        if (reset === 'after') {
          const hn = f32(R[2 * H + j]);
          out.hn[o + j] = hn;
          out.rhn[o + j] = f32(rv * hn);
        } else {
          rh[j] = f32(rv * h[j]);
          out.rh[o + j] = rh[j];
        }
      }
      // Reset-before needs every r ⊙ h before the candidate's recurrent product can start.
      if (reset === 'before') matVec(p.weightHh, H, rh, 0, R, 0, 2 * H, G, null);
      for (let j = 0; j < H; j++) {
        const inner = reset === 'after' ? out.rhn[o + j] : R[2 * H + j];
        const np = f32(P[pg + 2 * H + j] + inner);
        const nv = f32(Math.tanh(np));
        const zv = Zs[o + j];
        const omz = f32(1 - zv);
        const zn = f32(omz * nv);
        const zh = f32(zv * h[j]);
        const hv = f32(zn + zh);
        n_pre[o + j] = np; Ns[o + j] = nv; OMZ[o + j] = omz; ZN[o + j] = zn; ZH[o + j] = zh; Hs[o + j] = hv;
        h[j] = hv;
      }
    }
  }

  return { run, h };
}
