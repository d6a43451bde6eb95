/** What a heatmap row does besides its picture: the selected unit's marks, and the wheel's zoom and pan. */
import { useEffect, useLayoutEffect, type RefObject } from 'react';
import { usePlayback } from '../../state/playback';
import { useView } from '../../state/view';
import { panWindow, stepAt, zoomedView } from '../../viz/heatmap';

/**
 * The selected unit's marks: two small triangles at the row's edges, moved straight from the store when
 * the unit changes. (Elements, not a canvas: a canvas changed means a texture uploaded, costly without
 * a GPU. The cursor line is one element across all rows, moved by the panel.) `H`: the row's units.
 */
export function useUnitMarks(marks: RefObject<HTMLElement | null>, H: number): void {
  useLayoutEffect(() => {
    const el = marks.current;
    if (!el) return;
    const place = (unit: number) => el.style.setProperty('--unit-y', `${((Math.min(unit, H - 1) + 0.5) / H) * 100}%`);
    place(usePlayback.getState().unit);
    return usePlayback.subscribe((s, prev) => {
      if (s.unit !== prev.unit) place(s.unit);
    });
  }, [marks, H]);
}

/**
 * Ctrl+wheel over a row (a trackpad's pinch, which the browser sends as one) zooms the time window [t0, t1)
 * of a run of T steps about the step under the pointer; a sideways wheel pans a zoomed window. A plain
 * wheel scrolls the page: the rows span its width, and taking the wheel for zooming trapped a reader
 * scrolling past them. A native listener, because React's is passive and could not stop the page from
 * scrolling (or the browser from zooming the page on Ctrl+wheel).
 */
export function useWheelZoom(row: RefObject<HTMLElement | null>, t0: number, t1: number, T: number): void {
  useEffect(() => {
    const el = row.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      const r = el.getBoundingClientRect();
      if (e.ctrlKey || e.metaKey) {
        e.preventDefault();
        const t = stepAt(e.clientX - r.left, r.width, t0, t1);
        useView.setState({ heatmapWindow: zoomedView(t0, t1, e.deltaY > 0 ? 1.25 : 0.8, t, T) });
      } else if (Math.abs(e.deltaX) > Math.abs(e.deltaY) && (t0 > 0 || t1 < T)) {
        e.preventDefault();
        useView.setState({ heatmapWindow: panWindow(t0, t1, (e.deltaX / r.width) * (t1 - t0), T) });
      }
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [row, t0, t1, T]);
}
