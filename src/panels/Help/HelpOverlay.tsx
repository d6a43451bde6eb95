/** The keyboard-shortcut overlay (?): read from the command registry, so it lists every command. */
import { useEffect, useRef } from 'react';
import { COMMANDS, keyLabel } from '../../app/commands';
import { useView } from '../../state/view';

const GROUPS = ['Playback', 'Selection', 'View'] as const;

export function HelpOverlay() {
  const open = useView((v) => v.help);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className="help" aria-labelledby="help-title" onClose={() => useView.setState({ help: false })}>
      <h2 id="help-title">Keyboard shortcuts</h2>
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
      <p className="help-foot">Click any unit in the diagram or a heatmap to select it. <kbd>Esc</kbd> closes this.</p>
      {/* Not commands: keys of the focused equations only (useSymbolKeys), where they replace the timeline's. */}
      <p className="help-foot">
        In the equations (Tab to them): <kbd>←</kbd> <kbd>→</kbd> <kbd>↑</kbd> <kbd>↓</kbd> go from symbol to symbol and
        show its PyTorch tensor, <kbd>Home</kbd> <kbd>End</kbd> the first and last, <kbd>Esc</kbd> hides it.
      </p>
      <form method="dialog"><button type="submit" className="text-button">Close</button></form>
    </dialog>
  );
}
