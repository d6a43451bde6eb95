/**
 * The page's <select>: a native one that gives the keys back to the page once the pointer has picked a value.
 *
 * Why: a focused select takes ← and → (on Linux Chromium a closed select changes its value with them), and the
 * keyboard shortcuts leave a focused select alone, as they must for a keyboard user. But a lecturer who picks
 * "GRU" with the mouse and then presses → to step the timeline meant the timeline, and got "RNN tanh" and a
 * new run instead. So when the pointer opened the select (pointerdown on it; the popup then has the keys, and
 * the page sees none until the pick), the change is followed by a blur: the focus leaves the select, and the
 * next → is a shortcut again (Tab still goes on from the select, Chromium keeps its place in the tab order).
 * A change made from the keyboard (Tab to the select, then the arrows, or Space/Enter to open its popup) keeps
 * the focus where it is: any key pressed on the select marks it as the keyboard's.
 *
 * Left as they are: a pointer-opened popup closed without a change (Escape, or the option already chosen)
 * fires no change event, so that select keeps the focus, as a native select does.
 */
import { useRef, type ComponentProps } from 'react';

export function Select({ onChange, onPointerDown, onKeyDown, onBlur, ...rest }: ComponentProps<'select'>) {
  const byPointer = useRef(false);
  return (
    <select
      {...rest}
      onPointerDown={(e) => {
        byPointer.current = true;
        onPointerDown?.(e);
      }}
      onKeyDown={(e) => {
        byPointer.current = false;
        onKeyDown?.(e);
      }}
      onBlur={(e) => {
        byPointer.current = false;
        onBlur?.(e);
      }}
      onChange={(e) => {
        onChange?.(e);
        if (byPointer.current) e.currentTarget.blur();
      }}
    />
  );
}
