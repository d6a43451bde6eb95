/**
 * The equations' notes on notation: what W, U and ⊙ are, where each symbol's PyTorch tensor is, and why a
 * hand check of the shown numbers can miss in the last digit (and the equation then says ≈); for the GRU,
 * which way round its blend's z is written, since Olah's article, where many students meet it, swaps it.
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
      {layout?.cell === 'gru' && (
        <p>
          The blend is PyTorch&apos;s (and Cho et al.&apos;s): h<sub>t</sub> = z<sub>t</sub> ⊙ h<sub>t−1</sub> + (1 − z<sub>t</sub>) ⊙ h′<sub>t</sub>,
          so an update gate near 1 keeps the old state. Olah&apos;s &ldquo;Understanding LSTM Networks&rdquo; writes z and
          1 − z the other way round, where z near 1 takes the candidate: the same cell, with its z standing for 1 − z here.
        </p>
      )}
      <p>
        A sum over more than 4 terms lists its 3 largest, each with its k beneath it (the column of W or U, the
        entry of the vector), and counts the rest. Terms that are 0 are counted, not listed: a one-hot input
        (a character) has one term that counts, and h<sub>0</sub> = 0 none. Every number is rounded to 3
        decimals from the engine&apos;s full-precision value, so adding the shown terms by hand can differ from
        the shown result in the last digit: where it does, the equation says ≈ there instead of =.
      </p>
    </details>
  );
}
