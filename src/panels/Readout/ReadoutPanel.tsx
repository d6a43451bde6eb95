/**
 * The readout at the cursor: the top-k classes of softmax(W_y h_t + b_y) as bars. It says when the
 * weights are random (a student would otherwise take the top bar for the model's real guess), and for
 * a text model which character really comes next: the target that training would push the bars towards.
 */
import { tokenLabel } from '../../engine/inputs';
import type { Trace } from '../../engine/trace';
import { usePlayback } from '../../state/playback';
import { useRun } from '../../state/run';
import { fmtValue } from '../../viz/format';
import { classLabel, isTextModel } from '../../viz/labels';
import { rankOf, weightsNote } from './readoutText';

const K = 5;

/** The character after step t in the text the model reads, from the trace's one-hot inputs. */
function NextInText({ trace, t, probs, nextIn }: { trace: Trace; t: number; probs: Float32Array; nextIn: boolean }) {
  const T = trace.layout.steps;
  if (t + 1 >= T) return <p className="readout-next">This is the last character: nothing follows it in the text.</p>;
  if (!nextIn) return <p className="readout-next">Next in the text: …</p>;
  const next = trace.row(trace.index('x'), t + 1).indexOf(1);
  return (
    <p className="readout-next">
      Next in the text: <b className="readout-target">‘{tokenLabel(next)}’</b>, which gets {fmtValue(probs[next])} (rank {rankOf(probs, next)} of {probs.length})
    </p>
  );
}

export function ReadoutPanel() {
  const trace = useRun((r) => r.trace);
  const model = useRun((r) => r.model);
  const t = usePlayback((p) => p.t);
  const ready = useRun((r) => t < r.filled);
  // Step t + 1 holds the next character (and its arrival implies step t's): subscribed to on its own, or
  // the line waited for a render that never came once step t was in (a new text streams its first step first).
  const nextIn = useRun((r) => t + 1 < r.filled);
  if (!trace) return null;
  const V = trace.layout.readoutSize;
  if (V === 0) {
    return (
      <section className="panel readout" aria-label="Readout">
        <h2 className="panel-title">Output ŷₜ</h2>
        <p className="muted">This model has no readout. Set “classes” above 0 to add softmax(W<sub>y</sub> hₜ + b<sub>y</sub>).</p>
      </section>
    );
  }
  const text = isTextModel(model);
  const note = weightsNote(model, text);
  const probs = ready ? trace.row(trace.index('probs'), t) : new Float32Array(V);
  const top = Array.from(probs.keys()).sort((a, b) => probs[b] - probs[a]).slice(0, Math.min(K, V));
  return (
    <section className="panel readout" aria-label="Readout">
      <h2 className="panel-title">Output ŷₜ = softmax(W<sub>y</sub> hₜ + b<sub>y</sub>) · top {top.length} of {V}</h2>
      {note && <p className="readout-note">{note}</p>}
      {text && <NextInText trace={trace} t={t} probs={probs} nextIn={nextIn} />}
      <ol className="bars">
        {top.map((k) => (
          <li key={k} className="bar-row">
            <span className="bar-label">{classLabel(model, k)}</span>
            <span className="bar-track"><span className="bar-fill" style={{ width: `${(100 * probs[k]).toFixed(1)}%` }} /></span>
            <span className="bar-value">{ready ? fmtValue(probs[k]) : '…'}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
