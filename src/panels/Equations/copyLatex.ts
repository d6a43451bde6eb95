/**
 * Copy as LaTeX: the command's work (loaded when first run, with the equations' own code). The equations
 * for the cursor as the panel shows them go on the clipboard; the view store says how that went, for the
 * panel's button to show, and the page's live region says it to screen readers.
 */
import { usePlayback } from '../../state/playback';
import { useRun } from '../../state/run';
import { useView } from '../../state/view';
import { announce } from '../../state/announce';
import { equationsAt, latexInView } from './shown';

/** The LaTeX for the cursor, or null while its timestep hasn't been computed. */
export function currentLatex(): string | null {
  const { trace, model } = useRun.getState();
  const { t, layer, unit, sub, subFocus } = usePlayback.getState();
  if (!trace || !model || t >= trace.filled) return null;
  return latexInView(trace, equationsAt(trace, model, { layer, unit, t }), sub, subFocus);
}

export async function copyLatex(): Promise<void> {
  const text = currentLatex();
  if (text === null) return;
  let ok = true;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    ok = false; // no permission, or a page not served securely: the button says it failed
  }
  useView.setState({ latexCopy: { at: performance.now(), ok } });
  announce(ok ? 'Equations copied as LaTeX' : 'The browser did not let the page copy the equations');
}
