import { useAtlasStore } from '../state/store';
import { formatProblem } from '../data/problems';

/** Lists every problem with the data; what is already on the map stays there. */
export function ProblemsPanel() {
  const problems = useAtlasStore((s) => s.problems);
  const disclosure = useAtlasStore((s) => s.disclosure);
  const dismiss = useAtlasStore((s) => s.dismissProblems);
  const hasDataset = useAtlasStore((s) => Boolean(s.dataset));
  const instead = useAtlasStore((s) => s.problemsInstead);
  if (problems.length === 0) return null;
  const errors = problems.filter((p) => p.severity === 'error');
  return (
    <section
      className={`problems ${errors.length ? 'has-errors' : 'warnings-only'}`}
      role={errors.length ? 'alert' : 'status'}
      aria-label="Problems with the data"
      data-testid="problems"
    >
      <h2>{errors.length ? 'The data could not be opened' : 'Opened, with warnings'}</h2>
      {errors.length > 0 && hasDataset && (
        <p>{instead ?? 'Nothing was changed: the map still shows the data loaded before.'}</p>
      )}
      <ul>
        {problems.map((p, i) => (
          <li key={i} className={p.severity}>
            <span className="severity">{p.severity === 'error' ? 'Error' : 'Warning'}:</span> {formatProblem(p)}
          </li>
        ))}
      </ul>
      {errors.length === 0 && disclosure && (
        <p>Disclosure control was applied before drawing; see the note under the legend.</p>
      )}
      <button type="button" onClick={dismiss}>
        Dismiss
      </button>
    </section>
  );
}

/** What disclosure control did to files opened raw: said plainly, beside the legend. */
export function DisclosureNote() {
  const report = useAtlasStore((s) => s.disclosure);
  if (!report) return null;
  const f = report.flows;
  return (
    <p className="disclosure-note" data-testid="disclosure-note">
      Before drawing, every count under {report.settings.threshold} was suppressed, and any other count a total could
      give one back from; {f.suppressed} of {f.rows} flow{f.rows === 1 ? '' : 's'} are not shown (protected), and the
      rest are rounded to the nearest {report.settings.roundingBase}. The data CLI writes the full report.
    </p>
  );
}
