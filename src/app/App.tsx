/** The page shell: header with the model controls, the run's status, the panels and the timeline. */
import { useEffect, useState } from 'react';
import { ModelControls } from '../panels/Controls/ModelControls';
import { HelpOverlay } from '../panels/Help/HelpOverlay';
import { NumbersPanel } from '../panels/Numbers/NumbersPanel';
import { RunStatus } from '../panels/Status/RunStatus';
import { Transport } from '../panels/Timeline/Transport';
import { useView } from '../state/view';
import { CommandButton } from './CommandButton';
import { Icons } from './icons';
import { useKeyboard } from './useKeyboard';

function useTheme(): void {
  const theme = useView((v) => v.theme);
  const lecture = useView((v) => v.lecture);
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'auto') delete root.dataset.theme;
    else root.dataset.theme = theme;
    root.dataset.lecture = lecture ? 'on' : 'off';
  }, [theme, lecture]);
}

export function App({ urlProblems }: { urlProblems: string[] }) {
  useKeyboard();
  useTheme();
  const [problems, setProblems] = useState(urlProblems);
  const lecture = useView((v) => v.lecture);
  return (
    <div className="app">
      <header className="app-header">
        <h1 className="brand"><img src="/favicon.svg" alt="" width="24" height="24" /> Gatescope</h1>
        {!lecture && <ModelControls />}
        <div className="header-actions">
          <CommandButton id="theme"><Icons.theme /></CommandButton>
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
      {!lecture && <RunStatus />}
      <main className="app-main">
        <NumbersPanel />
      </main>
      <footer className="app-timeline">
        <Transport />
      </footer>
      <HelpOverlay />
    </div>
  );
}
