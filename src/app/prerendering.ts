/**
 * Whether this render is the build's prerender of the first frame (scripts/prerender.ts, in Node):
 * what needs a browser (a canvas to paint) is drawn another way there.
 */
export const PRERENDERING = typeof document === 'undefined';

/**
 * Set by main.tsx when the page mounts over the prerendered first frame: the diagram then measures its
 * box as it mounts, so that the frame that replaces the first frame has its strips. (Only then: measured
 * while the page renders step 1 from a link, it put step 1 on screen about 100 ms later in the UI
 * benchmark, strips and all, than the ResizeObserver's report does.)
 */
export const takeover = { fromFirstFrame: false };
