/**
 * The playback clock: while playing, advances the cursor at `speed` timesteps per second on animation
 * frames. It only moves the cursor; the panels subscribed to it redraw themselves.
 */
import { usePlayback } from '../state/playback';
import { useRun } from '../state/run';
import { announce } from '../state/announce';
import { fmtInt } from '../viz/format';

export function startPlayer(): () => void {
  let frame = 0;
  let last = 0;
  let carry = 0;

  const tick = (now: number) => {
    const { playing, speed, t } = usePlayback.getState();
    if (!playing) { frame = 0; return; }
    const { trace, status } = useRun.getState();
    const dt = last ? Math.min(now - last, 250) : 0;
    last = now;
    // Time counts only with steps to move through: with no trace yet, pressing play then waiting must not
    // jump the cursor ahead when the trace comes.
    carry = trace ? carry + (dt * speed) / 1000 : 0;
    const steps = Math.floor(carry);
    if (steps > 0 && trace) {
      carry -= steps;
      const lastArrived = trace.filled - 1;
      // Never backwards: a cursor ahead of the stream waits for it.
      const next = Math.max(t, Math.min(t + steps, lastArrived));
      if (next !== t) usePlayback.setState({ t: next });
      // At the end of a finished run the clock stops; while streaming it waits for the next chunk.
      if (next >= trace.layout.steps - 1 || (status !== 'running' && next >= lastArrived)) {
        usePlayback.setState({ playing: false });
        // Said, as a pause is: the step line is quiet during playback, and "Playing" was the last word.
        announce(`Stopped at the end, t = ${fmtInt(next + 1)}`);
      }
    }
    frame = requestAnimationFrame(tick);
  };

  const unsubscribe = usePlayback.subscribe((s, prev) => {
    if (s.playing && !prev.playing && !frame) {
      last = 0;
      carry = 0;
      frame = requestAnimationFrame(tick);
    }
  });
  return () => {
    unsubscribe();
    cancelAnimationFrame(frame);
  };
}
