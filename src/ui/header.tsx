import { measureOf } from '../data/measures';
import { useAtlasStore } from '../state/store';

/** Title, subtitle and, for illustrative data, a label no reader can miss. */
export function Header() {
  const manifest = useAtlasStore((s) => s.dataset?.manifest);
  // The subtitle is the author's and names the main count; another measure on screen is said here.
  const measure = useAtlasStore((s) => (s.dataset && s.measure ? measureOf(s.dataset, s.measure) : undefined));
  return (
    <header className="header">
      <h1>{manifest?.title ?? 'County-lines route atlas'}</h1>
      {manifest?.subtitle && <p className="subtitle">{manifest.subtitle}</p>}
      {manifest && measure && (
        <p className="measure-line" data-testid="measure-line">
          Showing <strong>{measure.label}</strong>, not {manifest.flowMeasure}.
        </p>
      )}
      {manifest?.synthetic && (
        <p className="synthetic-badge" data-testid="synthetic-badge">
          <strong>Illustrative data</strong> {manifest.notice}
        </p>
      )}
    </header>
  );
}

/** Source, licence and the disclosure promise, always on screen. */
export function SourceNote() {
  const manifest = useAtlasStore((s) => s.dataset?.manifest);
  if (!manifest) return null;
  return (
    <footer className="source-note">
      <p>
        <strong>Source:</strong> {manifest.source}
      </p>
      <p>
        Counts under {manifest.disclosure.threshold} are never shown; other counts are rounded to the nearest{' '}
        {manifest.disclosure.roundingBase}. Incident locations are only ever shown as coarse cells. Area shapes are
        schematic.
      </p>
      <p>
        {manifest.licence} {manifest.attribution}
      </p>
    </footer>
  );
}
