/**
 * Under each analysis layer's switch: a line on what it shows, and for the hot-spot statistics
 * their settings (neighbourhood, false-discovery-rate correction) and progress. What the colours
 * mean is the key's (map-key.tsx), built from the layer itself; nothing here describes a key.
 */
import { useShallow } from 'zustand/react/shallow';
import type { LayerName } from '../data/view';
import { useAtlasStore } from '../state/store';

const WHAT_IT_SHOWS: Record<Exclude<LayerName, 'flows'>, string> = {
  totals: 'A circle at each place, sized by its published flows in and out this period.',
  choropleth: 'Each destination shaded by the flows into it (per 10,000 residents where populations are known).',
  hexbin: 'Incidents counted in hexagonal cells of about 5 km².',
  density: 'Where incidents concentrate, smoothed on screen (not a statistical test).',
  hotspots: 'Where incidents cluster more than chance would give (hot spots) or less (cold spots).',
  emerging: 'How each hot or cold spot has changed over the periods up to this one.',
};

/** The section of docs/statistics.md (shipped as docs/statistics.html) that explains each layer. */
export const MORE_SECTION: Record<Exclude<LayerName, 'flows'>, string> = {
  totals: 'the-maps-layers-in-plain-words',
  choropleth: 'the-maps-layers-in-plain-words',
  hexbin: 'the-maps-layers-in-plain-words',
  density: 'the-maps-layers-in-plain-words',
  hotspots: 'hot-spots-getis-ord-gi',
  emerging: 'emerging-hot-spots',
};

export function AnalysisControls({ layer }: { layer: Exclude<LayerName, 'flows'> }) {
  const gi = useAtlasStore(useShallow((s) => ({ k: s.giK, fdr: s.giFdr, setGi: s.setGi, status: s.hotspotStatus })));
  const statistic = layer === 'hotspots' || layer === 'emerging';
  return (
    <div className="layer-note" data-testid={`controls-${layer}`}>
      <p>
        {WHAT_IT_SHOWS[layer]}{' '}
        <a
          href={`docs/statistics.html#${MORE_SECTION[layer]}`}
          target="_blank"
          rel="noopener"
          data-testid={`more-${layer}`}
        >
          More
        </a>
      </p>
      {layer === 'hotspots' && (
        <>
          <label className="control">
            <span>Neighbours each cell is compared with</span>
            <select value={gi.k} onChange={(e) => gi.setGi(Number(e.target.value), gi.fdr)} data-testid="gi-k">
              <option value={1}>the 6 touching cells (k-ring 1)</option>
              <option value={2}>2 rings, 18 cells (k-ring 2)</option>
              <option value={3}>3 rings, 36 cells (k-ring 3)</option>
            </select>
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={gi.fdr}
              onChange={(e) => gi.setGi(gi.k, e.target.checked)}
              data-testid="gi-fdr"
            />{' '}
            Fewer false alarms across many cells (false-discovery-rate correction)
          </label>
        </>
      )}
      {statistic && gi.status && (
        <p className="muted" role="status">
          {gi.status}
        </p>
      )}
    </div>
  );
}
