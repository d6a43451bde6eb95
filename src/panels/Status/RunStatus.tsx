/**
 * The stream's progress and anything the user should know about the run (errors, notes, restarts). The
 * lecture view shows the messages without the progress: a lecturer's link that is refused must say why.
 */
import { useRun } from '../../state/run';
import { keyOf } from '../../app/commands';
import { fmtInt, plural } from '../../viz/format';

export function RunStatus({ lecture = false }: { lecture?: boolean }) {
  const { status, filled, total, error, notes, notice, firstChunkMs, elapsedMs, trace, kernel } = useRun();
  const pct = total ? Math.round((100 * filled) / total) : 0;
  // The run on screen was stopped part-way for a run that then failed (a refused setting never stops it).
  const stopped = status === 'error' && trace !== null && trace.filled < trace.layout.steps;
  return (
    <div className={lecture ? 'run-status run-status-lecture' : 'run-status'}>
      {/* Progress changes ten times a second while streaming: readable on demand, never announced. */}
      {!lecture && <div className="progress" role="status" aria-live="off" aria-busy={status === 'running'}>
        <progress aria-label="Trace computed" max={total || 1} value={filled} />
        <span className="progress-text" data-kernel={kernel ?? undefined} title={kernel ? `computed in a Web Worker on the ${kernel === 'wasm-simd' ? 'WebAssembly SIMD' : 'plain JavaScript'} kernel` : undefined}>
          {status === 'idle' && 'Starting the engine…'}
          {(status === 'running' || status === 'done' || status === 'error') && trace && (
            <>
              {fmtInt(filled)} / {plural(total, 'step')}{status === 'running' ? ` (${pct}%)` : ''}
              {firstChunkMs !== null && ` · first step in ${firstChunkMs.toFixed(0)} ms`}
              {status === 'done' && ` · all in ${fmtInt(Math.round(elapsedMs))} ms`}
            </>
          )}
        </span>
      </div>}
      <p className="visually-hidden" aria-live="polite">
        {status === 'done' && trace ? `Run finished: ${plural(total, 'step')}.` : ''}
      </p>
      {error && (
        <p className="message message-error" role="alert">
          <strong>Can't run this model:</strong> {error}.{trace ? ` The previous run is still shown${stopped ? ` (its first ${plural(trace.filled, 'step')}: it was stopped for this one)` : ''}.` : ''}
          {/* The lecture view hides the model's settings: a lecturer with a refused link must learn where they are. */}
          {lecture && ` The model's settings are outside the lecture view: press ${keyOf('lecture')} to leave it.`}
        </p>
      )}
      {notes.map((n) => <p key={n} className="message message-note" aria-live="polite">{n}</p>)}
      {notice && (
        <p className="message message-note" aria-live="polite">
          {notice} <button type="button" className="text-button" onClick={() => useRun.setState({ notice: null })}>Dismiss</button>
        </p>
      )}
    </div>
  );
}
