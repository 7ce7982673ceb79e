/** What the hot-spot statistics take for one period, from a dataset's incident cells. */
import type { Dataset } from '../data/schema';

/**
 * The study area is every cell seen in any period (so a cell with no incidents this period
 * counts as 0, not as absent); a suppressed count is imputed as half the threshold, as the
 * legend says.
 */
export function hotspotInput(dataset: Dataset, period: string): { cells: string[]; values: number[] } {
  const cells = [...new Set(dataset.incidents.map((c) => c.cell))].sort();
  const index = new Map(cells.map((c, i) => [c, i]));
  const values = new Array<number>(cells.length).fill(0);
  for (const c of dataset.incidents) {
    if (c.period === period) values[index.get(c.cell)!] = c.count ?? dataset.manifest.disclosure.threshold / 2;
  }
  return { cells, values };
}
