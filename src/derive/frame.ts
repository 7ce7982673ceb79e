/** Where a view with no place of its own looks: the dataset's routes, all periods, with a margin. */
import { boxOf, type Bounds } from '../data/bounds';
import type { Dataset } from '../data/schema';
import { memoize } from './memo';

/** Every end of every flow, boxed, with a tenth of its size around it (labels and arrowheads need room). */
export const routesFrame = memoize((dataset: Dataset): Bounds | undefined => {
  const used = new Set<string>();
  for (const f of dataset.flows) {
    used.add(f.origin);
    used.add(f.dest);
  }
  const ends = dataset.areas.features.filter((f) => used.has(f.properties.id)).map((f) => f.properties.centroid);
  if (ends.length === 0) return undefined;
  const [west, south, east, north] = boxOf(ends);
  const dx = Math.max(0.3, (east - west) * 0.1);
  const dy = Math.max(0.2, (north - south) * 0.1);
  return [west - dx, south - dy, east + dx, north + dy];
});
