import { useShallow } from 'zustand/react/shallow';
import { cellBreaks, changeClass, choroplethChange, choroplethData } from '../derive/choropleth';
import type { Dataset } from '../data/schema';
import { periodLabel } from '../data/periods';
import { capitalise } from '../data/format';
import {
  CELL_COLOURS,
  CHOROPLETH_CHANGE_COLOURS,
  CHOROPLETH_COLOURS,
  EMERGING_COLOURS,
  GI_COLOURS,
  NOT_AVAILABLE_COLOUR,
} from '../map/theme';
import { categoryLabel, EMERGING_CATEGORIES, EMERGING_MEANINGS } from '../data/analysis/emerging-categories';
import type { LayerName } from '../data/view';
import { selectShownDataset, useAtlasStore } from '../state/store';
import { binLabel } from './hotspot-text';

/** A key's colour sample, hidden from screen readers (the text beside it says what it means). */
export function Swatch({ colour }: { colour: string }) {
  return <span className="swatch" style={{ background: colour, borderColor: '#666' }} aria-hidden="true" />;
}

const fmt = (v: number) => (v >= 10 ? Math.round(v).toLocaleString('en-GB') : v.toFixed(1));

function Classes({ breaks, colours, unit }: { breaks: number[]; colours: string[]; unit: string }) {
  return (
    <ul className="classes">
      {breaks.map((upper, i) => (
        <li key={i}>
          <span className="swatch" style={{ background: colours[i], borderColor: '#666' }} aria-hidden="true" />
          {i === 0 ? `up to ${fmt(upper)}` : `${fmt(breaks[i - 1])}–${fmt(upper)}`} {unit}
        </li>
      ))}
    </ul>
  );
}

/** The choropleth in change mode: each destination's change since the base period. */
const signed = (v: number) =>
  `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v) >= 10 ? Math.round(Math.abs(v)) : Math.abs(v).toFixed(1)}`;

const CLASS_NAMES = ['Large decrease', 'Decrease', 'Little or no change', 'Increase', 'Large increase'];

function ChoroplethChangeKey({ dataset, base, period }: { dataset: Dataset; base: string; period: string }) {
  const change = choroplethChange(dataset, dataset.periods.indexOf(base), dataset.periods.indexOf(period));
  const [strongDown, down, up, strongUp] = change.breaks;
  const ranges = [
    `below ${signed(strongDown)}`,
    `${signed(strongDown)} to ${signed(down)}`,
    `${signed(down)} to ${signed(up)}`,
    `${signed(up)} to ${signed(strongUp)}`,
    `above ${signed(strongUp)}`,
  ];
  const counts = [0, 0, 0, 0, 0];
  let unavailable = 0;
  for (const value of change.changes.values()) {
    if (value === null) unavailable++;
    else counts[changeClass(value, change.breaks)]++;
  }
  const { flowMeasure } = dataset.manifest;
  return (
    <div className="layer-note" data-testid="legend-choropleth-change">
      <p>
        Change in {flowMeasure} into each destination{change.measure === 'rate' ? ' per 10,000 residents' : ''}, from{' '}
        {periodLabel(base)} to {periodLabel(period)}. Published flows only: suppressed flows count in neither period, so
        no suppressed value is ever part of a difference.
      </p>
      <ul className="classes">
        {CLASS_NAMES.map((name, i) => (
          <li key={name}>
            <Swatch colour={CHOROPLETH_CHANGE_COLOURS[i]} /> {name} ({ranges[i]}): {counts[i]}
          </li>
        ))}
        <li>
          <Swatch colour={NOT_AVAILABLE_COLOUR} /> Not available (no published flow in either period): {unavailable}
        </li>
      </ul>
    </div>
  );
}

/** Each analysis layer's key and one-line explanation, shown under its switch. */
export function AnalysisLegend({ layer }: { layer: LayerName }) {
  const dataset = useAtlasStore(selectShownDataset);
  const gi = useAtlasStore(useShallow((s) => ({ k: s.giK, fdr: s.giFdr, setGi: s.setGi, status: s.hotspotStatus })));
  const compareWith = useAtlasStore((s) => s.compareWith);
  const period = useAtlasStore((s) => s.period);
  if (!dataset) return null;
  const threshold = dataset.manifest.disclosure.threshold;
  if (layer === 'totals') {
    return (
      <p className="layer-note">
        Circle area is proportional to each place's published in + out total this period; suppressed flows are not
        counted.
      </p>
    );
  }
  if (layer === 'choropleth') {
    if (compareWith && period && dataset.periods.includes(compareWith))
      return <ChoroplethChangeKey dataset={dataset} base={compareWith} period={period} />;
    const data = choroplethData(dataset);
    return (
      <div className="layer-note" data-testid="legend-choropleth">
        <p>
          {capitalise(dataset.manifest.flowMeasure)} into each destination
          {data.measure === 'rate' ? ' per 10,000 residents' : ''}, from published flows only. Classes: natural breaks
          (Jenks), 5 classes over all periods.
        </p>
        <Classes breaks={data.breaks} colours={CHOROPLETH_COLOURS} unit={data.measure === 'rate' ? 'per 10,000' : ''} />
      </div>
    );
  }
  if (layer === 'hexbin') {
    return (
      <div className="layer-note" data-testid="legend-hexbin">
        <p>
          {dataset.manifest.incidentMeasure} per H3 cell (resolution {dataset.manifest.h3Resolution}); grey cells had
          fewer than {threshold}. Natural breaks over all periods.
        </p>
        <Classes breaks={cellBreaks(dataset)} colours={CELL_COLOURS} unit="" />
      </div>
    );
  }
  if (layer === 'emerging') return <EmergingLegend threshold={threshold} k={gi.k} fdr={gi.fdr} status={gi.status} />;
  if (layer === 'density') {
    return (
      <p className="layer-note" data-testid="legend-density">
        Density view: incident cells smoothed on screen (Gaussian, changes with zoom). It shows where incidents
        concentrate; it is not a statistical hot spot. Suppressed cells are left out.
      </p>
    );
  }
  return (
    <div className="layer-note" data-testid="legend-hotspots">
      <p>
        Getis-Ord Gi* over incident cells: each cell with its {gi.k}-ring of neighbours (binary weights, itself
        included). Suppressed cells counted as {threshold / 2}, empty cells as 0. False-discovery-rate correction
        (Benjamini–Hochberg): <strong>{gi.fdr ? 'on' : 'off'}</strong>.
      </p>
      <ClusteringLine />
      <ul className="classes">
        {[3, 2, 1, 0, -1, -2, -3].map((bin) => (
          <li key={bin}>
            <span className="swatch" style={{ background: GI_COLOURS[bin], borderColor: '#666' }} aria-hidden="true" />
            {binLabel(bin)}
          </li>
        ))}
      </ul>
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
      {gi.status && (
        <p className="muted" role="status">
          {gi.status}
        </p>
      )}
    </div>
  );
}

/**
 * The emerging hot-spot key: every category with its meaning, those on the map first (with their
 * number of cells), then a line on how it is computed.
 */
function EmergingLegend({
  threshold,
  k,
  fdr,
  status,
}: {
  threshold: number;
  k: number;
  fdr: boolean;
  status?: string;
}) {
  const emerging = useAtlasStore((s) => s.emerging);
  const counts = new Map<string, number>();
  for (const r of emerging?.results ?? []) counts.set(r.category, (counts.get(r.category) ?? 0) + 1);
  const shown = EMERGING_CATEGORIES.filter((c) => c !== 'no-pattern' && counts.has(c));
  const absent = EMERGING_CATEGORIES.filter((c) => c !== 'no-pattern' && !counts.has(c));
  const periods = emerging?.periods ?? [];
  return (
    <div className="layer-note" data-testid="legend-emerging">
      <p>
        Each incident cell classed by how its Gi* hot or cold spot has changed
        {periods.length ? ` from ${periods[0]} to ${periods.at(-1)} (the period shown)` : ''}: space-time Gi* over its{' '}
        {k}-ring in this and the previous period, 90 % confidence{fdr ? ' with FDR correction' : ''}, and a Mann–Kendall
        trend. Suppressed cells counted as {threshold / 2}. Cells with no pattern are not drawn.
      </p>
      <ul className="classes emerging-classes">
        {shown.map((c) => (
          <li key={c}>
            <Swatch colour={EMERGING_COLOURS[c]} />
            <span>
              <strong>{categoryLabel(c)}</strong> ({counts.get(c)} cells): {EMERGING_MEANINGS[c]}
            </span>
          </li>
        ))}
      </ul>
      {absent.length > 0 && (
        <details>
          <summary>Other categories (none on the map)</summary>
          <ul className="classes">
            {absent.map((c) => (
              <li key={c}>
                <Swatch colour={EMERGING_COLOURS[c]} />
                <span>
                  {categoryLabel(c)}: {EMERGING_MEANINGS[c]}
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {status && (
        <p className="muted" role="status">
          {status}
        </p>
      )}
    </div>
  );
}

/** One line on global clustering (Moran's I) over the same cells and rings as Gi*. */
function ClusteringLine() {
  const clustering = useAtlasStore((s) => s.hotspots?.clustering);
  if (!clustering) return null;
  if (clustering.notDefined || !Number.isFinite(clustering.moranI))
    return (
      <p data-testid="clustering">
        Clustering: not measurable this period ({clustering.notDefined ?? 'Moran’s I is not defined for these cells'}).
      </p>
    );
  const significant = clustering.pSim < 0.05 && clustering.moranI > clustering.expected;
  return (
    <p data-testid="clustering">
      Clustering over all cells this period is <strong>{significant ? 'significant' : 'not significant'}</strong>:
      Moran&apos;s I = {clustering.moranI.toFixed(3)} (expected {clustering.expected.toFixed(3)} if random), p ={' '}
      {clustering.pSim.toFixed(3)} from {clustering.permutations} permutations.
    </p>
  );
}
