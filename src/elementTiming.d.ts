/**
 * The Element Timing attribute (https://w3c.github.io/element-timing/), which React passes through but
 * its types don't list: the browser then reports when the element's text was first on screen.
 */
import 'react';

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- a merged declaration repeats React's type parameter
  interface HTMLAttributes<T> {
    /** Names the element for a PerformanceElementTiming entry when it is first painted. */
    elementtiming?: string;
  }
}
