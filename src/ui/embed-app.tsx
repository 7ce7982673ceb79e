/**
 * What an article shows: title and subtitle, the map, its legend (beside the map when there is
 * room, folded under it on a phone), the period, the source and, for illustrative data, the note.
 * It sizes itself to its width and posts its height to the page around it (shell/embed-height.ts).
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { BaseMap } from '../map/base-map';
import { postEmbedHeight } from '../shell/embed-height';
import { useAnalysisData } from '../shell/use-analysis-data';
import { useEscapeKey } from '../shell/use-escape-key';
import { usePlayback } from '../shell/use-playback';
import { useAtlasStore } from '../state/store';
import { Legend } from './map-key';
import { PeriodControl } from './period-control';
import { Tooltip } from './tooltip';
import { useShownFlows } from './use-alt-text';

/** Below this width the key folds away behind a button, so the map keeps most of a phone's frame. */
const NARROW = '(max-width: 600px)';

function useNarrow(): boolean {
  return useSyncExternalStore(
    (changed) => {
      const query = window.matchMedia(NARROW);
      query.addEventListener('change', changed);
      return () => query.removeEventListener('change', changed);
    },
    () => window.matchMedia(NARROW).matches,
  );
}

export function EmbedApp() {
  const narrow = useNarrow();
  const [keyOpen, setKeyOpen] = useState(false);
  usePlayback();
  useEscapeKey();
  useAnalysisData();
  useEffect(() => postEmbedHeight(), []);
  const manifest = useAtlasStore((s) => s.dataset?.manifest);
  const shown = useShownFlows();
  return (
    <div className="embed" data-testid="embed">
      <header className="embed-header">
        <h1>{manifest?.title ?? 'County-lines route atlas'}</h1>
        {manifest?.subtitle && !narrow && <p className="subtitle">{manifest.subtitle}</p>}
      </header>
      <div className="embed-body">
        <div
          className="embed-map"
          role="figure"
          aria-label={shown?.alt ?? 'Map of county-lines flows'}
          data-testid="embed-map"
        >
          <BaseMap />
          <Tooltip />
        </div>
        <aside className="embed-legend" aria-label="Legend">
          {narrow && (
            <button
              type="button"
              className="link-button"
              aria-expanded={keyOpen}
              onClick={() => setKeyOpen(!keyOpen)}
              data-testid="embed-key-toggle"
            >
              {keyOpen ? 'Hide the key and notes' : 'Show the key and notes'}
            </button>
          )}
          {narrow && keyOpen && manifest?.subtitle && <p className="subtitle">{manifest.subtitle}</p>}
          {(!narrow || keyOpen) && <Legend />}
          {narrow && keyOpen && manifest && <p className="embed-source">Source: {manifest.source}</p>}
        </aside>
      </div>
      <div className="embed-period">
        <PeriodControl compact={narrow} />
      </div>
      <footer className="embed-footer">
        {manifest?.synthetic && (
          <p className="embed-illustrative">
            <strong>Illustrative data.</strong> {manifest.notice}
          </p>
        )}
        {/* On a phone the data's source waits with the key (one tap away); the licence stays. */}
        {manifest && (
          <p>
            {!narrow && `Source: ${manifest.source.replace(/\.$/, '')}. `}Counts under {manifest.disclosure.threshold}{' '}
            are never shown. {manifest.attribution}
          </p>
        )}
      </footer>
    </div>
  );
}
