/** The stream's progress and anything the user should know about the run (errors, notes, restarts). */
import { useRun } from '../../state/run';
import { fmtInt } from '../../viz/format';


export function RunStatus() {
  const { status, filled, total, error, notes, notice, firstChunkMs, elapsedMs, trace } = useRun();
  const pct = total ? Math.round((100 * filled) / total) : 0;
  return (
    <div className="run-status" role="status" aria-live="polite">
      <div className="progress" aria-hidden={status !== 'running'}>
        <progress aria-label="Trace computed" max={total || 1} value={filled} />
        <span className="progress-text">
          {status === 'idle' && 'Starting the engine…'}
          {(status === 'running' || status === 'done' || status === 'error') && trace && (
            <>
              {fmtInt(filled)} / {fmtInt(total)} steps{status === 'running' ? ` (${pct}%)` : ''}
              {firstChunkMs !== null && ` · first step in ${firstChunkMs.toFixed(0)} ms`}
              {status === 'done' && ` · all in ${fmtInt(Math.round(elapsedMs))} ms`}
            </>
          )}
        </span>
      </div>
      {error && (
        <p className="message message-error" role="alert">
          <strong>Can't run this model:</strong> {error}.{trace ? ' The previous run is still shown.' : ''}
        </p>
      )}
      {notes.map((n) => <p key={n} className="message message-note">{n}</p>)}
      {notice && (
        <p className="message message-note">
          {notice} <button type="button" className="text-button" onClick={() => useRun.setState({ notice: null })}>Dismiss</button>
        </p>
      )}
    </div>
  );
}
