/**
 * Readers for raw flow inputs: flowmap.blue location/flow pairs, kepler.gl-style flat CSV with
 * coordinates, and plain origin/dest/period/count tables. Counts here are raw: disclosure control
 * (protect.ts) runs on them before anything is shown.
 */
import Papa from 'papaparse';
import { normaliseTime } from '../periods';
import { DataError, type DataProblem } from '../problems';
import { lineColumn, refuseWebPage } from './text';
import type { RawFlow } from '../disclosure/protect';
import { MEASURE_COLUMN_PREFIX, MEASURE_ID, measureColumn, type AreaFeature } from '../schema';
import { readCountText } from './count';
import { interning } from '../arrays';

export interface CsvTable {
  file: string;
  columns: string[];
  rows: Record<string, string>[];
}

export function readCsv(text: string, file: string): CsvTable {
  const clean = text.replace(/^\uFEFF/, '');
  refuseWebPage(clean, file);
  const options = { header: true, skipEmptyLines: 'greedy', transformHeader: (h: string) => h.trim() } as const;
  const parsed = Papa.parse<Record<string, string>>(clean, { ...options, delimiter: delimiterOf(clean, options) });
  // "row N" is the file's line N (the header is row 1); papaparse's own row index skips the header
  // and, for quoting errors, points past the row, so a character offset is used where it has one.
  const rowOf = (e: Papa.ParseError) =>
    e.index !== undefined ? lineColumn(clean, e.index).line : e.row !== undefined ? e.row + 2 : undefined;
  const problems: DataProblem[] = parsed.errors
    .filter((e) => e.code !== 'UndetectableDelimiter')
    .map((e) => ({
      severity: 'error',
      file,
      where: rowOf(e) === undefined ? undefined : `row ${rowOf(e)}`,
      message: e.message,
    }));
  if (problems.length) throw new DataError(problems.slice(0, 50));
  const columns = (parsed.meta.fields ?? []).filter((c) => c !== '');
  if (parsed.data.length === 0)
    throw new DataError([{ severity: 'error', file, message: `has a header (${columns.join(', ')}) but no rows` }]);
  return { file, columns, rows: parsed.data };
}

/** Past this many characters, the delimiter is guessed from the text's start alone (delimiterOf). */
const GUESS_FROM = 1 << 20;

/**
 * The delimiter papaparse would guess for `text`. It guesses from the first 10 rows, but does so by
 * splitting the whole text into lines once per candidate delimiter: six passes over a 49 MB file
 * (0.9 s, and 2.45 million strings each to collect). The first megabyte holds those rows.
 */
function delimiterOf(text: string, options: Papa.ParseConfig): string | undefined {
  if (text.length <= GUESS_FROM) return undefined;
  const start = text.slice(0, text.lastIndexOf('\n', GUESS_FROM) + 1 || GUESS_FROM);
  return Papa.parse(start, { ...options, preview: 10 }).meta.delimiter;
}

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

/** A row's further measures (raw counts), or undefined when a value is bad (added to `problems`). */
function readMeasures(
  r: Record<string, string>,
  ids: string[],
  table: CsvTable,
  row: number,
  problems: DataProblem[],
): Record<string, number | null> | undefined {
  const out: Record<string, number | null> = {};
  let ok = true;
  for (const id of ids) {
    const value = readRawCount(r[measureColumn(id)], table, row, measureColumn(id), problems);
    if (value === undefined) ok = false;
    else out[id] = value;
  }
  return ok ? out : undefined;
}

export function extraColumns(table: CsvTable, allowed: string[]): string[] {
  return table.columns.filter((c) => !allowed.includes(c));
}

export function requireColumns(table: CsvTable, required: string[]): void {
  const missing = required.filter((c) => !table.columns.includes(c));
  if (missing.length) {
    throw new DataError(
      missing.map((c) => ({
        severity: 'error',
        file: table.file,
        field: c,
        message: `missing column; found ${table.columns.join(', ') || 'none'}`,
      })),
    );
  }
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
  table.rows.forEach((r, i) => {
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
): (r: Record<string, string>, row: number) => string | undefined {
  const column = table.columns.includes('period') ? 'period' : table.columns.includes('time') ? 'time' : undefined;
  const read = new Map<string, ReturnType<typeof normaliseTime>>();
  return (r, row) => {
    if (!column) return 'all';
    const cell = r[column] ?? '';
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

function noteTruncated(table: CsvTable, truncated: { count: number }, warnings: DataProblem[]) {
  if (truncated.count)
    warnings.push({
      severity: 'warning',
      file: table.file,
      message: `${truncated.count} row(s) had a clock time; flows are counted per day, so the time of day was dropped and same-day rows summed`,
    });
}

/** origin,dest,count with an optional time (flowmap.blue) or period column. */
export function readRawFlows(table: CsvTable, warnings: DataProblem[]): RawFlow[] {
  requireColumns(table, ['origin', 'dest', 'count']);
  const problems: DataProblem[] = [];
  const truncated = { count: 0 };
  const readPeriod = periodReader(table, problems, truncated);
  const flows: RawFlow[] = [];
  const measureIds = measureIdsOf(table);
  const intern = interning();
  table.rows.forEach((r, i) => {
    const row = i + 2;
    const origin = intern((r.origin ?? '').trim());
    const dest = intern((r.dest ?? '').trim());
    if (!origin)
      problems.push({ severity: 'error', file: table.file, where: `row ${row}`, field: 'origin', message: 'is empty' });
    if (!dest)
      problems.push({ severity: 'error', file: table.file, where: `row ${row}`, field: 'dest', message: 'is empty' });
    const period = readPeriod(r, row);
    const count = readRawCount(r.count, table, row, 'count', problems);
    const measures = readMeasures(r, measureIds, table, row, problems);
    if (origin && dest && period !== undefined && count !== undefined && measures)
      flows.push({ origin, dest, period: intern(period), count, ...(measureIds.length ? { measures } : {}) });
  });
  if (problems.length) throw new DataError(problems.slice(0, 100));
  noteTruncated(table, truncated, warnings);
  return flows;
}

export const KEPLER_COLUMNS = ['source_lat', 'source_lng', 'target_lat', 'target_lng', 'count'];

/** kepler.gl-style flat flows: each row carries both ends' coordinates; places are keyed by them. */
export function readKeplerFlows(table: CsvTable, warnings: DataProblem[]): { areas: AreaFeature[]; flows: RawFlow[] } {
  requireColumns(table, KEPLER_COLUMNS);
  const problems: DataProblem[] = [];
  const truncated = { count: 0 };
  const readPeriod = periodReader(table, problems, truncated);
  const places = new Map<string, AreaFeature>();
  const flows: RawFlow[] = [];
  const measureIds = measureIdsOf(table);
  const intern = interning();
  // The place's own id, not the one just made: one string per place, as readRawFlows interns.
  const place = (position: [number, number], name: string | undefined) => {
    const id = `${position[1].toFixed(5)},${position[0].toFixed(5)}`;
    let area = places.get(id);
    if (!area) places.set(id, (area = pointArea(id, name?.trim() || id, position)));
    return area.properties.id;
  };
  table.rows.forEach((r, i) => {
    const row = i + 2;
    const source = readLatLon(r.source_lat, r.source_lng, table, row, problems, ['source_lat', 'source_lng']);
    const target = readLatLon(r.target_lat, r.target_lng, table, row, problems, ['target_lat', 'target_lng']);
    const period = readPeriod(r, row);
    const count = readRawCount(r.count, table, row, 'count', problems);
    const measures = readMeasures(r, measureIds, table, row, problems);
    if (!source || !target || period === undefined || count === undefined || !measures) return;
    flows.push({
      origin: place(source, r.source_name),
      dest: place(target, r.target_name),
      period: intern(period),
      count,
      ...(measureIds.length ? { measures } : {}),
    });
  });
  if (problems.length) throw new DataError(problems.slice(0, 100));
  noteTruncated(table, truncated, warnings);
  return { areas: [...places.values()], flows };
}
