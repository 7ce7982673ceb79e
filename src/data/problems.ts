/** A problem found in input data: where it is, what was expected, what was found. */
export interface DataProblem {
  severity: 'error' | 'warning';
  file: string;
  /** e.g. "row 12" or 'feature 3 (E07000114 "Thanet")'. */
  where?: string;
  field?: string;
  message: string;
}

export function formatProblem(p: DataProblem): string {
  const location = [p.where, p.field && `field "${p.field}"`].filter(Boolean).join(', ');
  return `${p.file}${location ? `: ${location}` : ''}: ${p.message}`;
}

/** Thrown when a file cannot be used; carries every problem found, not just the first. */
export class DataError extends Error {
  constructor(readonly problems: DataProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'DataError';
  }
}

/** The problems to show for a failure: a DataError's own, or one naming `file` for anything else. */
export function problemsOf(error: unknown, file: string): DataProblem[] {
  if (error instanceof DataError) return error.problems;
  return [
    {
      severity: 'error',
      file,
      message: `could not be read: ${error instanceof Error ? error.message : String(error)}`,
    },
  ];
}
