/**
 * The embed page (/embed.html): the map for an article, with its title, legend and source, and no
 * side panel. It reads the same URL state as the app and tells the page around it how tall it is.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { boot } from './shell/boot';
import { EmbedApp } from './ui/embed-app';
import './styles.css';

boot({ mode: 'embed' });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <EmbedApp />
  </StrictMode>,
);
