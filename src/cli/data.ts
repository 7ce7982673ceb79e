/**
 * The data CLI: the same importers, checks and disclosure control as the app, for files on disk.
 *
 *   npm run data -- validate <files…>
 *   npm run data -- build <inputs…> --out data/<name>/ [--threshold 10 --rounding 5 --h3-resolution 7 --title …]
 *   npm run data -- import-flowmap <locations.csv> <flows.csv> --out data/<name>/
 *   npm run data -- hotspots <values.csv> [--weights <file.gal>] [--k N] [--fdr]   (CSV to stdout)
 *
 * Exit codes: 0 success, 1 bad input (every problem printed), 2 bad usage.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { isPublishable } from '../data/disclosure/rules';
import { importFiles, type ImportOptions, type ImportResult, type InputFile } from '../data/io/import';
import { DataError, formatProblem, type DataProblem } from '../data/problems';
import { exitCodeFor, UsageError } from './exit';
import { emergingCsv } from './emerging';
import { changeCsv } from './change';
import { importPoliceUk } from './police-uk';
import { confidenceBins, getisOrdGiStar, h3Neighbours, parseGal, twoSidedP } from '../data/analysis/hotspots';
import { generalG, moransI } from '../data/analysis/global';
import { readCsv, requireColumns } from '../data/io/import-flows';
import { decodeText } from '../data/io/text';
import { writeCsv } from '../data/io/csv-cells';
import { publishedFlowsTable } from '../data/io/published-flows';
import { isValidCell } from 'h3-js';
import { formatDisclosureReport } from '../data/disclosure/protect';
import {
  disclosureSchema,
  H3_RESOLUTION_RANGE,
  manifestSchema,
  SUPPRESSED_TOKEN,
  type Dataset,
  type IncidentCell,
  type Manifest,
} from '../data/schema';

const USAGE = `usage:
  npm run data -- validate <files…> [--id-field F --name-field F]
  npm run data -- build <inputs…> --out <dir> [--threshold N] [--rounding N] [--h3-resolution N]
                 [--title T] [--subtitle S] [--source S] [--licence L] [--attribution A] [--measure M]
  npm run data -- import-flowmap <locations.csv> <flows.csv> --out <dir> [same options as build]
  npm run data -- hotspots <values.csv> [--weights <file.gal>] [--k N] [--fdr]
  npm run data -- police-uk <files or folders…> --out <dir> [--crime-type Drugs] [--h3-resolution N]
  npm run data -- moran <values.csv> [--weights <file.gal>] [--k N]
  npm run data -- emerging <incidents.csv> [--k N] [--time-step T] [--fdr] [--threshold N]
  npm run data -- change <dataset folder> --from P --to P [--of routes|destinations] [--measure ID]
                 [--origins grouped|separate]

  --threshold      suppress counts under N; 5 to 1000 (default 10)
  --rounding       round published counts to a multiple of N; 1 to the threshold (default 5)
  --h3-resolution  incident cell size; 0 (coarsest) to 9 (about 0.1 km² a cell) (default 7, about 5 km²)
  --k              Gi* neighbourhood in H3 rings; 1 to 10 (default 1)
  --time-step      emerging: earlier periods in each bin's neighbourhood; 0 to 12 (default 1)
  --measure        build: what a flow count counts, in words; change: a further measure's id
  --origins        change: merge exporting areas into their groups as the national map does (grouped,
                   the default) or not (separate)`;

const DEFAULT_THRESHOLD = disclosureSchema.shape.threshold.parse(undefined);

/**
 * What each numeric option may be. The H3 range is the published format's own (a finer cell could
 * single out a street); the threshold cannot go under 5, the lowest rule UK statistical bodies
 * use; past 10 rings Gi* no longer looks at a neighbourhood (and the ring sizes grow as 3k²).
 */
export const OPTION_RANGES = {
  threshold: [5, 1000],
  'h3-resolution': H3_RESOLUTION_RANGE,
  k: [1, 10],
  'time-step': [0, 12],
} as const satisfies Record<string, readonly [number, number]>;

/** A whole number within [min, max], or a usage error that says the range. */
function wholeOption(
  name: string,
  value: string | undefined,
  [min, max]: readonly [number, number],
): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= min && n <= max))
    throw new UsageError(`--${name} needs a whole number from ${min} to ${max}, got "${value}"`);
  return n;
}

const DATA_FILE = /\.(json|geojson|csv)$/i;

/** Files as given; a folder stands for the data files in it (e.g. a published dataset). */
function readInputs(paths: string[]): InputFile[] {
  if (paths.length === 0) throw new UsageError('no input files given');
  const expanded = paths.flatMap((path) => {
    try {
      if (statSync(path).isDirectory())
        return readdirSync(path)
          .filter((name) => DATA_FILE.test(name) && !name.startsWith('disclosure-report'))
          .sort()
          .map((name) => join(path, name));
    } catch {
      // reported below, when reading
    }
    return [path];
  });
  const notData = expanded.filter((path) => !DATA_FILE.test(path));
  if (notData.length)
    throw new DataError(
      notData.map((path) => ({
        severity: 'error',
        file: path,
        message: 'is not a data file: give .json, .geojson or .csv files, or a folder of them',
      })),
    );
  return expanded.map((path) => {
    try {
      return { name: basename(path), bytes: new Uint8Array(readFileSync(path)) };
    } catch (error) {
      throw new DataError([
        {
          severity: 'error',
          file: path,
          message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
        },
      ]);
    }
  });
}

function readInputsRaw(path: string): InputFile {
  try {
    return { name: basename(path), bytes: new Uint8Array(readFileSync(path)) };
  } catch (error) {
    throw new DataError([
      {
        severity: 'error',
        file: path,
        message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      },
    ]);
  }
}

/**
 * Gi* for `id,value` rows: neighbours from a GeoDa .gal file, or else the ids are H3 cells and
 * neighbours are their k-ring. Prints `id,value,z,p,bin`.
 */
/** A values file (`id,value`) and its weights: a GeoDa `.gal` file, or H3 k-rings when ids are cells. */
function valuesAndNeighbours(
  table: InputFile,
  gal: InputFile | undefined,
  k: number,
): { ids: string[]; values: number[]; neighbours: number[][] } {
  const csv = readCsv(decodeText(table.bytes, table.name), table.name);
  requireColumns(csv, ['id', 'value']);
  const problems: DataProblem[] = [];
  const ids: string[] = [];
  const values: number[] = [];
  const seen = new Set<string>();
  csv.rows.forEach((row, i) => {
    const id = (row.id ?? '').trim();
    const value = Number((row.value ?? '').trim());
    if (!id)
      problems.push({ severity: 'error', file: table.name, where: `row ${i + 2}`, field: 'id', message: 'is empty' });
    else if ((row.value ?? '').trim() === '' || !Number.isFinite(value))
      problems.push({
        severity: 'error',
        file: table.name,
        where: `row ${i + 2}`,
        field: 'value',
        message: `expected a number, found "${row.value ?? ''}"`,
      });
    else if (seen.has(id))
      problems.push({
        severity: 'error',
        file: table.name,
        where: `row ${i + 2}`,
        field: 'id',
        message: `duplicate id "${id}"`,
      });
    else {
      seen.add(id);
      ids.push(id);
      values.push(value);
    }
  });
  if (problems.length) throw new DataError(problems);
  if (ids.length < 3)
    throw new DataError([
      { severity: 'error', file: table.name, message: `has ${ids.length} value(s); Gi* needs at least 3` },
    ]);
  let neighbours: number[][];
  if (gal) {
    let weights: Map<string, string[]>;
    try {
      weights = parseGal(decodeText(gal.bytes, gal.name));
    } catch (error) {
      if (error instanceof DataError) throw error;
      throw new DataError([{ severity: 'error', file: gal.name, message: (error as Error).message }]);
    }
    const index = new Map(ids.map((id, i) => [id, i]));
    const missing = ids.filter((id) => !weights.has(id));
    const unknown = [...weights.values()].flat().filter((id) => !index.has(id));
    if (missing.length || unknown.length) {
      throw new DataError([
        ...missing.slice(0, 10).map((id) => ({
          severity: 'error' as const,
          file: gal.name,
          message: `has no entry for id "${id}" from ${table.name}`,
        })),
        ...[...new Set(unknown)].slice(0, 10).map((id) => ({
          severity: 'error' as const,
          file: gal.name,
          message: `names neighbour "${id}", which is not in ${table.name}`,
        })),
      ]);
    }
    neighbours = ids.map((id) =>
      weights
        .get(id)!
        .map((other) => index.get(other)!)
        .filter((j) => j !== index.get(id)),
    );
  } else {
    const bad = ids.filter((id) => !isValidCell(id));
    if (bad.length)
      throw new DataError(
        bad.slice(0, 10).map((id) => ({
          severity: 'error',
          file: table.name,
          field: 'id',
          message: `"${id}" is not an H3 cell; give --weights <file.gal> for other ids`,
        })),
      );
    neighbours = h3Neighbours(ids, k);
  }
  return { ids, values, neighbours };
}

function hotspotsCsv(table: InputFile, gal: InputFile | undefined, k: number, fdr: boolean): string[] {
  const { ids, values, neighbours } = valuesAndNeighbours(table, gal, k);
  const result = getisOrdGiStar(values, neighbours);
  const bins = confidenceBins(result, fdr);
  const fmt = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(10)) : 'NaN');
  return writeCsv(
    ['id', 'value', 'z', 'p', 'bin'],
    ids.map((id, i) => [id, values[i], fmt(result.z[i]), fmt(result.p[i]), bins[i]]),
  )
    .trimEnd()
    .split('\n');
}

/**
 * Global clustering: Moran's I (row-standardised weights; z under normality and under
 * randomisation; pseudo p from 999 seeded permutations) and General G (binary weights).
 */
function moranCsv(table: InputFile, gal: InputFile | undefined, k: number): string[] {
  const { values, neighbours } = valuesAndNeighbours(table, gal, k);
  const moran = moransI(values, neighbours);
  const g = generalG(values, neighbours);
  const fmt = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '' : Number(x.toPrecision(10)));
  return writeCsv(
    ['statistic', 'value', 'expected', 'z', 'p'],
    [
      ['moran_i', fmt(moran.statistic), fmt(moran.expected), fmt(moran.z), fmt(moran.p)],
      [
        'moran_i_randomisation',
        fmt(moran.statistic),
        fmt(moran.expected),
        fmt(moran.zRandomisation),
        fmt(twoSidedP(moran.zRandomisation!)),
      ],
      ['moran_i_permutations_999', fmt(moran.statistic), fmt(moran.expected), '', fmt(moran.pSim)],
      ['general_g', fmt(g.statistic), fmt(g.expected), fmt(g.z), fmt(g.p)],
      ['general_g_permutations_999', fmt(g.statistic), fmt(g.expected), '', fmt(g.pSim)],
    ],
  )
    .trimEnd()
    .split('\n');
}

function summarise(result: ImportResult): string {
  const { dataset } = result;
  const suppressed = dataset.flows.filter((f) => f.count === null).length;
  return `${dataset.areas.features.length} areas, ${dataset.flows.length} flows (${suppressed} suppressed) over ${dataset.periods.length} period(s)${dataset.incidents.length ? `, ${dataset.incidents.length} incident cells` : ''}`;
}

function flowsCsv(dataset: Dataset): string {
  const { header, rows } = publishedFlowsTable(dataset.flows, dataset.manifest.measures);
  return writeCsv(header, rows);
}

function incidentsCsv(incidents: IncidentCell[]): string {
  return writeCsv(
    ['cell', 'period', 'count'],
    incidents.map((c) => [c.cell, c.period, c.count ?? SUPPRESSED_TOKEN]),
  );
}

/** Writes a dataset, refusing outright if any count would break its own disclosure rule. */
function writeDataset(result: ImportResult, outDir: string, meta: Partial<Manifest>): string[] {
  const { dataset } = result;
  const rule = dataset.manifest.disclosure;
  const further = dataset.flows.flatMap((f) => Object.values(f.measures ?? {}));
  const unsafe = [...dataset.flows, ...dataset.incidents]
    .map((row) => row.count)
    .concat(further)
    .filter((count) => !isPublishable(count, rule));
  if (unsafe.length)
    throw new Error(
      `refusing to publish: ${unsafe.length} count(s) break the disclosure rule (this is a bug; nothing was written)`,
    );
  const manifest: Manifest = {
    ...dataset.manifest,
    ...Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined)),
    files: {
      areas: 'areas.geojson',
      flows: 'flows.csv',
      ...(dataset.incidents.length ? { incidents: 'incidents.csv' } : {}),
    },
  };
  mkdirSync(outDir, { recursive: true });
  const files: Record<string, string> = {
    'manifest.json': JSON.stringify(manifest, null, 2) + '\n',
    'areas.geojson': JSON.stringify(dataset.areas) + '\n',
    'flows.csv': flowsCsv(dataset),
    ...(dataset.incidents.length ? { 'incidents.csv': incidentsCsv(dataset.incidents) } : {}),
    ...(result.report
      ? {
          'disclosure-report.md': formatDisclosureReport(result.report),
          'disclosure-report.json': JSON.stringify(result.report, null, 2) + '\n',
        }
      : {}),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(outDir, name), text);
  return Object.keys(files);
}

/** Every command answers synchronously except police-uk, which streams its files. */
export function main(argv: string[], out = console.log, err = console.error): number | Promise<number> {
  const [command, ...rest] = argv;
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        threshold: { type: 'string' },
        rounding: { type: 'string' },
        'h3-resolution': { type: 'string' },
        title: { type: 'string' },
        subtitle: { type: 'string' },
        source: { type: 'string' },
        licence: { type: 'string' },
        attribution: { type: 'string' },
        measure: { type: 'string' },
        'id-field': { type: 'string' },
        'name-field': { type: 'string' },
        weights: { type: 'string' },
        k: { type: 'string' },
        'time-step': { type: 'string' },
        'crime-type': { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        of: { type: 'string' },
        origins: { type: 'string' },
        fdr: { type: 'boolean' },
      },
    });
    const threshold = wholeOption('threshold', values.threshold, OPTION_RANGES.threshold);
    const options: ImportOptions = {
      acceptRawPoints: true,
      disclosure: {
        ...(threshold !== undefined ? { threshold } : {}),
        ...(values.rounding !== undefined
          ? { roundingBase: wholeOption('rounding', values.rounding, [1, threshold ?? DEFAULT_THRESHOLD]) }
          : {}),
      },
      h3Resolution: wholeOption('h3-resolution', values['h3-resolution'], OPTION_RANGES['h3-resolution']),
      areaMapping: { idField: values['id-field'], nameField: values['name-field'] },
    };
    if (command === 'hotspots') {
      if (positionals.length !== 1) throw new UsageError('hotspots takes one values.csv (id,value)');
      const [table] = readInputs(positionals);
      const gal = values.weights ? readInputsRaw(values.weights) : undefined;
      const k = wholeOption('k', values.k, OPTION_RANGES.k) ?? 1;
      for (const line of hotspotsCsv(table, gal, k, Boolean(values.fdr))) out(line);
      return 0;
    }
    if (command === 'police-uk') {
      if (!values.out) throw new UsageError('police-uk needs --out <dir>');
      if (positionals.length === 0) throw new UsageError('police-uk takes police.uk *-street.csv files or folders');
      const settings = disclosureSchema.parse(options.disclosure ?? {});
      const out_ = values.out;
      return importPoliceUk(positionals, {
        crimeType: values['crime-type'] ?? 'Drugs',
        resolution: options.h3Resolution ?? 7,
        settings,
      }).then(
        (result) => {
          mkdirSync(out_, { recursive: true });
          writeFileSync(join(out_, 'incidents.csv'), incidentsCsv(result.cells));
          writeFileSync(join(out_, 'disclosure-report.md'), formatDisclosureReport(result.report));
          const suppressed = result.cells.filter((c) => c.count === null).length;
          out(
            `read ${result.files} file(s), ${result.rows.toLocaleString('en-GB')} rows: ${result.kept.toLocaleString('en-GB')} "${values['crime-type'] ?? 'Drugs'}" with a position, ${result.withoutLocation.toLocaleString('en-GB')} without one (skipped), ${result.otherTypes.toLocaleString('en-GB')} of other types (dropped)`,
          );
          out(
            `wrote incidents.csv (${result.cells.length.toLocaleString('en-GB')} cells at H3 resolution ${options.h3Resolution ?? 7}, ${suppressed.toLocaleString('en-GB')} suppressed) and disclosure-report.md to ${out_}`,
          );
          return 0;
        },
        (error: unknown) => exitCodeFor(error, USAGE, err),
      );
    }
    if (command === 'moran') {
      if (positionals.length !== 1) throw new UsageError('moran takes one values.csv (id,value)');
      const [table] = readInputs(positionals);
      const gal = values.weights ? readInputsRaw(values.weights) : undefined;
      for (const line of moranCsv(table, gal, wholeOption('k', values.k, OPTION_RANGES.k) ?? 1)) out(line);
      return 0;
    }
    if (command === 'emerging') {
      if (positionals.length !== 1) throw new UsageError('emerging takes one incidents.csv (cell,period,count)');
      const [table] = readInputs(positionals);
      const { csv, note } = emergingCsv(table, {
        k: wholeOption('k', values.k, OPTION_RANGES.k) ?? 1,
        timeStep: wholeOption('time-step', values['time-step'], OPTION_RANGES['time-step']) ?? 1,
        fdr: Boolean(values.fdr),
        threshold: threshold ?? DEFAULT_THRESHOLD,
      });
      out(csv.trimEnd());
      err(`note: ${note}`);
      return 0;
    }
    if (command === 'change') {
      if (positionals.length === 0) throw new UsageError('change takes a published dataset (its folder or its files)');
      const { dataset } = importFiles(readInputs(positionals), options);
      out(changeCsv(dataset, values).trimEnd());
      return 0;
    }
    if (command === 'validate') {
      const result = importFiles(readInputs(positionals), { ...options, requireFlows: false });
      for (const line of result.recognised) out(`read ${line}`);
      for (const w of result.warnings) out(`warning: ${formatProblem(w)}`);
      out(`OK: ${summarise(result)}`);
      if (result.dataset.flows.length === 0)
        out('note: no flows given; a build needs a flows CSV (origin,dest,count[,time])');
      return 0;
    }
    if (command === 'build' || command === 'import-flowmap') {
      if (!values.out) throw new UsageError(`${command} needs --out <dir>`);
      if (command === 'import-flowmap' && positionals.length !== 2)
        throw new UsageError('import-flowmap takes exactly two files: <locations.csv> <flows.csv>');
      // Text that goes into the manifest meets the manifest's own limits before anything is read.
      for (const [option, key] of [
        ['title', 'title'],
        ['subtitle', 'subtitle'],
        ['source', 'source'],
        ['licence', 'licence'],
        ['attribution', 'attribution'],
        ['measure', 'flowMeasure'],
      ] as const) {
        const value = values[option];
        const checked = value === undefined ? undefined : manifestSchema.shape[key].safeParse(value);
        if (checked && !checked.success)
          throw new UsageError(`--${option}: ${checked.error.issues[0]?.message ?? 'not allowed'}`);
      }
      const result = importFiles(readInputs(positionals), options);
      if (command === 'import-flowmap' && !result.recognised.some((r) => r.endsWith('flowmap.blue locations'))) {
        throw new UsageError(`${positionals[0]} is not a flowmap.blue locations file (id,name,lat,lon)`);
      }
      for (const w of result.warnings) out(`warning: ${formatProblem(w)}`);
      const written = writeDataset(result, values.out, {
        title: values.title,
        subtitle: values.subtitle,
        source: values.source,
        licence: values.licence,
        attribution: values.attribution,
        flowMeasure: values.measure,
      });
      out(`wrote ${written.join(', ')} to ${values.out}`);
      out(`OK: ${summarise(result)}`);
      if (result.report?.unsafeTotals.length)
        out(`note: ${result.report.unsafeTotals.length} total(s) must not be published; see disclosure-report.md`);
      return 0;
    }
    throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  } catch (error) {
    return exitCodeFor(error, USAGE, err);
  }
}

if (process.argv[1] && /cli[\\/]data\.ts$/.test(process.argv[1]))
  void Promise.resolve(main(process.argv.slice(2))).then((code) => {
    process.exitCode = code;
  });
