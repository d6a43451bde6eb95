/**
 * Playback controls and the scrubber. Buttons run registered commands; the slider seeks. It shows
 * t as 1-based "step 12 of 60" because that is how a lecturer says it; the engine's t is 0-based.
 */
import { memo } from 'react';
import { stepState, subSteps, type StepState } from '../../cellinfo/substeps';
import { CommandButton } from '../../app/CommandButton';
import { keyOf } from '../../app/commands';
import { Icons } from '../../app/icons';
import { Select } from '../../app/Select';
import { seek, showSubStep } from '../../state/cursor';
import { SPEEDS, usePlayback } from '../../state/playback';
import { useRun } from '../../state/run';
import { fmtInt, plural } from '../../viz/format';

/** A sub-step's pill, by where it stands in the walk. */
const SUB_CLASS: Record<StepState, string> = { done: 'done', active: 'current', pending: '' };

/** Marks the thumb as held until the pointer is let go, wherever that happens. */
function holdThumb(): void {
  usePlayback.setState({ scrubbing: true });
  const release = () => {
    usePlayback.setState({ scrubbing: false });
    window.removeEventListener('pointerup', release);
    window.removeEventListener('pointercancel', release);
  };
  window.addEventListener('pointerup', release);
  window.addEventListener('pointercancel', release);
}

/** The buttons never change with the cursor: drawn once, not on every step of playback. */
const Buttons = memo(function Buttons({ playing }: { playing: boolean }) {
  return (
    <>
      <CommandButton id="start"><Icons.start /></CommandButton>
      <CommandButton id="step-back"><Icons.stepBack /></CommandButton>
      <CommandButton id="substep-back"><Icons.subBack /></CommandButton>
      <CommandButton id="play" className="icon-button play-button" pressed={playing}>{playing ? <Icons.pause /> : <Icons.play />}</CommandButton>
      <CommandButton id="substep-forward"><Icons.subForward /></CommandButton>
      <CommandButton id="step-forward"><Icons.stepForward /></CommandButton>
      <CommandButton id="end"><Icons.end /></CommandButton>
    </>
  );
});

export function Transport() {
  const t = usePlayback((p) => p.t);
  const sub = usePlayback((p) => p.sub);
  // A whole timestep shows every sub-step at once: then none is the current one (lit, the last looked
  // just like that sub-step walked to on its own).
  const focus = usePlayback((p) => p.subFocus);
  const playing = usePlayback((p) => p.playing);
  const speed = usePlayback((p) => p.speed);
  const total = useRun((r) => r.total);
  const cell = useRun((r) => r.trace?.layout.cell);
  const steps = cell ? subSteps(cell) : [];
  const shown = Math.min(sub, steps.length - 1);
  return (
    <div className="transport" role="group" aria-label="Timeline">
      <div className="transport-buttons">
        <Buttons playing={playing} />
        <label className="speed" title={`Timesteps per second while playing (${keyOf('slower')} / ${keyOf('faster')})`}>
          <span className="visually-hidden">Speed</span>
          <Select aria-label="Playback speed" value={speed} onChange={(e) => usePlayback.setState({ speed: Number(e.target.value) })}>
            {SPEEDS.map((s) => <option key={s} value={s}>{plural(s, 'step')}/s</option>)}
          </Select>
        </label>
      </div>
      <div className="scrubber">
        <input
          type="range"
          aria-label="Timestep"
          aria-valuetext={total ? `step ${t + 1} of ${total}` : 'no run yet'}
          disabled={total === 0}
          min={0}
          max={Math.max(0, total - 1)}
          value={Math.min(t, Math.max(0, total - 1))}
          onChange={(e) => seek(Number(e.target.value))}
          onPointerDown={holdThumb}
        />
        {/* An <output> is a live region by default: the diagram's step line is the one that speaks. */}
        {/* As wide as its widest text from the start: growing a digit at t = 10, 100, 1,000 moved the slider. */}
        <output className="t-label" aria-label="Current timestep" aria-live="off" style={{ minWidth: `${`t = ${fmtInt(total)} / ${fmtInt(total)}`.length}ch` }}>
          {total ? <>t = {fmtInt(t + 1)} <span className="muted">/ {fmtInt(total)}</span></> : <span className="muted">t = – / –</span>}
        </output>
      </div>
      {steps.length > 1 && (
        <div className="substeps-row">
          {/* Pressed while the timestep is shown whole; the way back to it from a walk. */}
          <CommandButton id="whole-step" className="substep-pill" pressed={!focus}>Whole timestep</CommandButton>
          <ol className="substeps" aria-label="Sub-steps of this timestep">
            {steps.map((s, k) => (
              <li key={s.title} className={focus ? SUB_CLASS[stepState(k, shown)] : ''}>
                {/* On the button, which is what the focus reaches and a screen reader reads: "current step". */}
                <button type="button" className="substep-pill" aria-current={focus && k === shown ? 'step' : undefined} onClick={() => showSubStep(k)}>
                  {k + 1}. {s.title}
                </button>
              </li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}
