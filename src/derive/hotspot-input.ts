/** What the hot-spot statistics take for one period, from a dataset's incident cells. */
import type { Dataset } from '../data/schema';

/**
 * The study area is every cell seen in any period (so a cell with no incidents this period
 * counts as 0, not as absent); a suppressed count is imputed as half the threshold for the
 * statistic, as the legend says. `counts` keeps what is published (null: suppressed), which is
 * what a reader is shown: an imputed value is never a count.
 */
export function hotspotInput(
  dataset: Dataset,
  period: string,
): { cells: string[]; values: number[]; counts: (number | null)[] } {
  const cells = [...new Set(dataset.incidents.map((c) => c.cell))].sort();
  const index = new Map(cells.map((c, i) => [c, i]));
  const values = new Array<number>(cells.length).fill(0);
  const counts = new Array<number | null>(cells.length).fill(0);
  for (const c of dataset.incidents) {
    if (c.period !== period) continue;
    values[index.get(c.cell)!] = c.count ?? dataset.manifest.disclosure.threshold / 2;
    counts[index.get(c.cell)!] = c.count;
  }
  return { cells, values, counts };
}

/**
 * The space-time cube for emerging hot spots: every cell seen in any period, values per period
 * from the first period to `period` (the one on screen is the final step), suppressed counts as
 * half the threshold, absent as 0.
 */
export function emergingInput(
  dataset: Dataset,
  period: string,
): { cells: string[]; periods: string[]; values: number[][] } {
  const cells = [...new Set(dataset.incidents.map((c) => c.cell))].sort();
  const index = new Map(cells.map((c, i) => [c, i]));
  const last = dataset.periods.indexOf(period);
  const periods = dataset.periods.slice(0, last + 1);
  const periodIndex = new Map(periods.map((p, i) => [p, i]));
  const values = periods.map(() => new Array<number>(cells.length).fill(0));
  for (const c of dataset.incidents) {
    const t = periodIndex.get(c.period);
    if (t !== undefined) values[t][index.get(c.cell)!] = c.count ?? dataset.manifest.disclosure.threshold / 2;
  }
  return { cells, periods, values };
}

/** The Gi* request for a period and its options: what the map and the presenter's pictures ask. */
export const hotspotRequest = (dataset: Dataset, period: string, k: number, fdr: boolean) => ({
  ...hotspotInput(dataset, period),
  k,
  fdr,
});

/** The emerging hot-spot request (one period a step) for a period and its options. */
export const emergingRequest = (dataset: Dataset, period: string, k: number, fdr: boolean) => ({
  ...emergingInput(dataset, period),
  k,
  timeStep: 1,
  fdr,
});
