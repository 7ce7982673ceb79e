/**
 * Values for the destination choropleth and the incident-cell classes: pure and cheap, so legends
 * can show the classes before the layers' own module has loaded.
 */
import { naturalBreaks } from '../data/analysis/classify';
import type { Dataset } from '../data/schema';
import { memoize } from './memo';

export interface ChoroplethData {
  /** 'rate': per 10,000 residents (every destination has a population); else 'count'. */
  measure: 'rate' | 'count';
  /** value[destination id][period index] from published inbound flows only. */
  values: Map<string, number[]>;
  breaks: number[];
}

/** Destination values per period from published inbound flows, and their natural breaks. */
export const choroplethData = memoize((dataset: Dataset): ChoroplethData => {
  const destinations = dataset.areas.features.map((f) => f.properties).filter((a) => a.role !== 'origin');
  const measure =
    destinations.length > 0 && destinations.every((a) => a.population && a.population > 0) ? 'rate' : 'count';
  const periodIndex = new Map(dataset.periods.map((p, i) => [p, i]));
  const values = new Map(destinations.map((a) => [a.id, new Array<number>(dataset.periods.length).fill(0)]));
  for (const f of dataset.flows) {
    const row = values.get(f.dest);
    if (row && f.count !== null) row[periodIndex.get(f.period)!] += f.count;
  }
  if (measure === 'rate') {
    for (const a of destinations)
      values.set(
        a.id,
        values.get(a.id)!.map((count) => (count / a.population!) * 10_000),
      );
  }
  return { measure, values, breaks: naturalBreaks([...values.values()].flat(), 5) };
});

/** Natural breaks of published incident cell counts over all periods. */
export const cellBreaks = memoize((dataset: Dataset): number[] =>
  naturalBreaks(
    dataset.incidents.flatMap((c) => (c.count === null ? [] : [c.count])),
    5,
  ),
);
