import { useAtlasStore } from '../state/store';
import { formatProblem } from '../data/parse';

/** Lists every problem with the data; what is already on the map stays there. */
export function ProblemsPanel() {
  const problems = useAtlasStore((s) => s.problems);
  const dismiss = useAtlasStore((s) => s.dismissProblems);
  const hasDataset = useAtlasStore((s) => Boolean(s.dataset));
  if (problems.length === 0) return null;
  return (
    <section className="problems" role="alert" aria-label="Problems with the data">
      <h2>The data could not be loaded</h2>
      {hasDataset && <p>The map still shows the data loaded before.</p>}
      <ul>
        {problems.map((p, i) => (
          <li key={i} className={p.severity}>
            {formatProblem(p)}
          </li>
        ))}
      </ul>
      <button type="button" onClick={dismiss}>
        Dismiss
      </button>
    </section>
  );
}
