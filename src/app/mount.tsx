/** Renders the page (loaded right after the engine has been started; see main.tsx). */
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startPlayer } from './player';
import '../styles.css';

export function mount(root: HTMLElement, urlProblems: string[]): void {
  performance.mark('gatescope:mount');
  startPlayer();
  // A transition: React renders the page in slices and lets the worker's first messages through.
  startTransition(() =>
    createRoot(root).render(
      <StrictMode>
        <App urlProblems={urlProblems} />
      </StrictMode>,
    ),
  );
}
