/** A button that runs a registered command; its accessible name and tooltip come from the registry. */
import type { ReactNode } from 'react';
import { command, keyLabel } from './commands';

export function CommandButton({ id, children, pressed, className }: { id: string; children: ReactNode; pressed?: boolean; className?: string }) {
  const c = command(id);
  const keys = c.keys.map(keyLabel).join(' or ');
  return (
    <button
      type="button"
      className={className ?? 'icon-button'}
      aria-label={c.label}
      aria-keyshortcuts={c.keys.map((k) => (k.shift ? `Shift+${k.key === ' ' ? 'Space' : k.key}` : k.key === ' ' ? 'Space' : k.key)).join(' ')}
      aria-pressed={pressed}
      title={`${c.label} (${keys})`}
      onClick={() => c.run()}
    >
      {children}
    </button>
  );
}
