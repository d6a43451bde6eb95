/**
 * Keyboard access to the symbols of the typeset equations: the equations are one tab stop (a composite
 * widget), and while it has the focus the arrow keys, Home and End pick a W, U, b or input symbol in
 * reading order (symbolNav), which is highlighted and gets the same tensor tip as on hover; Escape hides
 * it, and leaving the widget (Tab) drops it.
 *
 * The focus stays on the container: KaTeX's HTML is aria-hidden (screen readers read its MathML), and a
 * focusable element inside aria-hidden content would be focused yet unnamed, so neither the symbols nor
 * aria-activedescendant (whose target must be in the accessibility tree) can carry the focus. The picked
 * symbol is announced through a polite live region (`announcement`) rather than by changing the
 * container's aria-describedby: screen readers read a description when the focus arrives, and NVDA and
 * JAWS do not read it again when it changes under a focus that stays put; a live region is read on every
 * change by all of them. The description stays for what the keys do, read once on arrival.
 */
import { useCallback, useLayoutEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type RefObject } from 'react';
import { anchorOf } from '../../app/FloatingTip';
import type { Box } from '../../app/placeTip';
import { clampSymbol, moveSymbol } from './symbolNav';

/** The class of the picked symbol's element: its highlight (styles.css). */
const PICKED_CLASS = 'eq-sym-picked';

/** The symbols in reading order: document order of KaTeX's HTML (its MathML carries no data-tensor). */
function symbolsIn(container: HTMLElement | null): Element[] {
  return container ? Array.from(container.querySelectorAll('.katex-html [data-tensor]')) : [];
}

/** Whether a box shows at all inside the scroll box (and the viewport): a tip by a hidden symbol would point at nothing. */
function showsIn(b: Box, container: HTMLElement): boolean {
  const c = container.getBoundingClientRect();
  const right = Math.min(c.right, document.documentElement.clientWidth);
  const bottom = Math.min(c.bottom, document.documentElement.clientHeight);
  return b.right > Math.max(c.left, 0) && b.left < right && b.bottom > Math.max(c.top, 0) && b.top < bottom;
}

interface Picked {
  index: number;
  /** Of how many symbols on the page. */
  count: number;
  el: Element;
  /** Where its tip goes, in viewport pixels; null while the symbol is scrolled out of sight. */
  anchor: Box | null;
}

export interface SymbolKeys {
  /** The picked symbol's tip: its tensor and where it is, or null. */
  tip: { text: string; anchor: Box } | null;
  /** For the live region: the picked symbol, its tensor and its place ("W sub f: weight_ih_l0[4:8]. 2 of 12"). */
  announcement: string;
  onKeyDown: (e: KeyboardEvent<HTMLElement>) => void;
  onFocus: (e: FocusEvent<HTMLElement>) => void;
  onBlur: (e: FocusEvent<HTMLElement>) => void;
  /** For FloatingTip: the page scrolled or was resized. The tip follows its symbol, or hides while it is out of sight. */
  onStale: () => void;
}

/** `container`: the focusable element that holds the typeset equations. */
export function useSymbolKeys(container: RefObject<HTMLElement | null>): SymbolKeys {
  const [picked, setPickedState] = useState<Picked | null>(null);
  // The callbacks and the effect read the latest pick without being made anew on each one (FloatingTip
  // listens with onStale); every change goes through setPicked, which keeps the two the same.
  const current = useRef<Picked | null>(null);
  const setPicked = useCallback((p: Picked | null) => {
    current.current = p;
    setPickedState(p);
  }, []);

  const clear = useCallback(() => {
    current.current?.el.classList.remove(PICKED_CLASS);
    setPicked(null);
  }, [setPicked]);

  const pick = useCallback((index: number, list: Element[]) => {
    const el = list[index];
    const before = current.current?.el;
    if (before && before !== el) before.classList.remove(PICKED_CLASS);
    el.classList.add(PICKED_CLASS);
    // Instant, never smooth: no motion for those who asked for none, and the tip is placed after it.
    el.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'instant' });
    setPicked({ index, count: list.length, el, anchor: anchorOf(el) });
  }, [setPicked]);

  // Whether the focus came by keyboard (Tab). A click in the equations focuses them too (they are a tab
  // stop), and a lecturer who clicked there and then pressed → means the next step, not the next symbol:
  // the keys are taken only after keyboard focus, as the browser tells it by :focus-visible.
  const byKeyboard = useRef(false);
  const onFocus = useCallback((e: FocusEvent<HTMLElement>) => {
    if (e.target === e.currentTarget) byKeyboard.current = e.currentTarget.matches(':focus-visible');
  }, []);

  const onKeyDown = useCallback((e: KeyboardEvent<HTMLElement>) => {
    // Only on the container itself: its buttons (the sub-step titles) keep the page's keys.
    if (e.target !== e.currentTarget || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return;
    if (!byKeyboard.current) return;
    if (e.key === 'Escape') {
      if (!current.current) return;
      e.preventDefault();
      clear();
      return;
    }
    const list = symbolsIn(container.current);
    const next = moveSymbol(current.current?.index ?? null, list.length, e.key);
    if (next === undefined) return;
    // Taken even at either end, where it changes nothing: the timeline must not move instead (useKeyboard).
    e.preventDefault();
    if (next === null) clear();
    else pick(next, list);
  }, [container, clear, pick]);

  const onBlur = useCallback((e: FocusEvent<HTMLElement>) => {
    if (e.target === e.currentTarget && current.current) clear();
  }, [clear]);

  const onStale = useCallback(() => {
    const p = current.current;
    const box = container.current;
    if (!p || !box || !p.el.isConnected) return;
    const b = anchorOf(p.el);
    setPicked({ ...p, anchor: showsIn(b, box) ? b : null });
  }, [container, setPicked]);

  // After every render: the equations may have been typeset anew (another sub-step, timestep or unit),
  // which detaches the picked element. Then the same place among the new symbols is picked (and
  // announced), or nothing if there are none; the tip never stays by an element that is gone. A symbol
  // still on the page stays picked, its place recounted (a sub-step shown alone has fewer symbols).
  useLayoutEffect(() => {
    const p = current.current;
    if (!p) return;
    const list = symbolsIn(container.current);
    const at = list.indexOf(p.el);
    if (at >= 0) {
      if (at !== p.index || list.length !== p.count) setPicked({ ...p, index: at, count: list.length });
      return;
    }
    const index = clampSymbol(p.index, list.length);
    if (index === null) clear();
    else pick(index, list);
  });

  const tensor = picked?.el.getAttribute('data-tensor') ?? '';
  const tip = picked?.anchor ? { text: tensor, anchor: picked.anchor } : null;
  const announcement = picked ? `${picked.el.getAttribute('data-symbol') ?? ''}: ${tensor}. ${picked.index + 1} of ${picked.count}` : '';
  return { tip, announcement, onKeyDown, onFocus, onBlur, onStale };
}
