/** A button that runs a registered command; its accessible name, its shortcuts and its tooltip come from the registry. */
import type { ReactNode } from 'react';
import { ariaKeys, command, keyLabel, runCommand } from './commands';

export function CommandButton({ id, children, pressed, className, disabled }: {
  id: string;
  children: ReactNode;
  pressed?: boolean;
  className?: string;
  disabled?: boolean;
}) {
  const c = command(id);
  const keys = c.keys.map(keyLabel).join(' or ');
  return (
    <button
      type="button"
      className={className ?? 'icon-button'}
      aria-label={c.label}
      data-command={id}
      aria-keyshortcuts={c.keys.map(ariaKeys).join(' ')}
      aria-pressed={pressed}
      disabled={disabled}
      title={`${c.label} (${keys})`}
      onClick={() => runCommand(c)}
    >
      {children}
    </button>
  );
}
