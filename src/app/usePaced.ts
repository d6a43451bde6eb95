/**
 * A value that follows its source at most every `ms` while `active` (e.g. while playing), and at once
 * otherwise. Typeset equations and tables can't be read at 60 changes a second anyway, and re-typesetting
 * them every frame would cost the frames that the diagram needs.
 */
import { useEffect, useRef, useState } from 'react';

export function usePaced<T>(value: T, ms: number, active: boolean): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    if (!active) return;
    const wait = Math.max(0, last.current + ms - performance.now());
    const timer = setTimeout(() => {
      last.current = performance.now();
      setShown(value);
    }, wait);
    return () => clearTimeout(timer);
  }, [value, ms, active]);
  return active ? shown : value;
}
