/** The page shell: header with the model controls, the run's status, the panels and the timeline. */
import { lazy, startTransition, Suspense, useEffect, useRef, useState } from 'react';
import { CellDiagram } from '../panels/CellDiagram/CellDiagram';
import { ModelControls } from '../panels/Controls/ModelControls';
import { HelpOverlay } from '../panels/Help/HelpOverlay';
import { ReadoutPanel } from '../panels/Readout/ReadoutPanel';
import { SequencePanel } from '../panels/Sequence/SequencePanel';
import { RunStatus } from '../panels/Status/RunStatus';
import { Announcer } from './Announcer';
import { useFocusRescue } from './useFocusRescue';
import { useStickyInset } from './useStickyInset';
import { Transport } from '../panels/Timeline/Transport';
import { useRun, whenRun } from '../state/run';
import { useView } from '../state/view';
import { CommandButton } from './CommandButton';
import { PanelBoundary } from './PanelBoundary';
import { Icons } from './icons';
import { useKeyboard } from './useKeyboard';
import { markDocument, useEffectiveTheme } from './theme';

// KaTeX is the page's largest dependency, and the heatmaps and the values table sit below the fold:
// the diagram paints first and these follow.
const loadEquations = () => import('../panels/Equations/EquationsPanel');
const loadHeatmaps = () => import('../panels/Heatmaps/HeatmapsPanel');
const loadNumbers = () => import('../panels/Numbers/NumbersPanel');
const EquationsPanel = lazy(loadEquations);
const HeatmapsPanel = lazy(loadHeatmaps);
const NumbersPanel = lazy(loadNumbers);

/**
 * Says the page has settled once the later panels have been committed (not only loaded: React reveals a
 * lazy panel in a later commit, up to 300 ms later, and its first layout is the page's largest), the main
 * thread has had a moment with nothing to do, and the fonts their text asked for (KaTeX's) are in; the
 * engine then streams the rest of the first run. Text is set again when its font arrives, and that
 * layout, 10–25 ms, would otherwise land in the stream's first frames.
 */
function settleAfterLoading(committed: Promise<void>): () => void {
  let cancelled = false;
  const idle = () => new Promise<void>((f) => ('requestIdleCallback' in window ? requestIdleCallback(() => f(), { timeout: 1000 }) : setTimeout(f, 100)));
  Promise.all([loadEquations(), loadHeatmaps(), loadNumbers()])
    .catch(() => {}) // a chunk that fails to load shows in its panel; the engine needn't wait for it
    .then(() => committed)
    .then(idle)
    .then(() => document.fonts?.ready) // resolves when nothing is loading, fonts that failed included
    .then(idle)
    .then(() => { if (!cancelled) useRun.setState({ settled: true }); });
  return () => { cancelled = true; };
}

/** A promise and the function that resolves it. */
function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => { resolve = r; });
  return { promise, resolve };
}

/** Placed after lazy panels inside their Suspense boundary: its effect runs once they have been committed. */
function OnCommit({ then }: { then: () => void }) {
  useEffect(then, [then]);
  return null;
}

function EquationsLoading() {
  return <section className="panel equations" aria-label="Equations"><p className="muted">Loading the equations…</p></section>;
}

function useTheme(): void {
  const theme = useEffectiveTheme();
  const lecture = useView((v) => v.lecture);
  useEffect(() => markDocument(theme, lecture), [theme, lecture]);
}

export function App({ urlProblems }: { urlProblems: string[] }) {
  useKeyboard();
  useFocusRescue();
  useTheme();
  const timeline = useRef<HTMLElement>(null);
  useStickyInset(timeline);
  const [problems, setProblems] = useState(urlProblems);
  const lecture = useView((v) => v.lecture);
  const dark = useEffectiveTheme() === 'dark';
  // Everything but the diagram and the timeline waits for the first timestep to be painted (or, if that
  // can't happen, such as when the first run is refused, for a second), and then renders as a transition:
  // in slices, between which the stream's messages and the user's keys get through.
  const [rest, setRest] = useState(false);
  // The panels the first run's stream waits for: the equations, and in the full view those below.
  const [equationsIn] = useState(signal);
  const [belowIn] = useState(signal);
  useEffect(() => {
    if (!rest) return;
    // A lecture view has nothing below; and one who switches views meanwhile waits at most for the hold limit.
    return settleAfterLoading(Promise.all([equationsIn.promise, lecture ? undefined : belowIn.promise]).then(() => {}));
  }, [rest]); // eslint-disable-line react-hooks/exhaustive-deps -- decided once, when the rest first renders
  useEffect(() => whenRun((r) => r.painted || r.status === 'error', 1000, () => startTransition(() => setRest(true))), []);
  return (
    <div className="app">
      <header className="app-header">
        {/* The playback controls come last in the page, some 50 Tab stops in: the first stop goes straight
            there. In the header, as all of the page is in a landmark; not an #anchor, as a change of
            fragment starts the page over (url/sync.ts). */}
        <a className="skip-link" href="#" onClick={(e) => {
          e.preventDefault();
          document.querySelector<HTMLElement>('[data-command="play"]')?.focus();
        }}>Skip to the playback controls</a>
        <h1 className="brand"><img src="/favicon.svg" alt="" width="24" height="24" /> Gatescope</h1>
        {!lecture && <ModelControls />}
        <div className="header-actions">
          <CommandButton id="theme" pressed={dark}><Icons.theme /></CommandButton>
          <CommandButton id="lecture" pressed={lecture}><Icons.lecture /></CommandButton>
          <CommandButton id="help"><Icons.help /></CommandButton>
        </div>
      </header>
      {problems.length > 0 && (
        <div className="message message-warn" role="alert">
          <ul>{problems.map((p) => <li key={p}>{p}</li>)}</ul>
          <button type="button" className="text-button" onClick={() => setProblems([])}>Dismiss</button>
        </div>
      )}
      <RunStatus lecture={lecture} />
      <Announcer />
      <main className="app-main">
        <div className="stage">
          <PanelBoundary name="Cell diagram"><CellDiagram /></PanelBoundary>
          <PanelBoundary name="Equations">
            <Suspense fallback={<EquationsLoading />}>
              {rest ? <EquationsPanel onShown={equationsIn.resolve} /> : <EquationsLoading />}
            </Suspense>
          </PanelBoundary>
        </div>
        {!lecture && rest && (
          <>
            <div className="io-row">
              <PanelBoundary name="Input sequence"><SequencePanel /></PanelBoundary>
              <PanelBoundary name="Readout"><ReadoutPanel /></PanelBoundary>
            </div>
            <Suspense fallback={null}>
              <PanelBoundary name="Heatmaps over time"><HeatmapsPanel /></PanelBoundary>
              <PanelBoundary name="Values at this timestep"><NumbersPanel /></PanelBoundary>
              <OnCommit then={belowIn.resolve} />
            </Suspense>
          </>
        )}
      </main>
      <footer className="app-timeline" ref={timeline}>
        <Transport />
      </footer>
      {rest && <HelpOverlay />}
    </div>
  );
}
