/**
 * Disclosure control for counts (ONS "10-5 rule" by default).
 * Secondary suppression across totals comes with the data pipeline; see docs when it lands.
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
 * Problems for published rows whose counts break the dataset's own rule: such a file is refused
 * outright, wherever its rows come from (with the dataset, or loaded later).
 */
export function disclosureProblems(
  file: string,
  rows: readonly { count: number | null }[],
  settings: DisclosureSettings,
  field = 'count',
): DataProblem[] {
  const problems: DataProblem[] = [];
  rows.forEach((row, i) => {
    if (!isPublishable(row.count, settings))
      problems.push({
        severity: 'error',
        file,
        where: `row ${i + 2}`,
        field,
        message: `${row.count} breaks the dataset's disclosure rule (suppress below ${settings.threshold}, round to ${settings.roundingBase}); refusing to show it`,
      });
  });
  return problems;
}
