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

export function AnalysisControls({ layer }: { layer: Exclude<LayerName, 'flows'> }) {
  const gi = useAtlasStore(useShallow((s) => ({ k: s.giK, fdr: s.giFdr, setGi: s.setGi, status: s.hotspotStatus })));
  const statistic = layer === 'hotspots' || layer === 'emerging';
  return (
    <div className="layer-note" data-testid={`controls-${layer}`}>
      <p>
        {WHAT_IT_SHOWS[layer]} <a href="docs/statistics.md">More</a>
      </p>
      {layer === 'hotspots' && (
        <>
          <label className="control">
            <span>Neighbourhood (k-ring)</span>
            <select value={gi.k} onChange={(e) => gi.setGi(Number(e.target.value), gi.fdr)} data-testid="gi-k">
              <option value={1}>k = 1 (6 neighbours)</option>
              <option value={2}>k = 2 (18 neighbours)</option>
              <option value={3}>k = 3 (36 neighbours)</option>
            </select>
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={gi.fdr}
              onChange={(e) => gi.setGi(gi.k, e.target.checked)}
              data-testid="gi-fdr"
            />{' '}
            FDR correction
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
