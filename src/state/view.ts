/** How the page looks: theme, lecture view, overlays, heatmap options. */
import { create } from './store';
import type { CellKind } from '../engine/types';

/** The series the heatmaps show for each cell kind until the user picks others (trace names, per layer). */
export const DEFAULT_HEATMAP_SERIES: Readonly<Record<CellKind, readonly string[]>> = {
  lstm: ['f', 'i', 'g', 'o', 'c', 'h'],
  gru: ['r', 'z', 'n', 'h'],
  rnn_tanh: ['a', 'h'],
  rnn_relu: ['a', 'h'],
};

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
  /** The series the heatmaps show, per cell kind: switching to a GRU and back keeps the LSTM's choice. */
  heatmapSeries: Readonly<Record<CellKind, readonly string[]>>;
  /** The last Copy as LaTeX: when (performance.now()) and whether the clipboard took it; the button says so for a moment. */
  latexCopy: { at: number; ok: boolean } | null;
  /** A heatmap row has the keyboard and says the value at each step: the diagram's step line keeps quiet. */
  probing: boolean;
}

export const useView = create<View>()(() => ({
  theme: 'auto',
  lecture: false,
  help: false,
  heatmapNorm: 'series',
  heatmapWindow: null,
  heatmapSeries: DEFAULT_HEATMAP_SERIES,
  latexCopy: null,
  probing: false,
}));
