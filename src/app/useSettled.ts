/**
 * A value for the panels that are expensive to redraw (typeset equations, the values table): it follows
 * its source at once when the source changes after a pause (a key press, a click), and otherwise waits
 * until the source has settled (scrubbing, holding a key, fast playback). Equations can't be read at 60
 * changes a second anyway, and re-typesetting them every frame would cost the frames the diagram needs.
 * But a source that never settles (playback at 10 steps/s or more) is still followed every MAX_WAIT_MS:
 * waiting for quiet alone froze the equations at the step where playback started.
 */
import { useEffect, useRef, useState } from 'react';

/** A change this long after the previous one is a fresh action: show it at once. */
const IDLE_MS = 300;
/** While changes keep coming, show the value once it has stayed put this long. */
const QUIET_MS = 150;
/** Changes that never settle are shown at least this often. */
const MAX_WAIT_MS = 500;

export function useSettled<T>(value: T, hold = false): T {
  const [shown, setShown] = useState(value);
  const lastChange = useRef(0);
  const latest = useRef(value);
  // The MAX_WAIT_MS timer: one per run of changes, never restarted by them (restarted every frame, a due
  // timer lost to the next step on a busy machine, and the panels stayed where playback started).
  const overdue = useRef<ReturnType<typeof setTimeout> | null>(null);
  const cancelOverdue = () => {
    if (overdue.current !== null) clearTimeout(overdue.current);
    overdue.current = null;
  };
  const show = (v: T) => {
    cancelOverdue();
    setShown(v);
  };
  useEffect(() => {
    latest.current = value;
    // Held (the timeline's thumb is down): nothing until it is let go. On two busy cores, input events
    // came further apart than QUIET_MS, and the equations were typeset again and again mid-drag.
    if (hold) {
      lastChange.current = performance.now();
      cancelOverdue();
      return;
    }
    const now = performance.now();
    const fresh = now - lastChange.current > IDLE_MS;
    lastChange.current = now;
    overdue.current ??= setTimeout(() => show(latest.current), MAX_WAIT_MS);
    const timer = setTimeout(() => show(value), fresh ? 0 : QUIET_MS);
    return () => clearTimeout(timer);
  }, [value, hold]); // eslint-disable-line react-hooks/exhaustive-deps -- show only touches refs and the setter
  useEffect(() => cancelOverdue, []);
  return shown;
}

/** A value that follows its source at most every `ms` (at once when ms is 0), always ending on the latest. */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    // Also while ms is 0, so that a later throttled period starts from the current value, not a stale one.
    const timer = setTimeout(() => {
      last.current = performance.now();
      setShown(value);
    }, ms === 0 ? 0 : Math.max(0, last.current + ms - performance.now()));
    return () => clearTimeout(timer);
  }, [value, ms]);
  return ms === 0 ? value : shown;
}
