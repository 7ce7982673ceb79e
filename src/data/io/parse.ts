/**
 * Parsers for the published dataset's files. Each problem names the file, the row or feature and
 * the field, so a user can find and fix it; see `DataProblem`.
 */
import turfCentroid from '@turf/centroid';
import type { Polygon } from 'geojson';
import type { z } from 'zod';
import {
  areaInputCollectionSchema,
  AREA_PROPERTY_ALLOW_LIST,
  manifestSchema,
  measureColumn,
  SUPPRESSED_TOKEN,
  type AreaCollection,
  type AreaFeature,
  type Dataset,
  type FlowRecord,
  type IncidentCell,
  type Manifest,
} from '../schema';
import { type CountColumn, countsOf, disclosureProblems } from '../disclosure/rules';
import { countColumn, datasetOfColumns, type FlowColumns, flowsToColumns } from '../flow-columns';
import { readCountText } from './count';
import { unescapeFormulaCell } from './csv-cells';
import { readCsv, requireColumns } from './csv-table';
import { DataError, type DataProblem } from '../problems';
import { appendAll } from '../arrays';
import { maxFlowsPerPeriod } from '../limits';
import { parseJsonText } from './text';

export { DataError, formatProblem, type DataProblem } from '../problems';
import { granularityOf, isPeriod, PERIOD_EXAMPLES, sortPeriods } from '../periods';
import { formatNumber } from '../format';

const parseJson = (text: string, file: string) => parseJsonText(text, file);

function zodProblems(
  error: z.ZodError,
  file: string,
  describe: (path: PropertyKey[]) => string | undefined,
): DataProblem[] {
  return error.issues.slice(0, 50).map((issue) => ({
    severity: 'error' as const,
    file,
    where: describe(issue.path),
    field: issue.path.map(String).join('.') || undefined,
    message: issue.message,
  }));
}

export function parseManifest(text: string, file = 'manifest.json'): Manifest {
  const result = manifestSchema.safeParse(parseJson(text, file));
  if (!result.success) throw new DataError(zodProblems(result.error, file, () => undefined));
  return result.data;
}

/**
 * Reads areas in the published format. Properties outside the allow-list are dropped; their names
 * are returned in `dropped` so the disclosure report can say what was removed.
 */
export function parseAreas(text: string, file = 'areas.geojson', dropped?: Map<string, number>): AreaCollection {
  const json = parseJson(text, file) as { features?: { properties?: { id?: unknown; name?: unknown } }[] };
  for (const feature of Array.isArray(json?.features) ? json.features : []) {
    for (const key of Object.keys(feature?.properties ?? {})) {
      if (!(AREA_PROPERTY_ALLOW_LIST as readonly string[]).includes(key))
        dropped?.set(key, (dropped.get(key) ?? 0) + 1);
    }
  }
  const result = areaInputCollectionSchema.safeParse(json);
  if (!result.success) {
    throw new DataError(
      zodProblems(result.error, file, (path) => {
        if (path[0] !== 'features' || typeof path[1] !== 'number') return undefined;
        const props = json.features?.[path[1]]?.properties;
        const label =
          typeof props?.id === 'string'
            ? ` (${props.id}${typeof props.name === 'string' ? ` "${props.name}"` : ''})`
            : '';
        return `feature ${path[1]}${label}`;
      }),
    );
  }
  const seen = new Map<string, number>();
  const duplicates = result.data.features.flatMap((f, i) => {
    const first = seen.get(f.properties.id);
    if (first === undefined) seen.set(f.properties.id, i);
    return first !== undefined
      ? [
          {
            severity: 'error' as const,
            file,
            where: `feature ${i} (${f.properties.id} "${f.properties.name}")`,
            field: 'id',
            message: `duplicate id "${f.properties.id}" (also feature ${first})`,
          },
        ]
      : [];
  });
  if (duplicates.length) throw new DataError(duplicates);
  return { type: 'FeatureCollection', features: result.data.features.map(withCentroid) };
}

/** Fills in a missing centroid: the point itself, or the polygon's centroid. */
export function withCentroid<
  F extends { properties: { centroid?: [number, number] }; geometry: AreaFeature['geometry'] },
>(feature: F): AreaFeature {
  const { centroid } = feature.properties;
  if (centroid) return feature as unknown as AreaFeature;
  const computed =
    feature.geometry.type === 'Point'
      ? feature.geometry.coordinates
      : turfCentroid(feature.geometry as Polygon).geometry.coordinates;
  return {
    ...feature,
    properties: { ...feature.properties, centroid: [computed[0], computed[1]] },
  } as unknown as AreaFeature;
}

/** Parses a CSV with a header row into records of strings, checking the required columns. */
function parseCsv(text: string, file: string, required: string[]): Record<string, string>[] {
  const table = readCsv(text, file);
  requireColumns(table, required);
  return table.records();
}

/** Reads a published count: a whole number, or the suppression token. */
function readCount(
  value: string,
  file: string,
  row: number,
  problems: DataProblem[],
  field = 'count',
): number | null | undefined {
  const reading = readCountText(value, `a whole number ≥ 0 or "${SUPPRESSED_TOKEN}"`);
  if (reading.ok) return reading.count;
  problems.push({ severity: 'error', file, where: `row ${row}`, field, message: reading.message });
  return undefined;
}

function readPeriod(value: string, file: string, row: number, problems: DataProblem[]): string | undefined {
  if (isPeriod(value)) return value;
  problems.push({
    severity: 'error',
    file,
    where: `row ${row}`,
    field: 'period',
    message: `expected a period such as "2024", "2024-Q3", "2024-07" or "2024-07-15", found "${value}"`,
  });
  return undefined;
}

/**
 * Reads rows of `key columns…,period,count` (published counts), and of any further count
 * columns named in `counts` (measures); every bad row is reported.
 */
export function parsePeriodCounts<T>(
  text: string,
  file: string,
  keys: string[],
  make: (row: Record<string, string>, period: string, count: number | null, counts: (number | null)[]) => T,
  counts: string[] = [],
): T[] {
  const problems: DataProblem[] = [];
  const out: T[] = [];
  parseCsv(text, file, [...keys, 'period', 'count', ...counts]).forEach((row, i) => {
    const line = i + 2;
    const period = readPeriod(row.period, file, line, problems);
    const count = readCount(row.count, file, line, problems);
    const further = counts.map((column) => readCount(row[column], file, line, problems, column));
    if (period !== undefined && count !== undefined && !further.includes(undefined))
      out.push(make(row, period, count, further as (number | null)[]));
  });
  if (problems.length) throw new DataError(problems.slice(0, 100));
  return out;
}

/** Published flows; `measures` are the manifest's further measure ids (columns `count_<id>`). */
export function parseFlowsCsv(text: string, file = 'flows.csv', measures: readonly string[] = []): FlowRecord[] {
  return parsePeriodCounts(
    text,
    file,
    ['origin', 'dest'],
    (row, period, count, further) => ({
      origin: unescapeFormulaCell(row.origin),
      dest: unescapeFormulaCell(row.dest),
      period,
      count,
      ...(measures.length ? { measures: Object.fromEntries(measures.map((id, i) => [id, further[i]])) } : {}),
    }),
    measures.map(measureColumn),
  );
}

/**
 * Joins the parsed files into a dataset and checks what only the whole can show: flows naming
 * unknown areas, and counts that break the dataset's own disclosure settings (refused outright:
 * the app must never display a value under the threshold). Flows given as columns (an opened raw
 * file, protected as columns) stay columns: the dataset's `flows` are made only if read.
 */
export function assembleDataset(
  manifest: Manifest,
  areas: AreaCollection,
  flows: FlowRecord[] | FlowColumns,
  incidents: IncidentCell[],
  /** Checks incident cells (incident-cells.ts), passed in so that h3-js loads only with cells. */
  checkIncidents?: (file: string, incidents: IncidentCell[], resolution: number) => DataProblem[],
): Dataset {
  const problems: DataProblem[] = [];
  // Every check reads the columns, and each distinct id and period is looked up once.
  const columns = Array.isArray(flows) ? flowsToColumns(flows) : flows;
  const { texts } = columns;
  const ids = new Set(areas.features.map((f) => f.properties.id));
  const known = texts.map((text) => ids.has(text));
  for (let i = 0; i < columns.length; i++) {
    for (const field of ['origin', 'dest'] as const) {
      if (!known[columns[field][i]])
        problems.push({
          severity: 'error',
          file: manifest.files.flows,
          where: `row ${i + 2}`,
          field,
          message: `no area has id "${texts[columns[field][i]]}" in ${manifest.files.areas}`,
        });
    }
  }
  const checkDisclosure = (file: string, counts: CountColumn, field?: string) =>
    appendAll(problems, disclosureProblems(file, counts, manifest.disclosure, field));
  checkDisclosure(manifest.files.flows, countColumn(columns));
  for (const { id } of manifest.measures)
    checkDisclosure(manifest.files.flows, countColumn(columns, id), measureColumn(id));
  const fits = new Map<number, boolean>();
  const fitsGranularity = (text: number) => {
    let fit = fits.get(text);
    if (fit === undefined) fits.set(text, (fit = granularityOf(texts[text]) === manifest.periodGranularity));
    return fit;
  };
  for (let i = 0; i < columns.length; i++) {
    if (!fitsGranularity(columns.period[i])) {
      problems.push({
        severity: 'error',
        file: manifest.files.flows,
        where: `row ${i + 2}`,
        field: 'period',
        message: `"${texts[columns.period[i]]}" is not a ${manifest.periodGranularity} (the manifest's periodGranularity), e.g. "${PERIOD_EXAMPLES[manifest.periodGranularity]}"`,
      });
    }
  }
  if (manifest.files.incidents && incidents.length) {
    checkDisclosure(manifest.files.incidents, countsOf(incidents));
    if (!checkIncidents) throw new Error('incident cells given without a way to check them');
    appendAll(problems, checkIncidents(manifest.files.incidents, incidents, manifest.h3Resolution));
  }
  if (problems.length) throw new DataError(problems.slice(0, 100));
  // Flows per period text, in the order periods are first met (texts are numbered as met).
  const perPeriod = new Map<number, number>();
  for (let i = 0; i < columns.length; i++)
    perPeriod.set(columns.period[i], (perPeriod.get(columns.period[i]) ?? 0) + 1);
  const periods = sortPeriods([...[...perPeriod.keys()].map((text) => texts[text]), ...incidents.map((c) => c.period)]);
  checkFlowsPerPeriod(
    manifest.files.flows,
    [...perPeriod].map(([text, count]) => [texts[text], count]),
    periods.length,
  );
  if (Array.isArray(flows)) return { manifest, areas, flows, incidents, periods };
  return datasetOfColumns({ manifest, areas, incidents, periods }, columns);
}

/** Refuses a dataset the map's GPU filter could not hold exactly (see MAX_PERIOD_RANK_SLOTS). */
function checkFlowsPerPeriod(file: string, perPeriod: [string, number][], periodCount: number): void {
  const limit = maxFlowsPerPeriod(periodCount);
  for (const [period, count] of perPeriod) {
    if (count > limit)
      throw new DataError([
        {
          severity: 'error',
          file,
          field: 'period',
          message: `period "${period}" has ${formatNumber(count)} flows; with ${periodCount} period(s) the map can hold at most ${formatNumber(limit)} flows per period. Split the data into fewer periods per file, or merge small flows before importing`,
        },
      ]);
  }
}
