/**
 * Raw flows as columns: what the readers fill row by row and protection reads (protect.ts). Each
 * row's period, origin and destination are numbers (each distinct text numbered once, as first
 * met), its counts are in typed arrays: a 2.45 million row file is a few arrays, not 2.45 million
 * objects the collector traces again and again.
 */
import { numbering } from '../arrays';

export interface RawFlow {
  origin: string;
  dest: string;
  period: string;
  /** Raw count, or null when the input had already suppressed it. */
  count: number | null;
  /** Further raw counts by measure id (columns `count_<id>`), protected the same way. */
  measures?: Record<string, number | null>;
}

export interface RawFlowColumns {
  length: number;
  /** Each row's period, origin and destination: a place in `periods`, `origins`, `dests`. */
  period: Int32Array;
  origin: Int32Array;
  dest: Int32Array;
  periods: readonly string[];
  origins: readonly string[];
  dests: readonly string[];
  /** Each row's raw count; NaN where the input had already suppressed it. */
  count: Float64Array;
  /** Further measures, in order of first appearance; NaN where suppressed or not given. */
  measures: { id: string; values: Float64Array }[];
}

/** Raw flows added a row at a time (the columns grow as needed), then read as columns. */
export function rawFlowTable() {
  const periods = numbering();
  const origins = numbering();
  const dests = numbering();
  let length = 0;
  let period = new Int32Array(1024);
  let origin = new Int32Array(1024);
  let dest = new Int32Array(1024);
  let count = new Float64Array(1024);
  const measures: { id: string; values: Float64Array }[] = [];
  const grown = <T extends Int32Array | Float64Array>(column: T, fill = 0): T => {
    const next = new (column.constructor as new (n: number) => T)(column.length * 2);
    next.set(column);
    if (fill) next.fill(fill, column.length);
    return next;
  };
  return {
    /** Adds a row; returns its index, for `setMeasure`. A null count was suppressed in the input. */
    add(originText: string, destText: string, periodText: string, value: number | null): number {
      if (length === count.length) {
        period = grown(period);
        origin = grown(origin);
        dest = grown(dest);
        count = grown(count);
        for (const m of measures) m.values = grown(m.values, Number.NaN);
      }
      period[length] = periods.id(periodText);
      origin[length] = origins.id(originText);
      dest[length] = dests.id(destText);
      count[length] = value ?? Number.NaN;
      return length++;
    },
    /** A further measure's place, for `setMeasure`: added where first named, not given for rows before. */
    measure(id: string): number {
      const at = measures.findIndex((m) => m.id === id);
      if (at >= 0) return at;
      return measures.push({ id, values: new Float64Array(count.length).fill(Number.NaN) }) - 1;
    },
    setMeasure(measure: number, row: number, value: number | null): void {
      measures[measure].values[row] = value ?? Number.NaN;
    },
    columns(): RawFlowColumns {
      return {
        length,
        period: period.subarray(0, length),
        origin: origin.subarray(0, length),
        dest: dest.subarray(0, length),
        periods: periods.texts,
        origins: origins.texts,
        dests: dests.texts,
        count: count.subarray(0, length),
        measures: measures.map((m) => ({ id: m.id, values: m.values.subarray(0, length) })),
      };
    },
  };
}

export type RawFlowTable = ReturnType<typeof rawFlowTable>;

/** Adds a list of flows (the CLI's, the sample generator's, a published file's) to a table. */
export function addRawFlows(table: RawFlowTable, flows: readonly RawFlow[]): RawFlowTable {
  for (const flow of flows) {
    const row = table.add(flow.origin, flow.dest, flow.period, flow.count);
    if (flow.measures)
      for (const [id, value] of Object.entries(flow.measures)) table.setMeasure(table.measure(id), row, value);
  }
  return table;
}
