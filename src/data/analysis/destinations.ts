/**
 * Destination values from published inbound flows: what the choropleth draws and the data CLI's
 * `change --of destinations` prints. Suppressed flows count in no value, so none is ever part of
 * a difference.
 */
import { flowColumnsOf } from '../flow-columns';
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
  // From the columns: each destination and period looked up once per distinct text, not per flow.
  const flows = flowColumnsOf(dataset);
  const valuesOf = flows.texts.map((text) => values.get(text));
  const publishedOf = flows.texts.map((text) => published.get(text));
  const periodOf = flows.texts.map((text) => periodIndex.get(text) ?? -1);
  for (let row = 0; row < flows.length; row++) {
    const destination = flows.dest[row];
    const total = valuesOf[destination];
    const count = flows.count[row];
    if (!total || Number.isNaN(count)) continue;
    const i = periodOf[flows.period[row]];
    total[i] += count;
    publishedOf[destination]![i] = true;
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
