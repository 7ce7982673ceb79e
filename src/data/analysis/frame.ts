/**
 * The area a dataset's routes cover: every end of every flow (all periods), boxed, with a tenth of
 * its size around it for labels and arrowheads. Where a view with no place of its own looks; the
 * data CLI writes it into the manifest (`frame`), so a page can open on it before the data loads.
 */
import { distinctTexts } from '../arrays';
import { boxOf, type Bounds } from '../bounds';
import type { FlowColumns } from '../flow-columns';
import type { AreaFeature } from '../schema';

export function routesFrame(areas: readonly AreaFeature[], flows: FlowColumns): Bounds | undefined {
  const used = distinctTexts(flows.texts, flows.origin, flows.dest);
  const ends = areas.filter((f) => used.has(f.properties.id)).map((f) => f.properties.centroid);
  if (ends.length === 0) return undefined;
  const [west, south, east, north] = boxOf(ends);
  const dx = Math.max(0.3, (east - west) * 0.1);
  const dy = Math.max(0.2, (north - south) * 0.1);
  // Four decimals (about 10 m) is all a frame needs, and keeps the manifest readable.
  return [west - dx, south - dy, east + dx, north + dy].map((v) => Number(v.toFixed(4))) as Bounds;
}
