/**
 * A tooltip drawn over the whole page, next to an anchor given in viewport pixels. Panels clip what they
 * hold (`.panel` has paint containment; the equations and heatmap boxes hide or scroll their overflow), so a
 * tip kept inside them was cut off at their edges, and one positioned inside a scrolled box was off by the
 * scroll. Here it goes to the end of <body>, fixed, and placeTip keeps it beside the anchor and on screen.
 */
import { useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { placeTip, TIP_MARGIN, type Box, type TipAlign } from './placeTip';

/** Where an element is on screen now, in viewport pixels: the anchor for a tip beside it. */
export function anchorOf(el: Element): Box {
  const { left, top, right, bottom } = el.getBoundingClientRect();
  return { left, top, right, bottom };
}

interface Props {
  anchor: Box;
  align?: TipAlign;
  /** Its look (colours, type); where it goes is FloatingTip's (.floating-tip). */
  className: string;
  /**
   * Called when anything scrolls or the window is resized: the anchor has moved under a tip fixed in
   * the viewport, so its owner should hide it (the next hover places it afresh).
   */
  onStale: () => void;
  children: ReactNode;
}

export function FloatingTip({ anchor, align = 'center', className, onStale, children }: Props) {
  const ref = useRef<HTMLDivElement>(null);

  // Placed before paint, from its own size: the text changes its width. Never wider than the viewport.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const root = document.documentElement;
    const viewport = { width: root.clientWidth, height: root.clientHeight };
    el.style.maxWidth = `${viewport.width - 2 * TIP_MARGIN}px`;
    const r = el.getBoundingClientRect();
    const { left, top } = placeTip(anchor, { width: r.width, height: r.height }, viewport, align);
    el.style.left = `${left}px`;
    el.style.top = `${top}px`;
  });

  useEffect(() => {
    // Capture: scroll events don't bubble, and a scroll box inside the page moves the anchor too.
    window.addEventListener('scroll', onStale, { capture: true, passive: true });
    window.addEventListener('resize', onStale);
    return () => {
      window.removeEventListener('scroll', onStale, { capture: true });
      window.removeEventListener('resize', onStale);
    };
  }, [onStale]);

  return createPortal(<div ref={ref} className={`floating-tip ${className}`} role="tooltip">{children}</div>, document.body);
}
