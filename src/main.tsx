/**
 * The page's entry, kept small on purpose: it reads the URL, starts the engine worker and sends the first
 * run before the rest of the page (React, d3, the panels) has even been downloaded, so that the worker
 * starts and computes while the page is still being built.
 */
import { applyUrl, syncUrl } from './app/urlState';
import { startEngineBridge } from './app/engineBridge';

const problems = applyUrl(location.search);
startEngineBridge();
syncUrl();

void import('./app/mount').then(({ mount }) => mount(document.getElementById('root')!, problems));
