/**
 * Destination values from published inbound flows: what the choropleth draws and the data CLI's
 * `change --of destinations` prints. Suppressed flows count in no value, so none is ever part of
 * a difference.
 */
import type { Dataset } from '../schema';

export interface DestinationValues {
  /** 'rate': per 10,000 residents (every destination has a population); else 'count'. */
  measure: 'rate' | 'count';
  /** value[destination id][period index] from published inbound flows only. */
  values: Map<string, number[]>;
  /** published[destination id][period index]: whether any inbound flow that period was published. */
  published: Map<string, boolean[]>;
}

export function destinationValues(dataset: Dataset): DestinationValues {
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
  return { measure, values, published };
}

/**
 * Per destination, the value at `index` minus the value at `baseIndex`; null (not available) where
 * neither period has a published inbound flow.
 */
export function destinationChanges(
  data: DestinationValues,
  baseIndex: number,
  index: number,
): Map<string, number | null> {
  const changes = new Map<string, number | null>();
  for (const [id, row] of data.values) {
    const known = data.published.get(id)![baseIndex] || data.published.get(id)![index];
    changes.set(id, known ? row[index] - row[baseIndex] : null);
  }
  return changes;
}
