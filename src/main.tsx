import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { openDataset, resolveDataParam } from './load-in-browser';
import { useAtlasStore } from './state/store';
import { syncUrlWithStore } from './state/url-state';
import './styles.css';

syncUrlWithStore();
const dataParam = new URLSearchParams(window.location.search).get('data');
const target = dataParam === null ? undefined : resolveDataParam(dataParam, window.location.href);
if (target && 'refused' in target) {
  // Refused without fetching anything; the sample opens so the reader still has a map.
  void openDataset().then(() => useAtlasStore.getState().setProblems([{ severity: 'error', file: '?data=', message: target.refused }]));
} else {
  void openDataset(target?.url);
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
