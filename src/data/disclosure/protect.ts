/**
 * Disclosure control for raw inputs: what turns counts someone holds into counts anyone may see.
 * Threshold suppression and rounding (the 10-5 rule by default), secondary suppression so that no
 * suppressed value comes back from row or column totals, and H3 coarsening of incident points.
 * What was done is reported from the published result alone (report.ts), never from these inputs.
 */
import { CellFinder } from './cell-finder';
import { protectCount } from './rules';
import { indexMap, numbering, typedFrom } from '../arrays';
import { type FlowColumns, flowsFromColumns } from '../flow-columns';
import { addRawFlows, type RawFlow, type RawFlowColumns, rawFlowTable } from './raw-flows';
import { rankById, sortedOrder } from '../text-order';
import { applySecondarySuppressionInOrder, type TableCell } from './secondary-suppression';
import { type DisclosureSettings, type FlowRecord, type IncidentCell, type Measure } from '../schema';

export interface RawIncidentPoint {
  lat: number;
  lon: number;
  period: string;
}

/** A further measure, labelled from its id. */
export const measureNamed = (id: string): Measure => ({ id, label: id.replace(/_/g, ' ') });

/**
 * Suppresses (primary and secondary) and rounds one count of every route, period by period, as a
 * table of origins × destinations. `values` holds each route's raw count in `order` (NaN:
 * suppressed in the input); returns the published values in the same places (NaN: suppressed).
 * What is left that totals could give back is found again from the published table by the report
 * (report.ts). A period's table cells are made for that period alone, so millions of routes never
 * hold a cell object each at once.
 */
function protectTable(
  periods: readonly (readonly number[])[],
  rowOf: (route: number) => string,
  colOf: (route: number) => string,
  values: Float64Array,
  settings: DisclosureSettings,
): Float64Array {
  const published = new Float64Array(values.length).fill(Number.NaN);
  const under = (value: number) => Number.isNaN(value) || value < settings.threshold;
  for (const routes of periods) {
    // A table with nothing under the threshold has nothing to hide: no cell is suppressed, so
    // none is on a path a total could give back. Its counts are only rounded.
    if (!routes.some((route) => under(values[route]))) {
      for (const route of routes) published[route] = protectCount(values[route], settings) ?? Number.NaN;
      continue;
    }
    const cells: TableCell[] = routes.map((route) => {
      const value = values[route];
      // An unknown small value is below the threshold; as a cycle member it costs nothing to keep hidden.
      const unknown = Number.isNaN(value);
      return {
        row: rowOf(route),
        col: colOf(route),
        value: unknown ? 1 : value,
        suppressed: under(value),
      };
    });
    // In table order already: the routes are sorted as the file is written.
    applySecondarySuppressionInOrder(cells);
    cells.forEach((cell, i) => {
      if (!cell.suppressed) published[routes[i]] = protectCount(cell.value, settings) ?? Number.NaN;
    });
  }
  return published;
}

/**
 * Sums duplicate origin+dest+period rows (as flowmap.blue does), drops zeros, then protects; the
 * published flows as columns, sorted as the file is written (period, origin, destination).
 * Millions of rows in an opened file: every step works on numbers (each period, origin and
 * destination numbered once; each route's counts in typed arrays), with no object per row.
 */
export function protectFlowColumns(raw: RawFlowColumns, settings: DisclosureSettings): FlowColumns {
  const measures = raw.measures.map((m) => m.id);
  const { period, origin, dest, length: n } = raw;
  const [periods, origins, dests] = [raw.periods, raw.origins, raw.dests];
  // Each (period, origin, destination) number's route, numbered as first met.
  const routeOf = indexMap(periods.length * origins.length * dests.length);
  /** The row each route was first met in: its period, origin and destination numbers. */
  const firstRow = new Int32Array(n);
  const count = new Float64Array(n);
  const further = measures.map(() => new Float64Array(n));
  let routes = 0;
  for (let i = 0; i < n; i++) {
    const key = (period[i] * origins.length + origin[i]) * dests.length + dest[i];
    let at = routeOf.get(key);
    const first = at < 0;
    if (first) {
      routeOf.set(key, (at = routes++));
      firstRow[at] = i;
    }
    // A first row's values as they are; each later one adds (sum + NaN stays NaN: suppressed).
    count[at] = (first ? 0 : count[at]) + raw.count[i];
    for (let m = 0; m < measures.length; m++) further[m][at] = (first ? 0 : further[m][at]) + raw.measures[m].values[i];
  }
  // Sorted as the file is written: period, then origin, then destination (as sortByText would,
  // from the numbers already given: each distinct text ranked once).
  const kept: number[] = [];
  for (let route = 0; route < routes; route++) if (count[route] !== 0) kept.push(route);
  const columnOf = (ids: Int32Array, texts: readonly string[]) => {
    const rank = rankById(texts);
    return typedFrom(Float64Array, kept, (route) => rank[ids[firstRow[route]]]);
  };
  const order = sortedOrder(kept.length, [columnOf(period, periods), columnOf(origin, origins), columnOf(dest, dests)]);
  const sorted = new Int32Array(order.length);
  for (let k = 0; k < order.length; k++) sorted[k] = kept[order[k]];
  // Each period's places in the sorted routes, periods in the order met there.
  const placesOf: number[][] = [];
  const tables: number[][] = [];
  for (let k = 0; k < sorted.length; k++) {
    const id = period[firstRow[sorted[k]]];
    if (!placesOf[id]) tables.push((placesOf[id] = []));
    placesOf[id].push(k);
  }
  const origin$ = (k: number) => origins[origin[firstRow[sorted[k]]]];
  const dest$ = (k: number) => dests[dest[firstRow[sorted[k]]]];
  const inOrder = (values: Float64Array) => {
    const out = new Float64Array(sorted.length);
    for (let k = 0; k < sorted.length; k++) out[k] = values[sorted[k]];
    return out;
  };
  // Each further measure is its own table: its suppressed values are protected from its own totals.
  const published = protectTable(tables, origin$, dest$, inOrder(count), settings);
  const publishedFurther = further.map((values) => protectTable(tables, origin$, dest$, inOrder(values), settings));
  // Numbered as flowsToColumns numbers a list of flows (each row's origin, destination, period,
  // as met), each origin, destination and period looked up in `texts` once, not once a row.
  const texts = numbering();
  const textOf = (numbered: readonly string[]) => {
    const ids = new Int32Array(numbered.length).fill(-1);
    return (id: number) => (ids[id] < 0 ? (ids[id] = texts.id(numbered[id])) : ids[id]);
  };
  const [originText, destText, periodText] = [textOf(origins), textOf(dests), textOf(periods)];
  const columns = {
    origin: new Uint32Array(sorted.length),
    dest: new Uint32Array(sorted.length),
    period: new Uint32Array(sorted.length),
  };
  for (let k = 0; k < sorted.length; k++) {
    const row = firstRow[sorted[k]];
    columns.origin[k] = originText(origin[row]);
    columns.dest[k] = destText(dest[row]);
    columns.period[k] = periodText(period[row]);
  }
  return {
    kind: 'flow-columns',
    length: sorted.length,
    texts: texts.texts,
    ...columns,
    count: published,
    hasMeasures: new Uint8Array(sorted.length).fill(measures.length ? 1 : 0),
    measures: measures.map((id, m) => ({ id, values: publishedFurther[m] })),
  };
}

/** protectFlowColumns as a list of flows: for the data CLI, the sample's generator and tests. */
export const protectFlows = (raw: readonly RawFlow[], settings: DisclosureSettings): FlowRecord[] =>
  flowsFromColumns(protectFlowColumns(addRawFlows(rawFlowTable(), raw).columns(), settings));

/**
 * Counts points into H3 cells per period as they arrive, so a stream of millions of rows needs
 * memory for the cells only; `cells()` then suppresses and rounds each count.
 */
export class IncidentCellCounter {
  /** Finds each point's cell and numbers the cells (cell-finder.ts). */
  private readonly finder: CellFinder;
  /** Per period, each cell's count by its number: no string built or hashed for each point. */
  private readonly byPeriod = new Map<string, number[]>();

  constructor(readonly resolution: number) {
    // Checks the resolution.
    this.finder = new CellFinder(resolution);
  }

  add(lat: number, lon: number, period: string): void {
    let counts = this.byPeriod.get(period);
    if (!counts) this.byPeriod.set(period, (counts = []));
    const id = this.finder.idOf(lat, lon);
    // Filled up to the id first, so the array stays packed (holes would slow every later count).
    while (counts.length <= id) counts.push(0);
    counts[id]++;
  }

  /** Published cells, sorted by period then cell as the file is. */
  cells(settings: DisclosureSettings): IncidentCell[] {
    const cells: IncidentCell[] = [];
    const names = this.finder.cells;
    // Every period numbers its cells alike, so the cells are put in order once, not per period.
    const inOrder = names.map((_, id) => id).sort((a, b) => (names[a] < names[b] ? -1 : 1));
    for (const period of [...this.byPeriod.keys()].sort()) {
      const counts = this.byPeriod.get(period)!;
      for (const id of inOrder)
        if (counts[id] > 0) cells.push({ cell: names[id], period, count: protectCount(counts[id], settings) });
    }
    return cells;
  }
}

/** Coarsens points to H3 cells per period, then suppresses and rounds each cell's count. */
export function coarsenIncidents(
  points: RawIncidentPoint[],
  resolution: number,
  settings: DisclosureSettings,
): IncidentCell[] {
  const counter = new IncidentCellCounter(resolution);
  for (const p of points) counter.add(p.lat, p.lon, p.period);
  return counter.cells(settings);
}
