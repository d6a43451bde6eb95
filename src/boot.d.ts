/** Set by public/boot.js, the classic script in the page's head. */
interface Window {
  /** Replaces the placeholder's "Loading…" (and the first frame) with a message that the page couldn't start, and why. */
  gatescopeBootFailed?: (reason: string) => void;
}
