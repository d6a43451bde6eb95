/**
 * The GRU layer (gate blocks r, z, n), in both conventions:
 *   r, z = σ(W x + b_i + U h + b_h)
 *   'after'  (PyTorch/cuDNN, the default): n = tanh(W_n x + b_in + r ⊙ (U_n h + b_hn))
 *   'before' (Cho et al. 2014):            n = tanh(W_n x + b_in + U_n (r ⊙ h) + b_hn)
 *   h' = (1 − z) ⊙ n + z ⊙ h
 * Stored values are rounded to float32 before the next equation reads them.
 */
import { createMatVec } from '../kernels';
import { sigmoid, tanh } from '../math';
import type { GruReset, LayerParams } from '../types';
import { combinedBias, type LayerOutputs, type LayerStepper } from './layer';

const f32 = Math.fround;

export function gruLayer(p: LayerParams, H: number, inputs: number, h0: Float32Array, reset: GruReset): LayerStepper {
  const G = 3 * H;
  const after = reset === 'after';
  // b_hn is added inside the reset product when reset comes after it, so it stays out of the input projection.
  const Wx = createMatVec(p.weightIh, G, inputs, combinedBias(p.biasIh, p.biasHh, G, (r) => after && r >= 2 * H));
  // The recurrent products, prepared once. With reset after: U h + b_hn over all three blocks (b_hr, b_hz are
  // in Wx's bias). With reset before: U_rz h now, and U_n (r ⊙ h) once every r of the step is known.
  const hnBias = after && p.biasHh ? new Float64Array(G) : null;
  if (hnBias && p.biasHh) for (let r = 2 * H; r < G; r++) hnBias[r] = p.biasHh[r];
  const Uh = after ? createMatVec(p.weightHh, G, H, hnBias) : createMatVec(p.weightHh.subarray(0, 2 * H * H), 2 * H, H, null);
  const Un = after ? null : createMatVec(p.weightHh.subarray(2 * H * H, G * H), H, H, null);
  const h = Float32Array.from(h0);
  for (let j = 0; j < H; j++) Uh.v[j] = h[j];

  function run(X: Float32Array, xOff: number, steps: number, out: LayerOutputs): void {
    // Typed arrays out of their objects once, so the loops below see only local, monomorphic arrays.
    const { r_pre, z_pre, n_pre, r: Rs, z: Zs, n: Ns, omz: OMZ, zn: ZN, zh: ZH, h: Hs, hn: HN, rhn: RHN, rh: RH } = out;
    const x = Wx.v, P = Wx.out, hIn = Uh.v, R = Uh.out;
    // With reset before, r ⊙ h goes into Un's vector and the candidate's recurrent part comes out of Un.
    const rh = Un ? Un.v : null, Rn = Un ? Un.out : null;
    for (let s = 0; s < steps; s++) {
      const xs = xOff + s * inputs;
      for (let k = 0; k < inputs; k++) x[k] = X[xs + k];
      Wx.apply();
      Uh.apply();
      const o = s * H;
      for (let j = 0; j < H; j++) {
        const rp = f32(P[j] + R[j]);
        const zp = f32(P[H + j] + R[H + j]);
        const rv = f32(sigmoid(rp));
        r_pre[o + j] = rp; z_pre[o + j] = zp; Rs[o + j] = rv; Zs[o + j] = f32(sigmoid(zp));
        if (after) {
          const hn = f32(R[2 * H + j]);
          HN[o + j] = hn;
          RHN[o + j] = f32(rv * hn);
        } else if (rh) {
          const v = f32(rv * h[j]);
          rh[j] = v;
          RH[o + j] = v;
        }
      }
      if (Un) Un.apply();
      for (let j = 0; j < H; j++) {
        const inner = Rn ? Rn[j] : RHN[o + j];
        const np = f32(P[2 * H + j] + inner);
        const nv = f32(tanh(np));
        const zv = Zs[o + j];
        const omz = f32(1 - zv);
        const zn = f32(omz * nv);
        const zh = f32(zv * h[j]);
        const hv = f32(zn + zh);
        n_pre[o + j] = np; Ns[o + j] = nv; OMZ[o + j] = omz; ZN[o + j] = zn; ZH[o + j] = zh; Hs[o + j] = hv;
        h[j] = hv;
        hIn[j] = hv; // the next step's vector for U h
      }
    }
  }

  return { run, h };
}
