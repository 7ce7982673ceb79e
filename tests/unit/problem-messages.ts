import { DataError, formatProblem } from '../../src/data/problems';

/** The formatted problems a DataError carries; [] when `fn` succeeds. Other errors propagate. */
export function problemMessages(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof DataError) return error.problems.map(formatProblem);
    throw error;
  }
  return [];
}
