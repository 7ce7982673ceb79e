import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { boot } from './shell/boot';
import { PresenterView } from './ui/presenter-view';
import './styles.css';

// `?presenter`: the presenter's second window, driven by the main one (shell/presenter-channel.ts).
performance.mark('atlas:main');
const presenter = new URLSearchParams(window.location.search).has('presenter');
if (!presenter) boot({ mode: 'explore' });

createRoot(document.getElementById('root')!).render(<StrictMode>{presenter ? <PresenterView /> : <App />}</StrictMode>);
