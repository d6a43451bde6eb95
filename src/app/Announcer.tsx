/** The live region for what commands say (state/announce.ts): polite, so it waits for a screen reader to finish. */
import { useAnnouncement } from '../state/announce';

export function Announcer() {
  const { text, n } = useAnnouncement();
  // A new node for each announcement: the same words said twice are read twice.
  return <p className="visually-hidden" aria-live="polite"><span key={n}>{text}</span></p>;
}
