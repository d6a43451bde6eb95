import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';

export function render(el: HTMLElement): void {
  const root = createRoot(el);
  // Timed like Gatescope's first timestep: the browser's time for the paint of this text (Element
  // Timing), and a mark once the main thread has painted that frame.
  flushSync(() => root.render(createElement('p', { elementtiming: 'first-timestep' }, 'React is ready.')));
  requestAnimationFrame(() => setTimeout(() => performance.mark('baseline:rendered'), 0));
}
