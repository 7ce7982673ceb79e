/**
 * The disclosure rule for one count (ONS "10-5 rule" by default): what a raw count may be
 * published as, and whether a published value keeps to the rule. Secondary suppression (across
 * totals) is secondary-suppression.ts; the check every output runs is preflight.ts.
 */
import type { DataProblem } from '../problems';
import type { DisclosureSettings } from '../schema';

/**
 * Returns the publishable form of a raw count: null (suppressed) when it is below the threshold,
 * else the count rounded to the nearest multiple of the rounding base. Rounding never takes a
 * published value below the threshold.
 */
export function protectCount(raw: number, settings: DisclosureSettings): number | null {
  if (!Number.isFinite(raw) || raw < settings.threshold) return null;
  const rounded = Math.round(raw / settings.roundingBase) * settings.roundingBase;
  return Math.max(rounded, Math.ceil(settings.threshold / settings.roundingBase) * settings.roundingBase);
}

/** True when a published value respects the settings (used by tests and the loader's check). */
export function isPublishable(count: number | null, settings: DisclosureSettings): boolean {
  return count === null || (count >= settings.threshold && count % settings.roundingBase === 0);
}

/**
 * Why a published value breaks the rule, in words that never print the value itself (a message is
 * an output too: "3 breaks the rule" would publish the 3). Undefined when the value is fine.
 */
export function ruleBroken(count: number | null, settings: DisclosureSettings): string | undefined {
  if (count === null) return undefined;
  if (!Number.isFinite(count) || count < settings.threshold)
    return `a count under the threshold (${settings.threshold}), which the dataset's disclosure rule suppresses`;
  if (count % settings.roundingBase !== 0)
    return `a count not rounded to a multiple of ${settings.roundingBase}, as the dataset's disclosure rule requires`;
  return undefined;
}

/** Most problems listed for one file: a file of raw counts would otherwise list every row. */
const MAX_LISTED = 20;

/** A column of published counts read by row (null: suppressed), where rows are not objects. */
export interface CountColumn {
  readonly length: number;
  countAt(row: number): number | null;
}

/** Rows that carry their count (incident cells, a list of flows) read as a CountColumn. */
export const countsOf = (rows: readonly { count: number | null }[]): CountColumn => ({
  length: rows.length,
  countAt: (row) => rows[row].count,
});

/**
 * Problems for published rows whose counts break the dataset's own rule: such a file is refused
 * outright, wherever its rows come from (with the dataset, or loaded later). The messages name the
 * row and field, never the value.
 */
export function disclosureProblems(
  file: string,
  counts: CountColumn,
  settings: DisclosureSettings,
  field = 'count',
): DataProblem[] {
  const problems: DataProblem[] = [];
  let broken = 0;
  for (let i = 0; i < counts.length; i++) {
    const why = ruleBroken(counts.countAt(i), settings);
    if (!why) continue;
    if (++broken <= MAX_LISTED)
      problems.push({
        severity: 'error',
        file,
        where: `row ${i + 2}`,
        field,
        message: `${why}; refused`,
      });
  }
  if (broken > MAX_LISTED)
    problems.push({
      severity: 'error',
      file,
      field,
      message: `and ${broken - MAX_LISTED} more row(s) that break the disclosure rule`,
    });
  return problems;
}
