/**
 * The keyboard-shortcut overlay (?): read from the command registry, so it lists every command. It closes with
 * Escape, with its own key again (the registry's help command, which runs while it is open), with its Close
 * button and with a click on the backdrop; the native dialog gives the focus back to where it was each time.
 */
import { useEffect, useRef, type MouseEvent as ReactMouseEvent } from 'react';
import { COMMANDS, keyLabel, keyOf } from '../../app/commands';
import { useView } from '../../state/view';

const GROUPS = ['Playback', 'Selection', 'View'] as const;

/**
 * Whether a pointer event on a modal dialog fell on its backdrop. The backdrop has no element of its own: a
 * click on it is a click on the dialog, outside the dialog's box (a click in the box's padding is also on the
 * dialog itself, but inside).
 */
function onBackdrop(e: ReactMouseEvent<HTMLDialogElement>): boolean {
  if (e.target !== e.currentTarget) return false;
  const r = e.currentTarget.getBoundingClientRect();
  return e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom;
}

export function HelpOverlay() {
  const open = useView((v) => v.help);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  // Pressed on the backdrop, and let go there: a drag that selects the dialog's text and ends outside it is
  // a click on the dialog too (the nearest common ancestor), and must not close it.
  const downOnBackdrop = useRef(false);
  const helpKey = keyOf('help');
  return (
    <dialog
      ref={ref}
      className="help"
      aria-labelledby="help-title"
      onClose={() => useView.setState({ help: false })}
      onPointerDown={(e) => {
        downOnBackdrop.current = onBackdrop(e);
      }}
      onClick={(e) => {
        if (downOnBackdrop.current && onBackdrop(e)) e.currentTarget.close();
        downOnBackdrop.current = false;
      }}
    >
      {/* Close first: the dialog focuses it as it opens, and in a window shorter than the list (1280 × 600)
          one at the bottom scrolled the title out of sight. */}
      <header className="help-head">
        <h2 id="help-title">Keyboard shortcuts</h2>
        <form method="dialog"><button type="submit" className="text-button">Close</button></form>
      </header>
      <div className="help-groups">
        {GROUPS.map((g) => (
          <section key={g}>
            <h3>{g}</h3>
            <dl>
              {COMMANDS.filter((c) => c.group === g).map((c) => (
                <div key={c.id} className="help-row">
                  <dt>{c.keys.map((k) => <kbd key={keyLabel(k)}>{keyLabel(k)}</kbd>)}</dt>
                  <dd>{c.label}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <p className="help-foot">Click any unit in the diagram or a heatmap to select it. <kbd>Esc</kbd> or <kbd>{helpKey}</kbd> closes this, as does a click outside it.</p>
      {/* Not commands: keys of the focused equations only (useSymbolKeys), where they replace the timeline's. */}
      <p className="help-foot">
        In the equations (Tab to them): <kbd>←</kbd> <kbd>→</kbd> <kbd>↑</kbd> <kbd>↓</kbd> go from symbol to symbol and
        show its PyTorch tensor, <kbd>Home</kbd> <kbd>End</kbd> the first and last, <kbd>Esc</kbd> hides it.
      </p>
      {/* Also not commands: a focused heatmap row's (HeatmapRow), where ↑ ↓ pick the unit it reads out. */}
      <p className="help-foot">
        On a heatmap (Tab to it): <kbd>↑</kbd> <kbd>↓</kbd> pick the unit it reads out at the cursor; <kbd>←</kbd> <kbd>→</kbd> step as everywhere.
      </p>
    </dialog>
  );
}
