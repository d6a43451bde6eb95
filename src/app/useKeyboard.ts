/**
 * Routes key presses to the command registry, except while the user is typing in a field, or when the
 * focused widget has already handled the key itself.
 */
import { useEffect } from 'react';
import { announce } from '../state/announce';
import { commandForKey, keyOf, runCommand } from './commands';

/** A select counts: its arrows are its own. (One picked with the pointer gives up the focus itself: see Select.) */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'range'].includes(target.type);
  return false;
}

/** What acts like a button: Space and Enter on it press it. */
const CONTROL = 'button, a[href], summary, [role="button"], [role="radio"]';

/**
 * Space and Enter on a focused button (or anything that acts like one) press that button, not Play. But
 * Space on a control the pointer put the focus on is the page's Space: a lecturer who clicked "Next
 * timestep" and then pressed Space to play had stepped again. (:focus-visible can't tell: a key press
 * turns it on before the page hears the key.)
 */
function pressesControl(e: KeyboardEvent, byPointer: Element | null): boolean {
  if (e.key !== ' ' && e.key !== 'Enter') return false;
  if (!(e.target instanceof Element) || e.target.closest(CONTROL) === null) return false;
  return !(e.key === ' ' && e.target === byPointer);
}

export function useKeyboard(): void {
  useEffect(() => {
    // The control under the last pointer press, and the focused control if that press focused it.
    let pressed: Element | null = null;
    let byPointer: Element | null = null;
    const onPointerDown = (e: PointerEvent) => {
      pressed = e.target instanceof Element ? e.target.closest(CONTROL) : null;
      if (pressed !== null && pressed === document.activeElement) byPointer = pressed;
    };
    const onFocusIn = (e: FocusEvent) => {
      byPointer = e.target === pressed ? pressed : null;
      pressed = null;
    };
    const onKey = (e: KeyboardEvent) => {
      // A widget with keys of its own (the equations' symbols: arrows, Home, End) handles them where it is
      // focused and calls preventDefault, as it would to stop the browser scrolling; this listener, on
      // window, hears the key after it (React's handlers sit on the app's root, below window). So a key
      // a widget took is never also a shortcut, and every key it leaves alone still is.
      if (e.defaultPrevented) return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (isTyping(e.target)) {
        // Escape hands the keys back to the page, so a keyboard user never gets stuck in a field; said,
        // since the focus goes to the page itself and a screen reader has nothing else to read.
        if (e.key === 'Escape' && e.target instanceof HTMLElement) {
          e.target.blur();
          announce(`Left the field: the keys are the page's again (${keyOf('help')} lists them)`);
        }
        return;
      }
      const c = commandForKey(e);
      // A modal (the help overlay) has the keyboard to itself, wherever the focus is (Tab can take it out
      // to the body behind); Escape closes it, and so does a command marked inModal (?, which opened it).
      if (document.querySelector('dialog[open]') && !c?.inModal) return;
      if (pressesControl(e, byPointer)) return;
      if (!c) return;
      // Arrow keys on a focused slider would move it twice.
      e.preventDefault();
      runCommand(c);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onPointerDown, true);
    window.addEventListener('focusin', onFocusIn);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('focusin', onFocusIn);
    };
  }, []);
}
