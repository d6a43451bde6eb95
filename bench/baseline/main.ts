/**
 * The floor under Gatescope's start-up, for `npm run bench:ui`: a page that loads React 19 the way
 * Gatescope does (a small entry, then a chunk with react-dom) and renders one element. On a given
 * machine, no React page paints sooner than this, and none avoids react-dom's evaluation as one task.
 */
void import('./render').then(({ render }) => render(document.getElementById('root')!));
