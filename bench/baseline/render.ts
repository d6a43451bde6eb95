import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';

export function render(el: HTMLElement): void {
  const root = createRoot(el);
  flushSync(() => root.render(createElement('p', null, 'React is ready.')));
  // Marked once the frame is painted, like Gatescope's first timestep.
  requestAnimationFrame(() => setTimeout(() => performance.mark('baseline:rendered'), 0));
}
