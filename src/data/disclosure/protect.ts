/**
 * Disclosure control for raw inputs: what turns counts someone holds into counts anyone may see.
 * Threshold suppression and rounding (the 10-5 rule by default), secondary suppression so that no
 * suppressed value comes back from row or column totals, and H3 coarsening of incident points.
 * What was done is reported from the published result alone (report.ts), never from these inputs.
 */
import { latLngToCell } from 'h3-js';
import { protectCount } from './rules';
import { indexMap, numbering, typedFrom } from '../arrays';
import { rankById, sortByColumns } from '../text-order';
import { applySecondarySuppression, type TableCell } from './secondary-suppression';
import {
  H3_RESOLUTION_RANGE,
  type DisclosureSettings,
  type FlowRecord,
  type IncidentCell,
  type Measure,
} from '../schema';

export interface RawFlow {
  origin: string;
  dest: string;
  period: string;
  /** Raw count, or null when the input had already suppressed it. */
  count: number | null;
  /** Further raw counts by measure id (columns `count_<id>`), protected the same way. */
  measures?: Record<string, number | null>;
}

export interface RawIncidentPoint {
  lat: number;
  lon: number;
  period: string;
}

/** The further measures some flow carries, in order of first appearance, labelled from their ids. */
export function measuresOf(flows: readonly { measures?: Record<string, unknown> }[]): Measure[] {
  const ids = new Set<string>();
  for (const flow of flows) if (flow.measures) for (const id of Object.keys(flow.measures)) ids.add(id);
  return [...ids].map((id) => ({ id, label: id.replace(/_/g, ' ') }));
}

/** Adds two raw counts of one route: anything added to a suppressed (or missing) value stays unknown. */
const addCounts = (a: number | null | undefined, b: number | null | undefined) =>
  a === null || a === undefined || b === null || b === undefined ? null : a + b;

/**
 * Suppresses (primary and secondary) and rounds one count of every route, period by period, as a
 * table of origins × destinations; `count` reads the value (null: suppressed in the input).
 * Returns the published values in the order of `routes`. What is left that
 * totals could give back is found again from the published table by the report (report.ts).
 */
function protectTable(
  routes: RawFlow[],
  count: (flow: RawFlow) => number | null,
  settings: DisclosureSettings,
): (number | null)[] {
  const cells: TableCell[] = routes.map((flow) => {
    const value = count(flow);
    // An unknown small value is below the threshold; as a cycle member it costs nothing to keep hidden.
    return {
      row: flow.origin,
      col: flow.dest,
      value: value ?? 1,
      suppressed: value === null || value < settings.threshold,
    };
  });
  const byPeriod = new Map<string, TableCell[]>();
  routes.forEach((flow, i) => {
    const list = byPeriod.get(flow.period);
    if (list) list.push(cells[i]);
    else byPeriod.set(flow.period, [cells[i]]);
  });
  for (const list of byPeriod.values()) applySecondarySuppression(list);
  return cells.map((cell) => (cell.suppressed ? null : protectCount(cell.value, settings)));
}

/**
 * Sums duplicate origin+dest+period rows (as flowmap.blue does), drops zeros, then protects.
 * Millions of rows in an opened file: duplicates are found by numbers (each period, origin and
 * destination numbered once), and a row is copied only when another adds to it.
 */
export function protectFlows(raw: RawFlow[], settings: DisclosureSettings): FlowRecord[] {
  const measures = measuresOf(raw).map((m) => m.id);
  const periods = numbering();
  const origins = numbering();
  const dests = numbering();
  const period = typedFrom(Int32Array, raw, (f) => periods.id(f.period));
  const origin = typedFrom(Int32Array, raw, (f) => origins.id(f.origin));
  const dest = typedFrom(Int32Array, raw, (f) => dests.id(f.dest));
  // Each (period, origin, destination) number's route.
  const routeOf = indexMap(periods.size * origins.size * dests.size);
  const merged: RawFlow[] = [];
  const copied: boolean[] = [];
  /** The row each route was first met in: its period, origin and destination numbers. */
  const firstRow: number[] = [];
  raw.forEach((flow, i) => {
    const key = (period[i] * origins.size + origin[i]) * dests.size + dest[i];
    const at = routeOf.get(key);
    if (at < 0) {
      routeOf.set(key, merged.length);
      merged.push(flow);
      copied.push(false);
      firstRow.push(i);
      return;
    }
    if (!copied[at]) {
      const first = merged[at];
      merged[at] = { ...first, ...(measures.length ? { measures: { ...first.measures } } : {}) };
      copied[at] = true;
    }
    const seen = merged[at];
    seen.count = addCounts(seen.count, flow.count);
    for (const id of measures) seen.measures![id] = addCounts(seen.measures?.[id], flow.measures?.[id]);
  });
  // Sorted as the file is written: period, then origin, then destination (as sortByText would,
  // from the numbers already given: each distinct text ranked once).
  const kept: number[] = [];
  for (let route = 0; route < merged.length; route++) if (merged[route].count !== 0) kept.push(route);
  const columnOf = (ids: Int32Array, texts: readonly string[]) => {
    const rank = rankById(texts);
    return typedFrom(Float64Array, kept, (route) => rank[ids[firstRow[route]]]);
  };
  const routes = sortByColumns(
    kept.map((route) => merged[route]),
    [columnOf(period, periods.texts), columnOf(origin, origins.texts), columnOf(dest, dests.texts)],
  );
  const counts = protectTable(routes, (f) => f.count, settings);
  // Each further measure is its own table: its suppressed values are protected from its own totals.
  const further = measures.map((id) => protectTable(routes, (f) => f.measures?.[id] ?? null, settings));
  return routes.map((flow, i) => ({
    origin: flow.origin,
    dest: flow.dest,
    period: flow.period,
    count: counts[i],
    ...(measures.length ? { measures: Object.fromEntries(measures.map((id, m) => [id, further[m][i]])) } : {}),
  }));
}

/**
 * Counts points into H3 cells per period as they arrive, so a stream of millions of rows needs
 * memory for the cells only; `cells()` then suppresses and rounds each count.
 */
export class IncidentCellCounter {
  /** Per period, then per cell: no composite string key to build and split for each point. */
  private readonly byPeriod = new Map<string, Map<string, number>>();

  constructor(readonly resolution: number) {
    const [coarsest, finest] = H3_RESOLUTION_RANGE;
    if (!Number.isInteger(resolution) || resolution < coarsest || resolution > finest) {
      throw new RangeError(
        `H3 resolution ${resolution} is not allowed: incident cells must be resolution ${coarsest} to ${finest}`,
      );
    }
  }

  add(lat: number, lon: number, period: string): void {
    this.addCount(latLngToCell(lat, lon, this.resolution), period, 1);
  }

  /** `n` more points in `cell` in `period`: counts made elsewhere (a worker thread), merged here. */
  addCount(cell: string, period: string, n: number): void {
    let counts = this.byPeriod.get(period);
    if (!counts) this.byPeriod.set(period, (counts = new Map()));
    counts.set(cell, (counts.get(cell) ?? 0) + n);
  }

  /** Published cells, sorted by period then cell as the file is. */
  cells(settings: DisclosureSettings): IncidentCell[] {
    const cells: IncidentCell[] = [];
    for (const period of [...this.byPeriod.keys()].sort()) {
      const counts = this.byPeriod.get(period)!;
      for (const cell of [...counts.keys()].sort())
        cells.push({ cell, period, count: protectCount(counts.get(cell)!, settings) });
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
