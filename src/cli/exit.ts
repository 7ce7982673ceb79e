/**
 * How every command-line tool here ends on a failure: a DataError prints each problem (exit 1), a
 * usage mistake prints the usage (exit 2), anything else one line (exit 1) — never a stack trace,
 * whatever was thrown (h3-js throws errors with numeric codes; some code throws strings).
 */
import { DataError, formatProblem } from '../data/problems';

/** A mistake in how the command was called. */
export class UsageError extends Error {}

export function exitCodeFor(error: unknown, usage: string, err: (line: string) => void): number {
  if (error instanceof DataError) {
    for (const p of error.problems) err(`${p.severity}: ${formatProblem(p)}`);
    return 1;
  }
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
    err(`${message}\n${usage}`);
    return 2;
  }
  if (code === 'ENOENT' && typeof (error as { path?: unknown }).path === 'string') {
    err(`error: cannot read ${(error as { path: string }).path}`);
    return 1;
  }
  err(`error: ${message}`);
  return 1;
}
