/**
 * Keeps the page's scroll-padding-bottom as tall as the timeline stuck to the bottom of the window, so that
 * a control reached by Tab (the last heatmap, say) is scrolled into view above the timeline, not under it.
 * Its height changes with the window's width (its buttons wrap) and the lecture view's larger type.
 */
import { useLayoutEffect, type RefObject } from 'react';

export function useStickyInset(bar: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const el = bar.current;
    if (!el) return;
    const root = document.documentElement;
    const set = () => root.style.setProperty('--sticky-bottom', `${Math.ceil(el.getBoundingClientRect().height)}px`);
    set();
    const watcher = new ResizeObserver(set);
    watcher.observe(el);
    return () => {
      watcher.disconnect();
      root.style.removeProperty('--sticky-bottom');
    };
  }, [bar]);
}
