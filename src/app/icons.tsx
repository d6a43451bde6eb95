/** The page's icons as inline SVG (system fonts lack some media glyphs, and a missing glyph is a box). */
import type { ReactNode } from 'react';

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false" fill="currentColor">
      {children}
    </svg>
  );
}

export const Icons = {
  start: () => <Icon><rect x="4" y="5" width="2.5" height="14" /><path d="M20 5v14l-11-7z" /></Icon>,
  end: () => <Icon><rect x="17.5" y="5" width="2.5" height="14" /><path d="M4 5v14l11-7z" /></Icon>,
  play: () => <Icon><path d="M7 4v16l13-8z" /></Icon>,
  pause: () => <Icon><rect x="6" y="4" width="4" height="16" /><rect x="14" y="4" width="4" height="16" /></Icon>,
  stepBack: () => <Icon><path d="M16 5v14l-10-7z" /></Icon>,
  stepForward: () => <Icon><path d="M8 5v14l10-7z" /></Icon>,
  subBack: () => <Icon><path d="M14 7v10l-7-5z" /><circle cx="18" cy="12" r="2" /></Icon>,
  subForward: () => <Icon><path d="M10 7v10l7-5z" /><circle cx="6" cy="12" r="2" /></Icon>,
  theme: () => <Icon><path d="M12 3a9 9 0 1 0 0 18zm0 2v14a7 7 0 0 1 0-14z" fillRule="evenodd" /><path d="M12 3a9 9 0 0 1 0 18" fill="none" stroke="currentColor" strokeWidth="2" /></Icon>,
  lecture: () => <Icon><path d="M3 4h18v12H3z" fill="none" stroke="currentColor" strokeWidth="2" /><path d="M12 16v4M8 21h8" stroke="currentColor" strokeWidth="2" /></Icon>,
  help: () => <Icon><text x="12" y="17.5" textAnchor="middle" fontSize="16" fontWeight="700">?</text></Icon>,
  save: () => <Icon><path d="M12 3v11M7 9.5l5 5 5-5M4 15v5h16v-5" fill="none" stroke="currentColor" strokeWidth="2" /></Icon>,
  copy: () => <Icon><path d="M8 8h11v13H8z M5 3h11v3H7v11H5z" fill="none" stroke="currentColor" strokeWidth="2" /></Icon>,
};
