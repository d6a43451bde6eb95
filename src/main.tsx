import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { applyUrl, syncUrl } from './app/urlState';
import { startEngineBridge } from './app/engineBridge';
import { startPlayer } from './app/player';
import './styles.css';

// State first (from the URL), then the engine, then the page: the first run starts before React renders.
const problems = applyUrl(location.search);
startEngineBridge();
startPlayer();
syncUrl();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App urlProblems={problems} />
  </StrictMode>,
);
