/**
 * The cursor every panel follows: timestep, sub-step, layer and unit, and the playback clock.
 * Small and serializable; panels subscribe to the parts they draw.
 */
import { create } from './store';

export interface Playback {
  /** Current timestep, 0-based. */
  t: number;
  /** Sub-step within the timestep, 0-based; shown only while subFocus is on (off, the whole step is shown). */
  sub: number;
  /** True while the user walks through sub-steps: the diagram then lights the current one and dims what comes later. */
  subFocus: boolean;
  /** Layer shown in the diagram. */
  layer: number;
  /** Selected unit (index into H). */
  unit: number;
  /** Whether the clock is running. */
  playing: boolean;
  /** Timesteps per second while playing. */
  speed: number;
  /** The timeline's thumb is held: the panels costly to redraw wait for its release, and the stream slows. */
  scrubbing: boolean;
}

export const SPEEDS = [1, 2, 5, 10, 30, 60, 120, 240] as const;

export const usePlayback = create<Playback>()(() => ({
  t: 0,
  // The whole step: clamped to the cell's last sub-step once a trace arrives.
  sub: Number.MAX_SAFE_INTEGER,
  subFocus: false,
  layer: 0,
  unit: 0,
  playing: false,
  speed: 5,
  scrubbing: false,
}));
