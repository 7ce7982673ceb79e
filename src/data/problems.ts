/** A problem found in input data: where it is, what was expected, what was found. */
export interface DataProblem {
  severity: 'error' | 'warning';
  file: string;
  /** e.g. "row 12" or 'feature 3 (E07000114 "Thanet")'. */
  where?: string;
  field?: string;
  message: string;
}

/** Longest message shown: input quoted in a message is cut, never pasted whole. */
const MAX_MESSAGE = 400;

/**
 * Text from an input made fit to show: control characters visible (NUL as ␀, and so on) and
 * anything past `max` characters cut with an ellipsis.
 */
export function visibleText(text: string, max = MAX_MESSAGE): string {
  const visible = text.replace(/[\u0000-\u001f\u007f]/g, (c) =>
    c === '\u007f' ? '\u2421' : String.fromCharCode(0x2400 + c.charCodeAt(0)),
  );
  return visible.length > max ? `${visible.slice(0, max - 1)}…` : visible;
}

export function formatProblem(p: DataProblem): string {
  const location = [p.where && visibleText(p.where, 120), p.field && `field "${visibleText(p.field, 80)}"`]
    .filter(Boolean)
    .join(', ');
  return `${visibleText(p.file, 120)}${location ? `: ${location}` : ''}: ${visibleText(p.message)}`;
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
