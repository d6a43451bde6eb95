/**
 * Whether an element is on screen, or within `margin` of it. Panels below the fold use it to skip work
 * no one can see: the heatmaps take in new timesteps a few times a second while a run streams, and on a
 * small machine those repaints share the cores with the engine and with the frames of what is on screen.
 */
import { useEffect, useState, type RefObject } from 'react';

export function useOnScreen(ref: RefObject<Element | null>, margin = '200px'): boolean {
  const observable = typeof IntersectionObserver !== 'undefined';
  // Off until the observer's first report (the next frame): a panel mounted below the fold then never
  // paints at all until it is scrolled to.
  const [onScreen, setOnScreen] = useState(!observable);
  useEffect(() => {
    const el = ref.current;
    if (!el || !observable) return;
    const io = new IntersectionObserver(([e]) => setOnScreen(e.isIntersecting), { rootMargin: margin });
    io.observe(el);
    return () => io.disconnect();
  }, [ref, margin, observable]);
  return onScreen;
}
