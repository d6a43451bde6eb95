/**
 * The equations' notes on notation: what W, U and ⊙ are, where each symbol's PyTorch tensor is, and why a
 * hand check of the shown numbers can miss in the last digit (and the equation then says ≈).
 */
import type { TraceLayout } from '../../engine/trace';

/** `layer`: the layer shown, from 0 (above the first, W multiplies the h_t of the layer below). */
export function NotationNotes({ layout, layer }: { layout: TraceLayout | undefined; layer: number }) {
  return (
    <details className="eq-symbols">
      <summary>Notation and PyTorch tensors</summary>
      <p>
        W multiplies the input x<sub>t</sub>{layer > 0 ? <> (on this layer h<sub>t</sub><sup>({layer})</sup>, the h<sub>t</sub> of layer {layer} below)</> : ''}, U the previous hidden state h<sub>t−1</sub>; ⊙ is the element-wise
        (Hadamard) product. Hover a W, U or b in an equation to see its PyTorch tensor; by keyboard, Tab to the
        equations, then ← → (or ↑ ↓) go from symbol to symbol, Home and End to the first and last, and Esc hides
        the tip. Gate blocks are stacked
        in weight_ih_l<i>k</i> and weight_hh_l<i>k</i> in the order {layout?.cell === 'lstm' ? 'i, f, g, o (the page lists the gates as the equations compute them, f first)' : layout?.cell === 'gru' ? 'r, z, n (n is the candidate h′)' : 'of a single block'},
        each H rows; a gate's b is bias_ih + bias_hh of its rows{layout?.cell === 'gru' && layout.gruReset === 'after' ? ', except the candidate, whose b_hn stays inside the reset product' : ''}.
      </p>
      <p>
        A sum over more than 4 terms lists its 3 largest, each with its k beneath it (the column of W or U, the
        entry of the vector). Every number is rounded to 3 decimals from the engine&apos;s full-precision value,
        so adding the shown terms by hand can differ from the shown result in the last digit: where it does, the
        equation says ≈ there instead of =.
      </p>
    </details>
  );
}
