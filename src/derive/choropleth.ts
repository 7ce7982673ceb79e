/**
 * Values for the destination choropleth and the incident-cell classes: pure and cheap, so legends
 * can show the classes before the layers' own module has loaded.
 */
import { naturalBreaks } from '../data/analysis/classify';
import type { Dataset } from '../data/schema';
import { memoize } from './memo';
import { destinationChanges, destinationValues, type DestinationValues } from '../data/analysis/destinations';

export interface ChoroplethData extends DestinationValues {
  breaks: number[];
}

/** Destination values per period from published inbound flows, and their natural breaks. */
export const choroplethData = memoize((dataset: Dataset): ChoroplethData => {
  const data = destinationValues(dataset);
  return { ...data, breaks: naturalBreaks([...data.values.values()].flat(), 5) };
});

export interface ChoroplethChange {
  measure: 'rate' | 'count';
  /** Per destination, the change since the base period; null: not available (see destinationChanges). */
  changes: Map<string, number | null>;
  /** Class bounds of a diverging scale, symmetric about 0: strong and some decrease, some and strong increase. */
  breaks: [number, number, number, number];
}

/** Change in each destination's published value (rate or count) from `baseIndex` to `index`. */
export const choroplethChange = memoize((dataset: Dataset, baseIndex: number, index: number): ChoroplethChange => {
  const data = choroplethData(dataset);
  const changes = destinationChanges(data, baseIndex, index);
  const extent = Math.max(0, ...[...changes.values()].map((v) => Math.abs(v ?? 0)));
  return { measure: data.measure, changes, breaks: [-extent / 2, -extent / 10, extent / 10, extent / 2] };
});

/** Class 0–4 of a change on the diverging scale (2: little or no change). */
export function changeClass(value: number, [strongDown, down, up, strongUp]: ChoroplethChange['breaks']): number {
  if (value < strongDown) return 0;
  if (value < down) return 1;
  if (value <= up) return 2;
  return value < strongUp ? 3 : 4;
}

/** Natural breaks of published incident cell counts over all periods. */
export const cellBreaks = memoize((dataset: Dataset): number[] =>
  naturalBreaks(
    dataset.incidents.flatMap((c) => (c.count === null ? [] : [c.count])),
    5,
  ),
);
