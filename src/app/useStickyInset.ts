/**
 * Keeps the page's scroll-padding-bottom as tall as the timeline stuck to the bottom of the window, so that
 * a control reached by Tab (the last heatmap, say) is scrolled into view above the timeline, not under it.
 * Its height changes with the window's width (its buttons wrap) and the lecture view's larger type. Read
 * from a ResizeObserver, which reports after layout: measuring in the first render would force a layout
 * of the whole page before its first paint.
 */
import { useEffect, type RefObject } from 'react';

export function useStickyInset(bar: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = bar.current;
    if (!el) return;
    const root = document.documentElement;
    const watcher = new ResizeObserver(([e]) => root.style.setProperty('--sticky-bottom', `${Math.ceil(e.borderBoxSize[0].blockSize)}px`));
    watcher.observe(el);
    return () => {
      watcher.disconnect();
      root.style.removeProperty('--sticky-bottom');
    };
  }, [bar]);
}
