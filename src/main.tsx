import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { openDataset } from './load-in-browser';
import { syncUrlWithStore } from './state/url-state';
import './styles.css';

syncUrlWithStore();
void openDataset();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
