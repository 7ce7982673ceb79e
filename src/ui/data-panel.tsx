/**
 * The numbers behind the map, for readers who cannot see it and for journalists: the alt text
 * (generated from what is shown, editable), a table of the flows drawn (and of the hot-spot cells
 * when that layer is on), a CSV of exactly that, and a link that reopens this view.
 */
import { useState } from 'react';
import { preflight } from '../data/disclosure/preflight';
import { problemsOf } from '../data/problems';
import { SUPPRESSED_TOKEN } from '../data/tokens';
import { capitalise, formatCount, formatNumber, PROTECTED, shortName } from '../data/format';
import { selectShownDataset, useAtlasStore } from '../state/store';
import { viewHref } from '../state/url-state';
import { binLabel } from '../data/analysis/gi-bins';
import { flowRows } from '../derive/describe';
import { useShownFlows } from './use-alt-text';
import { useDerived } from './view-derived';

/**
 * Rows listed in each table; the CSV holds them all. A table of 180,000 rows froze the page for
 * a minute while React built it, and nobody reads past the largest flows anyway.
 */
const TABLE_ROWS = 100;

function download(name: string, text: string, type: string) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/**
 * The panel is closed until a reader opens it, and its contents are made only while it is open:
 * a period change would otherwise rebuild a hidden table and alt text (a quarter of the page's
 * JavaScript per change at 100,000 flows).
 */
export function DataPanel() {
  // Whether there is a map to describe, not the view itself: the closed panel is not drawn again
  // on every change of it.
  const hasData = useAtlasStore((s) => selectShownDataset(s) !== undefined && s.period !== undefined);
  const [open, setOpen] = useState(false);
  if (!hasData) return null;
  return (
    <details className="controls data-panel" data-testid="data-panel" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Data behind the map</summary>
      {open && <DataPanelBody />}
    </details>
  );
}

function DataPanelBody() {
  const derived = useDerived();
  const override = useAtlasStore((s) => s.altTextOverride);
  const setOverride = useAtlasStore((s) => s.setAltTextOverride);
  const hotspots = useAtlasStore((s) => (s.layers.hotspots ? s.hotspots : undefined));
  const [copied, setCopied] = useState('');
  const shown = useShownFlows();
  if (!derived || !shown) return null;
  const alt = shown.alt;
  // A further measure keeps its published column name, so the file reads like the dataset's own.
  const measure = derived.view.measure && derived.dataset.manifest.measures.find((m) => m.id === derived.view.measure);
  const countColumn = measure ? `count_${measure.id}` : 'count';
  const csvName = `flows-${derived.view.period}${measure ? `-${measure.id}` : ''}.csv`;
  // The CSV writer (papaparse) loads on first use, not with the first map. What the file holds
  // passes the pre-flight first, as every output does.
  const csv = async () => {
    const { manifest } = derived.dataset;
    const rows = flowRows(shown.flows);
    preflight('the CSV', {
      manifest: { disclosure: manifest.disclosure, measures: [], files: { flows: csvName } },
      flows: rows,
      incidents: [],
    });
    return (await import('../data/io/csv-cells')).writeCsv(
      ['origin', 'destination', 'period', countColumn, 'suppressed_member_flows'],
      rows.map((r) => [r.origin, r.destination, r.period, r.count ?? SUPPRESSED_TOKEN, r.suppressedMembers]),
    );
  };
  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(viewHref());
      setCopied('Link copied');
    } catch {
      setCopied('Copy the address bar: it holds this view');
    }
  };
  return (
    <>
      <button type="button" className="link-button" onClick={() => void copyLink()} data-testid="copy-link">
        Copy link to this view
      </button>{' '}
      <span role="status" className="muted">
        {copied}
      </span>
      <label className="control">
        <span>Alt text (for embeds and images; edit if you like)</span>
        <textarea rows={4} value={alt} onChange={(e) => setOverride(e.target.value)} data-testid="alt-text" />
      </label>
      {override !== undefined && (
        <button type="button" className="link" onClick={() => setOverride(undefined)}>
          Back to the generated text
        </button>
      )}
      <p>
        <button
          type="button"
          className="link-button"
          onClick={() =>
            void csv().then(
              (text) => download(csvName, text, 'text/csv'),
              (error: unknown) => useAtlasStore.getState().setProblems(problemsOf(error, csvName)),
            )
          }
          data-testid="download-csv"
        >
          Download these flows (CSV)
        </button>
      </p>
      <table className="data-table" data-testid="flow-table">
        <caption>
          Flows on the map, {derived.view.period}: {formatNumber(shown.flows.length)}
          {shown.flows.length > TABLE_ROWS && `, the largest ${TABLE_ROWS} listed (the CSV holds all)`}
          {shown.protectedFlows > 0 &&
            `; ${formatNumber(shown.protectedFlows)} flow${shown.protectedFlows === 1 ? '' : 's'} ${PROTECTED}`}
        </caption>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">{measure ? capitalise(measure.label) : 'Count'}</th>
          </tr>
        </thead>
        <tbody>
          {flowRows(shown.flows.slice(0, TABLE_ROWS)).map((r, i) => (
            <tr key={i}>
              <td>{shortName(r.origin, 80)}</td>
              <td>{shortName(r.destination, 80)}</td>
              <td>{formatCount(r.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {hotspots && (
        <table className="data-table" data-testid="hotspot-table">
          <caption>Significant hot- and cold-spot cells (Gi*), hottest first; at most {TABLE_ROWS} listed</caption>
          <thead>
            <tr>
              <th scope="col">H3 cell</th>
              <th scope="col">Result</th>
              <th scope="col">z</th>
            </tr>
          </thead>
          <tbody>
            {hotspots.cells
              .map((cell, i) => ({ cell, bin: hotspots.bins[i], z: hotspots.z[i] }))
              .filter((c) => c.bin !== 0)
              .sort((a, b) => b.z - a.z)
              .slice(0, TABLE_ROWS)
              .map((c) => (
                <tr key={c.cell}>
                  <td>{c.cell}</td>
                  <td>{binLabel(c.bin)}</td>
                  <td>{c.z.toFixed(2)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
    </>
  );
}
