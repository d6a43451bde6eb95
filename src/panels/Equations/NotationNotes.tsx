/**
 * The equations' notes on notation: how the page's symbols map to Olah's "Understanding LSTM Networks",
 * where many students meet these cells (his concatenated [h, x] products, C̃ for the candidate, a GRU whose
 * z is written the other way round and whose reset comes before the product); what W, U and ⊙ are, and
 * where each symbol's PyTorch tensor is; and why a hand check of the shown numbers can miss in the last
 * digit (and the equation then says ≈).
 */
import type { TraceLayout } from '../../engine/trace';
import { DIGITS } from '../../viz/format';
import { MAX_TERMS } from './build';

const OLAH = <>Olah&apos;s &ldquo;Understanding LSTM Networks&rdquo;</>;

/** How this cell's equations read in Olah's article. */
function FromOlah({ layout }: { layout: TraceLayout | undefined }) {
  if (layout?.cell === 'lstm') {
    return (
      <p>
        Coming from {OLAH}: his W<sub>f</sub>·[h<sub>t−1</sub>, x<sub>t</sub>] is U<sub>f</sub> h<sub>t−1</sub> + W<sub>f</sub> x<sub>t</sub> here
        (his W<sub>f</sub> is U<sub>f</sub> and W<sub>f</sub> side by side), his C̃<sub>t</sub> is the candidate g<sub>t</sub>, and
        his C<sub>t</sub> is c<sub>t</sub>. The a in a<sup>f</sup><sub>t</sub> names the sum inside σ, the gate&apos;s pre-activation.
      </p>
    );
  }
  if (layout?.cell === 'gru') {
    return (
      <>
        <p>
          Coming from {OLAH}: his h̃<sub>t</sub> is the candidate h′<sub>t</sub>, and his W·[r<sub>t</sub> ∗ h<sub>t−1</sub>, x<sub>t</sub>] applies the
          reset before the product, Cho et al.&apos;s form: set Reset to &ldquo;before U·h&rdquo; to see his cell
          {layout.gruReset === 'after' ? ' (this one is PyTorch’s, the reset applied after it)' : ' (as now)'}.
        </p>
        <p>
          The blend is PyTorch&apos;s (and Cho et al.&apos;s): h<sub>t</sub> = z<sub>t</sub> ⊙ h<sub>t−1</sub> + (1 − z<sub>t</sub>) ⊙ h′<sub>t</sub>,
          so an update gate near 1 keeps the old state. Olah writes z and 1 − z the other way round, where z near
          1 takes the candidate: the same cell, with its z standing for 1 − z here.
        </p>
      </>
    );
  }
  return (
    <p>
      Coming from {OLAH}: this is his plain RNN, a repeating module with a single tanh layer and no gates
      {layout?.cell === 'rnn_relu' ? ' (here a ReLU in place of the tanh)' : ''}; his W·[h<sub>t−1</sub>, x<sub>t</sub>] is U h<sub>t−1</sub> + W x<sub>t</sub> here.
    </p>
  );
}

/** Where the PyTorch tensors behind W, U and b are, for this cell. */
function Tensors({ layout }: { layout: TraceLayout | undefined }) {
  const k = <i>k</i>;
  if (layout?.cell === 'lstm' || layout?.cell === 'gru') {
    return (
      <>
        Gate blocks are stacked in weight_ih_l{k} and weight_hh_l{k} in the order {layout.cell === 'lstm' ? 'i, f, g, o (the page lists the gates as the equations compute them, f first)' : 'r, z, n (n is the candidate h′)'},
        each H rows; a gate&apos;s b is bias_ih + bias_hh of its rows{layout.cell === 'gru' && layout.gruReset === 'after' ? ', except the candidate, whose b_hn stays inside the reset product' : ''}.
      </>
    );
  }
  return <>W is weight_ih_l{k} and U is weight_hh_l{k}, H rows each; b is bias_ih_l{k} + bias_hh_l{k}.</>;
}

/** `layer`: the layer shown, from 0 (above the first, W multiplies the h_t of the layer below). */
export function NotationNotes({ layout, layer }: { layout: TraceLayout | undefined; layer: number }) {
  const gated = layout?.cell === 'lstm' || layout?.cell === 'gru';
  return (
    <details className="eq-symbols">
      <summary>Notation: Olah&apos;s symbols, PyTorch&apos;s tensors</summary>
      <FromOlah layout={layout} />
      <p>
        W multiplies the input x<sub>t</sub>{layer > 0 ? <> (on this layer h<sub>t</sub><sup>({layer})</sup>, the h<sub>t</sub> of layer {layer} below)</> : ''}, U the previous hidden state h<sub>t−1</sub>
        {gated ? <>; ⊙ is the element-wise (Hadamard) product</> : ''}. Hover a W, U or b in an equation to see its PyTorch tensor; by keyboard, Tab to the
        equations, then ← → (or ↑ ↓) go from symbol to symbol, Home and End to the first and last, and Esc hides
        the tip. <Tensors layout={layout} />
      </p>
      <p>
        A sum over more than {MAX_TERMS} terms lists its {MAX_TERMS - 1} largest, each with its k beneath it (the column of W or U, the
        entry of the vector), and counts the rest. Terms that are 0 are counted, not listed: a one-hot input
        (a character) has one term that counts, and h<sub>0</sub> = 0 none. Every number is rounded to {DIGITS}
        decimals from the engine&apos;s full-precision value, so adding the shown terms by hand can differ from
        the shown result in the last digit: where it does, the equation says ≈ there instead of =.
      </p>
    </details>
  );
}
