/**
 * Keeps the keyboard's place when a render removes the focused control: walking sub-steps replaces the
 * equations' group, L takes away the panels below, ] slides the values table's columns. The browser would
 * put the focus on <body>, and a keyboard or screen-reader user would lose their place (and the ring).
 * Instead the focus goes to what took the removed control's role:
 *  1. in the innermost container of it still on the page (marked data-focus-home), the control it marks
 *     data-focus-fallback (the group now shown, the selected unit's column);
 *  2. else the button of the command just run (L: the lecture view's);
 *  3. else the Play button.
 */
import { useEffect } from 'react';
import { lastCommand } from './commands';

export function useFocusRescue(): void {
  useEffect(() => {
    let last: Element | null = null;
    let homes: Element[] = [];
    const onFocusIn = (e: FocusEvent) => {
      if (!(e.target instanceof Element)) return;
      last = e.target;
      homes = [];
      for (let el = last.parentElement; el; el = el.parentElement) if (el.hasAttribute('data-focus-home')) homes.push(el);
    };
    // Focus the user moved away (a click on the page, Escape in a field) leaves its control on the page: that
    // control's later removal is none of the focus's business. (Checked after the event: a control being
    // removed may report its blur while still attached.)
    const onFocusOut = (e: FocusEvent) => {
      const el = e.target;
      queueMicrotask(() => { if (el === last && el instanceof Element && el.isConnected) last = null; });
    };
    const rescue = () => {
      if (!last || last.isConnected) return;
      // Only focus that was lost with its control: not one the user moved, nor one a dialog holds.
      if (document.activeElement && document.activeElement !== document.body) return;
      const home = homes.find((h) => h.isConnected);
      const command = lastCommand();
      const target =
        home?.querySelector<HTMLElement>('[data-focus-fallback]') ??
        (command ? document.querySelector<HTMLElement>(`[data-command="${command}"]`) : null) ??
        document.querySelector<HTMLElement>('[data-command="play"]');
      last = null;
      target?.focus();
    };
    // Child lists only: the text that changes every frame while playing is not watched.
    const watcher = new MutationObserver(rescue);
    watcher.observe(document.body, { childList: true, subtree: true });
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('focusout', onFocusOut);
    return () => {
      watcher.disconnect();
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('focusout', onFocusOut);
    };
  }, []);
}
