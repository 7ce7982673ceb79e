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
  /** published[destination id][period index]: whether any inbound flow that period was published. */
  published: Map<string, boolean[]>;
  breaks: number[];
}

/** Destination values per period from published inbound flows, and their natural breaks. */
export const choroplethData = memoize((dataset: Dataset): ChoroplethData => {
  const destinations = dataset.areas.features.map((f) => f.properties).filter((a) => a.role !== 'origin');
  const measure =
    destinations.length > 0 && destinations.every((a) => a.population && a.population > 0) ? 'rate' : 'count';
  const periodIndex = new Map(dataset.periods.map((p, i) => [p, i]));
  const values = new Map(destinations.map((a) => [a.id, new Array<number>(dataset.periods.length).fill(0)]));
  const published = new Map(destinations.map((a) => [a.id, new Array<boolean>(dataset.periods.length).fill(false)]));
  for (const f of dataset.flows) {
    const row = values.get(f.dest);
    if (!row || f.count === null) continue;
    const i = periodIndex.get(f.period)!;
    row[i] += f.count;
    published.get(f.dest)![i] = true;
  }
  if (measure === 'rate') {
    for (const a of destinations)
      values.set(
        a.id,
        values.get(a.id)!.map((count) => (count / a.population!) * 10_000),
      );
  }
  return { measure, values, published, breaks: naturalBreaks([...values.values()].flat(), 5) };
});

export interface ChoroplethChange {
  measure: 'rate' | 'count';
  /**
   * Per destination, this period's published value minus the base period's; null (not available)
   * where neither period has a published inbound flow. Suppressed flows count in neither period,
   * so no suppressed value is ever part of a difference.
   */
  changes: Map<string, number | null>;
  /** Class bounds of a diverging scale, symmetric about 0: strong and some decrease, some and strong increase. */
  breaks: [number, number, number, number];
}

/** Change in each destination's published value (rate or count) from `baseIndex` to `index`. */
export const choroplethChange = memoize((dataset: Dataset, baseIndex: number, index: number): ChoroplethChange => {
  const data = choroplethData(dataset);
  const changes = new Map<string, number | null>();
  for (const [id, row] of data.values) {
    const known = data.published.get(id)![baseIndex] || data.published.get(id)![index];
    changes.set(id, known ? row[index] - row[baseIndex] : null);
  }
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
