/**
 * One entry point for every input the app and the CLI accept. It recognises each file by its
 * content (not its name), assembles a dataset, and applies disclosure control to raw counts
 * before anything can be shown. Throws a DataError listing every problem found.
 */
import { getResolution, isValidCell } from 'h3-js';
import { appendAll, distinctTexts } from '../arrays';
import { importAreasGeoJson } from './import-areas';
import {
  FLOW_COLUMNS,
  measureIdsOf,
  KEPLER_ALLOWED,
  KEPLER_COLUMNS,
  LOCATION_COLUMNS,
  readFlowmapLocations,
  readKeplerFlows,
  readRawFlows,
} from './import-flows';
import { type CsvTable, extraColumns, readCsv, requireColumns } from './csv-table';
import { assembleDataset, parseAreas, parseFlowsCsv, parseManifest } from './parse';
import { checkCells, parseIncidentsCsv } from './incident-cells';
import { granularityOf, type Granularity } from '../periods';
import { DataError, visibleText, type DataProblem } from '../problems';
import { coarsenIncidents, measureNamed, protectFlowColumns, type RawIncidentPoint } from '../disclosure/protect';
import { addRawFlows, rawFlowTable } from '../disclosure/raw-flows';
import type { FlowColumns } from '../flow-columns';
import { disclosureReport, type DisclosureReport } from '../disclosure/report';
import {
  disclosureSchema,
  measureColumn,
  SUPPRESSED_TOKEN,
  type AreaFeature,
  type Dataset,
  type DisclosureSettings,
  type FlowRecord,
  type IncidentCell,
  type Manifest,
} from '../schema';
import { decodeText, MAX_FILE_BYTES, parseJsonText } from './text';

export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

export interface ImportOptions {
  /** Applied to raw inputs; published datasets carry their own. Default: threshold 10, base 5. */
  disclosure?: Partial<DisclosureSettings>;
  /** Overrides for plain GeoJSON areas whose code/name fields are not detected. */
  areaMapping?: { idField?: string; nameField?: string };
  /** False: a boundary file alone is fine (validating before the flows exist). Default true. */
  requireFlows?: boolean;
  /** Raw incident points (lat,lon,period) are accepted only where true: the CLI, which coarsens them. */
  acceptRawPoints?: boolean;
  h3Resolution?: number;
  maxFileBytes?: number;
  onProgress?: (fraction: number, stage: string) => void;
}

export interface ImportResult {
  dataset: Dataset;
  warnings: DataProblem[];
  /**
   * Present when disclosure control was applied here (raw inputs): built from the protected
   * dataset alone, as it would be published (report.ts).
   */
  report?: DisclosureReport;
  /** What the files were recognised as, e.g. "flowmap.blue locations + flows". */
  recognised: string[];
}

type Recognised =
  | { kind: 'manifest'; file: string; manifest: Manifest }
  | { kind: 'areas-published' | 'areas-geojson'; file: string; text: string }
  | {
      kind: 'locations' | 'flows' | 'kepler' | 'published-flows' | 'incident-cells' | 'incident-points';
      file: string;
      table: CsvTable;
      text: string;
    };

const LABELS: Record<Recognised['kind'], string> = {
  manifest: 'dataset manifest',
  'areas-published': 'areas (published format)',
  'areas-geojson': 'boundary GeoJSON',
  locations: 'flowmap.blue locations',
  flows: 'flows (raw counts)',
  kepler: 'flat flows with coordinates',
  'published-flows': 'flows (published)',
  'incident-cells': 'incident cells (H3)',
  'incident-points': 'incident points',
};

function recognise(file: InputFile, text: string): Recognised {
  const first = text.replace(/^\uFEFF/, '').trimStart()[0];
  // A JSON file whose root is a string, number or literal is not a CSV with an odd header.
  if (first !== '{' && first !== '[' && /^["\d\-tfn]/.test(first ?? '')) {
    let root: unknown;
    try {
      root = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      root = undefined;
    }
    if (root !== undefined) {
      throw new DataError([
        {
          severity: 'error',
          file: file.name,
          message: `is JSON whose root is ${root === null ? 'null' : `a ${typeof root}`}, not an object; expected a GeoJSON FeatureCollection, a dataset manifest or a CSV`,
        },
      ]);
    }
  }
  if (first === '{' || first === '[') {
    const json = parseJsonText(text, file.name, []) as Record<string, unknown> | null;
    if (json && typeof json === 'object' && 'files' in json && 'title' in json)
      return { kind: 'manifest', file: file.name, manifest: parseManifest(text, file.name) };
    const features = (json as { features?: unknown } | null)?.features;
    const firstFeature = Array.isArray(features)
      ? (features[0] as { properties?: unknown } | null | undefined)
      : undefined;
    // Anything may sit here (a string, null…): only a plain object can mark the published format.
    const props = firstFeature && typeof firstFeature === 'object' ? firstFeature.properties : undefined;
    const published =
      props !== null && typeof props === 'object' && 'id' in props && 'name' in props && 'role' in props;
    return { kind: published ? 'areas-published' : 'areas-geojson', file: file.name, text };
  }
  const table = readCsv(text, file.name);
  const has = (...columns: string[]) => columns.every((c) => table.columns.includes(c));
  if (has(...KEPLER_COLUMNS)) return { kind: 'kepler', file: file.name, table, text };
  if (has('id', 'lat', 'lon')) return { kind: 'locations', file: file.name, table, text };
  if (has('cell', 'count')) return { kind: 'incident-cells', file: file.name, table, text };
  if (has('lat', 'lon', 'period') && !has('count')) return { kind: 'incident-points', file: file.name, table, text };
  if (has('origin', 'dest', 'count')) {
    const published = has('period') && text.includes(SUPPRESSED_TOKEN) && someCount(table, SUPPRESSED_TOKEN);
    return { kind: published ? 'published-flows' : 'flows', file: file.name, table, text };
  }
  throw new DataError([
    {
      severity: 'error',
      file: file.name,
      message: `is not a file this atlas reads: columns ${visibleText(table.columns.join(', '), 80)}; expected flows (origin,dest,count[,time|period]), locations (id,name,lat,lon), flat flows (${KEPLER_COLUMNS.join(',')}) or incident cells (cell,period,count)`,
    },
  ]);
}

/** Whether some row's count is `value` (a walk of the whole table: the caller checks the text first). */
function someCount(table: CsvTable, value: string): boolean {
  const at = table.at('count');
  let found = false;
  table.forEachRow((cells) => {
    found ||= cells[at].trim() === value;
  });
  return found;
}

/** A published dataset: the manifest names its files, which must all be among the inputs. */
function importPublished(manifest: Recognised & { kind: 'manifest' }, texts: Map<string, string>): Dataset {
  const m = manifest.manifest;
  const need = [m.files.areas, m.files.flows, ...(m.files.incidents ? [m.files.incidents] : [])];
  const missing = need.filter((name) => !texts.has(baseName(name)));
  if (missing.length)
    throw new DataError(
      missing.map((name) => ({
        severity: 'error',
        file: manifest.file,
        field: 'files',
        message: `names "${name}", which was not given; open it together with the manifest`,
      })),
    );
  const text = (name: string) => texts.get(baseName(name))!;
  const areas = parseAreas(text(m.files.areas), m.files.areas);
  const flows = parseFlowsCsv(
    text(m.files.flows),
    m.files.flows,
    m.measures.map((x) => x.id),
  );
  const incidents = m.files.incidents ? parseIncidentsCsv(text(m.files.incidents), m.files.incidents) : [];
  return assembleDataset(m, areas, flows, incidents, checkCells);
}

const baseName = (path: string) => path.split(/[\\/]/).pop()!;

/**
 * Origins only send, destinations only receive; an area that does both is "both". Areas in no flow
 * (e.g. the rest of a whole-UK boundary file) are left out, and the warning says how many.
 */
function assignRoles(areas: AreaFeature[], ends: TextsUsed, warnings: DataProblem[], file: string): AreaFeature[] {
  // No flows (a boundary file checked alone): no roles to give.
  if (ends.period.size === 0) return areas;
  const { origin: sends, dest: receives } = ends;
  const used = areas.filter((a) => sends.has(a.properties.id) || receives.has(a.properties.id));
  if (used.length < areas.length)
    warnings.push({
      severity: 'warning',
      file,
      message: `${areas.length - used.length} of ${areas.length} areas appear in no flow and are not drawn`,
    });
  return used.map((a) => {
    const role =
      sends.has(a.properties.id) && !receives.has(a.properties.id)
        ? 'origin'
        : receives.has(a.properties.id) && !sends.has(a.properties.id)
          ? 'destination'
          : 'both';
    return { ...a, properties: { ...a.properties, role } };
  });
}

interface TextsUsed {
  origin: Set<string>;
  dest: Set<string>;
  period: Set<string>;
}

/** The distinct origins, destinations and periods of flows (as columns: each text read once). */
function textsUsed(flows: FlowColumns): TextsUsed {
  const used = (field: 'origin' | 'dest' | 'period') => distinctTexts(flows.texts, flows[field]);
  return { origin: used('origin'), dest: used('dest'), period: used('period') };
}

function singleGranularity(periods: Set<string>, file: string): Granularity {
  const found = new Set([...periods].map((p) => granularityOf(p)!));
  if (found.size > 1)
    throw new DataError([
      {
        severity: 'error',
        file,
        field: 'period',
        message: `mixes period formats (${[...found].join(', ')}); use one throughout`,
      },
    ]);
  return [...found][0] ?? 'all';
}

export function importFiles(files: InputFile[], options: ImportOptions = {}): ImportResult {
  const progress = options.onProgress ?? (() => {});
  const warnings: DataProblem[] = [];
  const problems: DataProblem[] = [];
  const recognised: Recognised[] = [];
  const texts = new Map<string, string>();
  files.forEach((file, i) => {
    progress(i / (files.length + 2), `Reading ${file.name}`);
    try {
      const text = decodeText(file.bytes, file.name, options.maxFileBytes ?? MAX_FILE_BYTES);
      texts.set(baseName(file.name), text);
      recognised.push(recognise(file, text));
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      appendAll(problems, error.problems);
    }
  });
  if (problems.length) throw new DataError(problems);
  if (recognised.length === 0)
    throw new DataError([{ severity: 'error', file: '(none)', message: 'no files were given' }]);
  progress(files.length / (files.length + 2), 'Checking');
  const labels = recognised.map((r) => `${r.file}: ${LABELS[r.kind]}`);

  const manifest = recognised.find((r): r is Recognised & { kind: 'manifest' } => r.kind === 'manifest');
  if (manifest) {
    const dataset = importPublished(manifest, texts);
    progress(1, 'Done');
    return { dataset, warnings, recognised: labels };
  }

  const settings = disclosureSchema.parse(options.disclosure ?? {});
  const dropped: { file: string; name: string }[] = [];
  const areas: AreaFeature[] = [];
  const raw = rawFlowTable();
  let published: FlowRecord[] = [];
  let cells: IncidentCell[] = [];
  const points: RawIncidentPoint[] = [];
  const names = (kind: Recognised['kind']) => recognised.filter((r) => r.kind === kind);
  const drop = (file: string, names: Iterable<string>) => {
    for (const name of names) dropped.push({ file, name });
  };
  const dropColumns = (table: CsvTable, allowed: string[]) => drop(table.file, extraColumns(table, allowed));
  for (const r of recognised) {
    try {
      if (r.kind === 'areas-published') {
        const droppedNames = new Map<string, number>();
        appendAll(areas, parseAreas(r.text, r.file, droppedNames).features);
        drop(r.file, droppedNames.keys());
      } else if (r.kind === 'areas-geojson') {
        const imported = importAreasGeoJson(r.text, r.file, options.areaMapping);
        appendAll(warnings, imported.warnings);
        appendAll(areas, imported.areas.features);
        drop(r.file, imported.dropped.keys());
      } else if (r.kind === 'locations') {
        appendAll(areas, readFlowmapLocations(r.table, warnings));
        dropColumns(r.table, LOCATION_COLUMNS);
      } else if (r.kind === 'flows') {
        readRawFlows(r.table, raw, warnings);
        dropColumns(r.table, [...FLOW_COLUMNS, ...measureIdsOf(r.table).map(measureColumn)]);
      } else if (r.kind === 'published-flows') {
        published = published.concat(parseFlowsCsv(r.text, r.file, measureIdsOf(r.table)));
        dropColumns(r.table, [...FLOW_COLUMNS, ...measureIdsOf(r.table).map(measureColumn)]);
      } else if (r.kind === 'kepler') {
        dropColumns(r.table, [...KEPLER_ALLOWED, ...measureIdsOf(r.table).map(measureColumn)]);
        appendAll(areas, readKeplerFlows(r.table, raw, warnings));
      } else if (r.kind === 'incident-cells') cells = cells.concat(parseIncidentsCsv(r.text, r.file));
      else if (r.kind === 'incident-points') {
        if (!options.acceptRawPoints)
          throw new DataError([
            {
              severity: 'error',
              file: r.file,
              message:
                'holds raw incident points; the app never shows points. Coarsen them first: npm run data -- build … (the data CLI turns points into H3 cells)',
            },
          ]);
        requireColumns(r.table, ['lat', 'lon', 'period']);
        for (const row of r.table.records())
          points.push({ lat: Number(row.lat), lon: Number(row.lon), period: row.period.trim() });
      }
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      appendAll(problems, error.problems);
    }
  }
  if (problems.length) throw new DataError(problems);
  if (areas.length === 0)
    throw new DataError([
      {
        severity: 'error',
        file: recognised.map((r) => r.file).join(', '),
        message: 'no areas or locations given: add a boundary GeoJSON or a locations CSV (id,name,lat,lon)',
      },
    ]);
  // Checking boundaries before any flows exist is a fair thing to do (the CLI's validate).
  if (raw.columns().length === 0 && published.length === 0 && options.requireFlows !== false)
    throw new DataError([
      {
        severity: 'error',
        file: recognised.map((r) => r.file).join(', '),
        message: 'no flows given: add a flows CSV (origin,dest,count[,time])',
      },
    ]);

  progress((files.length + 1) / (files.length + 2), 'Applying disclosure control');
  // Published-format flows and raw ones alike pass through protection: protecting a protected
  // table changes nothing, and it is the only way to be sure nothing under the threshold shows.
  const flows = protectFlowColumns(addRawFlows(raw, published).columns(), settings);
  const used = textsUsed(flows);
  const cellsResolution = cells.length && isValidCell(cells[0].cell) ? getResolution(cells[0].cell) : undefined;
  if (points.length) cells = cells.concat(coarsenIncidents(points, options.h3Resolution ?? 7, settings));
  const flowFile = [...names('flows'), ...names('kepler'), ...names('published-flows')].map((r) => r.file).join(', ');
  const areaFiles = [...names('areas-published'), ...names('areas-geojson'), ...names('locations'), ...names('kepler')]
    .map((r) => r.file)
    .join(', ');
  const dataset = assembleDataset(
    {
      title: 'Your data',
      subtitle: visibleText(recognised.map((r) => r.file).join(', '), 400),
      source: visibleText(`Local files: ${recognised.map((r) => r.file).join(', ')}`, 1000),
      licence: 'As given by the data owner',
      attribution: '',
      synthetic: false,
      notice: '',
      periodGranularity: singleGranularity(used.period, flowFile),
      flowMeasure: 'flows',
      measures: flows.measures.map(({ id }) => measureNamed(id)),
      incidentMeasure: 'incidents',
      disclosure: settings,
      // Cells given as cells keep their own resolution (assembleDataset checks they agree).
      h3Resolution: cellsResolution ?? options.h3Resolution ?? 7,
      files: {
        areas: areaFiles || 'areas',
        flows: flowFile,
        incidents: cells.length
          ? [...names('incident-cells'), ...names('incident-points')].map((r) => r.file).join(', ')
          : undefined,
      },
    },
    { type: 'FeatureCollection', features: assignRoles(dedupeAreas(areas), used, warnings, areaFiles) },
    flows,
    cells,
    checkCells,
  );
  progress(1, 'Done');
  return { dataset, warnings, report: disclosureReport(dataset, dropped), recognised: labels };
}

function dedupeAreas(areas: AreaFeature[]): AreaFeature[] {
  const seen = new Map<string, AreaFeature>();
  for (const a of areas) if (!seen.has(a.properties.id)) seen.set(a.properties.id, a);
  return [...seen.values()];
}
