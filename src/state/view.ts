/** How the page looks: theme, lecture view, overlays, heatmap options. */
import { create } from 'zustand';

export interface View {
  /** Colour theme; 'auto' follows the system. */
  theme: 'auto' | 'light' | 'dark';
  /** Lecture view: large type, only the diagram, the timeline and the equation. */
  lecture: boolean;
  /** The keyboard-shortcut overlay. */
  help: boolean;
  /** Heatmap colour domains: each series its own, or one shared across series of the same kind. */
  heatmapNorm: 'series' | 'global';
  /** Visible time window of the heatmaps [start, end), in timesteps; null = everything. */
  heatmapWindow: [number, number] | null;
}

export const useView = create<View>()(() => ({
  theme: 'auto',
  lecture: false,
  help: false,
  heatmapNorm: 'series',
  heatmapWindow: null,
}));
