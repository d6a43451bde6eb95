/** The theme actually in effect ('auto' resolved against the system setting), and colours the canvases need. */
import { useSyncExternalStore } from 'react';
import { useView } from '../state/view';
import type { ScaleTheme } from '../viz/scales';

const list = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;

/** Whether the system asks for a dark theme (what 'auto' resolves to). */
export function prefersDark(): boolean {
  return list?.matches ?? false;
}

function subscribe(onChange: () => void): () => void {
  list?.addEventListener('change', onChange);
  return () => list?.removeEventListener('change', onChange);
}

export function useEffectiveTheme(): ScaleTheme {
  const theme = useView((v) => v.theme);
  const systemDark = useSyncExternalStore(subscribe, prefersDark, () => false);
  return effectiveTheme(theme, systemDark);
}

/** The theme in effect: the chosen one, or for 'auto' the system's. */
export function effectiveTheme(theme: 'auto' | 'light' | 'dark', systemDark = prefersDark()): ScaleTheme {
  return theme === 'auto' ? (systemDark ? 'dark' : 'light') : theme;
}

/** Marks the document with the theme in effect and the lecture view: the stylesheet keys on both. */
export function markDocument(theme: 'light' | 'dark', lecture: boolean): void {
  const root = document.documentElement;
  root.dataset.theme = theme;
  root.dataset.lecture = lecture ? 'on' : 'off';
}

/**
 * Canvas colours per theme (a canvas can't read CSS variables; reading them per frame is slow): ink and
 * panel are styles.css's --ink and --panel, which the SVG over the canvas is drawn in.
 */
export const CANVAS_COLOURS = {
  light: { ink: '#1d2530', pending: '#d8dce1', panel: '#ffffff' },
  // Pending: a neutral grey, lighter than the dark page's signed scale at 0 and without its blue or red (a
  // bluish one had read as a strip of small negative values).
  dark: { ink: '#e6e9ee', pending: '#4a4a4a', panel: '#1a2029' },
} as const;
