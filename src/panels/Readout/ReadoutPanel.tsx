/** The readout at the cursor: the top-k classes of softmax(W_y h_t + b_y) as bars. */
import { usePlayback } from '../../state/playback';
import { useRun } from '../../state/run';
import { fmtValue } from '../../viz/format';
import { classLabel } from '../../viz/labels';

const K = 5;

export function ReadoutPanel() {
  const trace = useRun((r) => r.trace);
  const model = useRun((r) => r.model);
  const t = usePlayback((p) => p.t);
  const ready = useRun((r) => t < r.filled);
  if (!trace) return null;
  const V = trace.layout.readoutSize;
  if (V === 0) {
    return (
      <section className="panel readout" aria-label="Readout">
        <h2 className="panel-title">Output ŷₜ</h2>
        <p className="muted">This model has no readout. Set “classes” above 0 to add softmax(W_y hₜ + b_y).</p>
      </section>
    );
  }
  const probs = ready ? trace.row(trace.index('probs'), t) : new Float32Array(V);
  const top = Array.from(probs.keys()).sort((a, b) => probs[b] - probs[a]).slice(0, Math.min(K, V));
  return (
    <section className="panel readout" aria-label="Readout">
      <h2 className="panel-title">Output ŷₜ = softmax(W_y hₜ + b_y) · top {top.length} of {V}</h2>
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
