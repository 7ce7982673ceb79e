/**
 * Readers for raw flow inputs: flowmap.blue location/flow pairs, kepler.gl-style flat CSV with
 * coordinates, and plain origin/dest/period/count tables. Counts here are raw: disclosure control
 * (protect.ts) runs on them before anything is shown.
 */
import { normaliseTime } from '../periods';
import { DataError, type DataProblem } from '../problems';
import type { RawFlowTable } from '../disclosure/raw-flows';
import { MEASURE_COLUMN_PREFIX, MEASURE_ID, measureColumn, type AreaFeature } from '../schema';
import { readCountText } from './count';
import { type CsvTable, requireColumns } from './csv-table';

/** Columns each reader uses; any other column is dropped, never published, and reported. */
export const FLOW_COLUMNS = ['origin', 'dest', 'count', 'time', 'period'];
export const LOCATION_COLUMNS = ['id', 'name', 'lat', 'lon'];
export const KEPLER_ALLOWED = [
  'source_lat',
  'source_lng',
  'target_lat',
  'target_lng',
  'count',
  'source_name',
  'target_name',
  'time',
  'period',
];

/**
 * The further measures a table carries: columns named `count_<id>` (e.g. `count_referrals`). The
 * prefix is the opt-in, as the allow-list wants: any other column is dropped and reported.
 */
export function measureIdsOf(table: CsvTable): string[] {
  return table.columns
    .filter((c) => c.startsWith(MEASURE_COLUMN_PREFIX) && MEASURE_ID.test(c.slice(MEASURE_COLUMN_PREFIX.length)))
    .map((c) => c.slice(MEASURE_COLUMN_PREFIX.length));
}

/** A raw count (see count.ts); every bad one is added to `problems`. */
function readRawCount(
  value: string | undefined,
  table: CsvTable,
  row: number,
  field: string,
  problems: DataProblem[],
): number | null | undefined {
  const reading = readCountText(value);
  if (reading.ok) return reading.count;
  problems.push({ severity: 'error', file: table.file, where: `row ${row}`, field, message: reading.message });
  return undefined;
}

function readLatLon(
  lat: string | undefined,
  lon: string | undefined,
  table: CsvTable,
  row: number,
  problems: DataProblem[],
  names = ['lat', 'lon'],
): [number, number] | undefined {
  const y = Number((lat ?? '').trim());
  const x = Number((lon ?? '').trim());
  if (!Number.isFinite(y) || (lat ?? '').trim() === '' || Math.abs(y) > 90) {
    problems.push({
      severity: 'error',
      file: table.file,
      where: `row ${row}`,
      field: names[0],
      message: `expected a latitude between -90 and 90, found "${lat ?? ''}"`,
    });
    return undefined;
  }
  if (!Number.isFinite(x) || (lon ?? '').trim() === '' || Math.abs(x) > 180) {
    problems.push({
      severity: 'error',
      file: table.file,
      where: `row ${row}`,
      field: names[1],
      message: `expected a longitude between -180 and 180, found "${lon ?? ''}"`,
    });
    return undefined;
  }
  return [x, y];
}

import { looksSwappedForUk as swappedForUk } from '../uk-bounds';

function pointArea(id: string, name: string, position: [number, number]): AreaFeature {
  return {
    type: 'Feature',
    properties: { id, name, role: 'both', centroid: position },
    geometry: { type: 'Point', coordinates: position },
  };
}

/** flowmap.blue `locations`: id,name,lat,lon. */
export function readFlowmapLocations(table: CsvTable, warnings: DataProblem[]): AreaFeature[] {
  requireColumns(table, ['id', 'name', 'lat', 'lon']);
  const problems: DataProblem[] = [];
  const seen = new Map<string, number>();
  const located: { id: string; name: string; position: [number, number] }[] = [];
  table.records().forEach((r, i) => {
    const row = i + 2;
    const id = (r.id ?? '').trim();
    if (!id)
      return problems.push({
        severity: 'error',
        file: table.file,
        where: `row ${row}`,
        field: 'id',
        message: 'is empty',
      });
    if (seen.has(id))
      return problems.push({
        severity: 'error',
        file: table.file,
        where: `row ${row}`,
        field: 'id',
        message: `duplicate id "${id}" (also row ${seen.get(id)})`,
      });
    seen.set(id, row);
    const position = readLatLon(r.lat, r.lon, table, row, problems);
    if (position) located.push({ id, name: (r.name ?? '').trim() || id, position });
  });
  if (problems.length) throw new DataError(problems);
  if (swappedForUk(located.map((l) => l.position))) {
    warnings.push({
      severity: 'warning',
      file: table.file,
      message: 'the lat and lon columns look swapped for UK data (every "lat" is a longitude); swapped them back',
    });
    for (const l of located) l.position = [l.position[1], l.position[0]];
  }
  return located.map((l) => pointArea(l.id, l.name, l.position));
}

/**
 * Reads each row's period (the `period` or flowmap.blue `time` column; 'all' when there is none).
 * A file holds few distinct periods in millions of rows, so each distinct cell is read once.
 */
function periodReader(
  table: CsvTable,
  problems: DataProblem[],
  truncated: { count: number },
): (cells: readonly string[], row: number) => string | undefined {
  const column = table.columns.includes('period') ? 'period' : table.columns.includes('time') ? 'time' : undefined;
  const at = column ? table.at(column) : -1;
  const read = new Map<string, ReturnType<typeof normaliseTime>>();
  return (cells, row) => {
    if (!column) return 'all';
    const cell = cells[at] ?? '';
    let time = read.get(cell);
    if (time === undefined && !read.has(cell)) read.set(cell, (time = normaliseTime(cell.trim())));
    if (!time) {
      problems.push({
        severity: 'error',
        file: table.file,
        where: `row ${row}`,
        field: column,
        message: `unknown period format "${cell.trim()}"; expected YYYY, YYYY-Qn, YYYY-MM, YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS]`,
      });
      return undefined;
    }
    if (time.truncated) truncated.count++;
    return time.period;
  };
}

/**
 * Reads each row's further measures (columns `count_<id>`, raw counts) into `flows`; false when a
 * value is bad (added to `problems`).
 */
function measuresReader(table: CsvTable, flows: RawFlowTable, problems: DataProblem[]) {
  const measures = measureIdsOf(table).map((id) => ({
    field: measureColumn(id),
    at: table.at(measureColumn(id)),
    measure: flows.measure(id),
  }));
  const values: (number | null)[] = [];
  return {
    read(cells: readonly string[], row: number): boolean {
      let ok = true;
      for (let m = 0; m < measures.length; m++) {
        const value = readRawCount(cells[measures[m].at], table, row, measures[m].field, problems);
        if (value === undefined) ok = false;
        else values[m] = value;
      }
      return ok;
    },
    /** The values just read, to the row just added. */
    set(row: number): void {
      for (let m = 0; m < measures.length; m++) flows.setMeasure(measures[m].measure, row, values[m]);
    },
  };
}

function noteTruncated(table: CsvTable, truncated: { count: number }, warnings: DataProblem[]) {
  if (truncated.count)
    warnings.push({
      severity: 'warning',
      file: table.file,
      message: `${truncated.count} row(s) had a clock time; flows are counted per day, so the time of day was dropped and same-day rows summed`,
    });
}

/** origin,dest,count with an optional time (flowmap.blue) or period column, added to `flows`. */
export function readRawFlows(table: CsvTable, flows: RawFlowTable, warnings: DataProblem[]): void {
  requireColumns(table, ['origin', 'dest', 'count']);
  const problems: DataProblem[] = [];
  const truncated = { count: 0 };
  const readPeriod = periodReader(table, problems, truncated);
  const measures = measuresReader(table, flows, problems);
  const [originAt, destAt, countAt] = [table.at('origin'), table.at('dest'), table.at('count')];
  table.forEachRow((cells, row) => {
    const origin = cells[originAt].trim();
    const dest = cells[destAt].trim();
    if (!origin)
      problems.push({ severity: 'error', file: table.file, where: `row ${row}`, field: 'origin', message: 'is empty' });
    if (!dest)
      problems.push({ severity: 'error', file: table.file, where: `row ${row}`, field: 'dest', message: 'is empty' });
    const period = readPeriod(cells, row);
    const count = readRawCount(cells[countAt], table, row, 'count', problems);
    const measured = measures.read(cells, row);
    if (origin && dest && period !== undefined && count !== undefined && measured && !problems.length)
      measures.set(flows.add(origin, dest, period, count));
  });
  if (problems.length) throw new DataError(problems.slice(0, 100));
  noteTruncated(table, truncated, warnings);
}

export const KEPLER_COLUMNS = ['source_lat', 'source_lng', 'target_lat', 'target_lng', 'count'];

/**
 * kepler.gl-style flat flows, added to `flows`: each row carries both ends' coordinates; places
 * are keyed by them and returned.
 */
export function readKeplerFlows(table: CsvTable, flows: RawFlowTable, warnings: DataProblem[]): AreaFeature[] {
  requireColumns(table, KEPLER_COLUMNS);
  const problems: DataProblem[] = [];
  const truncated = { count: 0 };
  const readPeriod = periodReader(table, problems, truncated);
  const measures = measuresReader(table, flows, problems);
  const places = new Map<string, AreaFeature>();
  const place = (position: [number, number], name: string | undefined) => {
    const id = `${position[1].toFixed(5)},${position[0].toFixed(5)}`;
    if (!places.has(id)) places.set(id, pointArea(id, name?.trim() || id, position));
    return id;
  };
  const at = Object.fromEntries(
    [...KEPLER_COLUMNS, 'source_name', 'target_name'].map((column) => [column, table.at(column)]),
  );
  table.forEachRow((cells, row) => {
    const cell = (column: string) => (at[column] < 0 ? undefined : cells[at[column]]);
    const source = readLatLon(cell('source_lat'), cell('source_lng'), table, row, problems, [
      'source_lat',
      'source_lng',
    ]);
    const target = readLatLon(cell('target_lat'), cell('target_lng'), table, row, problems, [
      'target_lat',
      'target_lng',
    ]);
    const period = readPeriod(cells, row);
    const count = readRawCount(cells[at.count], table, row, 'count', problems);
    const measured = measures.read(cells, row);
    if (!source || !target || period === undefined || count === undefined || !measured || problems.length) return;
    measures.set(flows.add(place(source, cell('source_name')), place(target, cell('target_name')), period, count));
  });
  if (problems.length) throw new DataError(problems.slice(0, 100));
  noteTruncated(table, truncated, warnings);
  return [...places.values()];
}
