/**
 * zustand's `create`, except for one thing: rendered on the server (the build's prerendered first frame,
 * scripts/prerender.ts), a store reads its current state, not its initial one. The prerender fills the
 * stores with the page's first run before it renders, as the page does before its first frame.
 */
import { useCallback, useDebugValue, useSyncExternalStore } from 'react';
import { createStore, type StateCreator, type StoreApi } from 'zustand/vanilla';

export type BoundStore<T> = StoreApi<T> & {
  (): T;
  <U>(selector: (state: T) => U): U;
};

const identity = <T,>(s: T) => s;

function bind<T>(init: StateCreator<T, [], []>): BoundStore<T> {
  const api = createStore<T>()(init);
  function useBound<U>(selector: (state: T) => U = identity as (state: T) => U): U {
    const read = useCallback(() => selector(api.getState()), [selector]);
    const slice = useSyncExternalStore(api.subscribe, read, read);
    useDebugValue(slice);
    return slice;
  }
  return Object.assign(useBound, api) as BoundStore<T>;
}

/** `create<T>()(init)`, as zustand spells it. */
export function create<T>(): (init: StateCreator<T, [], []>) => BoundStore<T> {
  return bind;
}
