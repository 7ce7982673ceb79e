import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { openDataset, resolveDataParam } from './load-in-browser';
import { useAtlasStore } from './state/store';
import { syncUrlWithStore } from './state/url-state';
import type { DataProblem } from './data/problems';
import './styles.css';

syncUrlWithStore();
const dataParam = new URLSearchParams(window.location.search).get('data');
const target = dataParam === null ? undefined : resolveDataParam(dataParam, window.location.href);

/** Opens ?data= or the sample; when ?data= is refused or fails, the sample opens under its problems. */
async function openFirstDataset(): Promise<void> {
  const problems: DataProblem[] | undefined =
    target === undefined ? await openDataset() : 'refused' in target ? [{ severity: 'error', file: '?data=', message: target.refused }] : await openDataset(target.url);
  if (!problems || target === undefined) return;
  await openDataset();
  useAtlasStore.getState().setProblems(problems, 'The map shows the bundled illustrative sample instead.');
}
void openFirstDataset();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
