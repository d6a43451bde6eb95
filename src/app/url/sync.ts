/**
 * The address bar and the stores, kept in step: read as the page starts (and again, by starting over, when
 * only the fragment changes), written as the state changes.
 */
import { useConfig } from '../../state/config';
import { usePlayback } from '../../state/playback';
import { useView } from '../../state/view';
import { readUrl } from './read';
import { writeUrl } from './write';

/** Applies the address (its query and fragment) to the stores; returns the problems to show. */
export function applyUrl(search: string, fragment = ''): string[] {
  const { patches, problems } = readUrl(search, fragment);
  useConfig.setState(patches.config);
  useView.setState(patches.view);
  usePlayback.setState(patches.playback);
  return problems;
}

/**
 * Keeps the address bar in step with the state (replaceState, at most every 300 ms). A throttle, not a
 * debounce: playback changes the cursor every frame, and a timer restarted by each change never fired
 * while it played, so a link copied then carried none of the settings changed meanwhile.
 */
export function syncUrl(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    // Not while the timeline's thumb is held: its frames come first, and its release (scrubbing → false) is
    // a change that writes the step it ends on.
    if (usePlayback.getState().scrubbing) return;
    if (timer !== undefined) return; // due soon, and it writes the state as it is then
    timer = setTimeout(() => {
      timer = undefined;
      // The fragment is the page's too: writeUrl puts a long text there.
      const next = writeUrl();
      if (next !== `${location.search}${location.hash}`) history.replaceState(null, '', `${location.pathname}${next}`);
    }, 300);
  };
  const subs = [useConfig.subscribe(schedule), useView.subscribe(schedule), usePlayback.subscribe(schedule)];
  // A link that differs from the page's address only in its fragment (a long text, #text=…) doesn't load a
  // new page, and the next write put the old state back over it: the page starts again from the new address,
  // as any other link would. Our own writes (replaceState) never fire this event.
  const onHashChange = () => {
    clearTimeout(timer);
    timer = undefined;
    subs.forEach((u) => u());
    location.reload();
  };
  addEventListener('hashchange', onHashChange);
  return () => {
    clearTimeout(timer);
    removeEventListener('hashchange', onHashChange);
    subs.forEach((u) => u());
  };
}
