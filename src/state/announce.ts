/**
 * What the page says to screen readers after a command whose effect nothing else announces (a pause, a
 * layer, the theme, the heatmaps' window): one polite live region (App.tsx) reads it.
 */
import { create } from './store';

export interface Announcement {
  /** The words. */
  text: string;
  /** Counts announcements, so that the same words said twice are read twice (a new node each time). */
  n: number;
}

export const useAnnouncement = create<Announcement>()(() => ({ text: '', n: 0 }));

export function announce(text: string): void {
  useAnnouncement.setState((s) => ({ text, n: s.n + 1 }));
}
