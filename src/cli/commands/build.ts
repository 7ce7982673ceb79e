/**
 * `build <inputs…> --out <dir>` and `import-flowmap <locations.csv> <flows.csv> --out <dir>`: raw
 * or published inputs into a published dataset folder (manifest, areas, flows, incidents) with its
 * disclosure report. The pre-flight runs on exactly what is about to be written; nothing is
 * written unless all of it passes.
 */
import { routesFrame } from '../../data/analysis/frame';
import { flowColumnsOf } from '../../data/flow-columns';
import { preflight } from '../../data/disclosure/preflight';
import { disclosureReport, formatDisclosureReport, publishedSummary } from '../../data/disclosure/report';
import { writeCsv } from '../../data/io/csv-cells';
import { importFiles, type ImportResult } from '../../data/io/import';
import { publishedFlowsTable } from '../../data/io/published-flows';
import { formatProblem } from '../../data/problems';
import { manifestSchema, SUPPRESSED_TOKEN, type IncidentCell, type Manifest } from '../../data/schema';
import { text, type Command, type CommandArgs, type CommandIo } from '../command';
import { UsageError } from '../exit';
import { IMPORT_OPTIONS, importOptions, readInputs } from '../inputs';
import { checkOutDir, writeFiles } from '../output';

/** Options whose text goes into the manifest, and the manifest field each fills. */
const MANIFEST_OPTIONS = {
  title: 'title',
  subtitle: 'subtitle',
  source: 'source',
  licence: 'licence',
  attribution: 'attribution',
  measure: 'flowMeasure',
} as const;

const OPTIONS = {
  ...IMPORT_OPTIONS,
  out: { type: 'string' },
  ...Object.fromEntries(Object.keys(MANIFEST_OPTIONS).map((name) => [name, { type: 'string' }])),
} as const;

export function incidentsCsv(incidents: readonly IncidentCell[]): string {
  return writeCsv(
    ['cell', 'period', 'count'],
    incidents.map((c) => [c.cell, c.period, c.count ?? SUPPRESSED_TOKEN]),
  );
}

/** The files of a published dataset, checked by the pre-flight before any is returned. */
export function datasetFiles(result: ImportResult, meta: Partial<Manifest>): Record<string, string> {
  const { dataset } = result;
  const manifest: Manifest = {
    ...dataset.manifest,
    ...Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined)),
    frame: dataset.manifest.frame ?? routesFrame(dataset.areas.features, flowColumnsOf(dataset)),
    files: {
      areas: 'areas.geojson',
      flows: 'flows.csv',
      ...(dataset.incidents.length ? { incidents: 'incidents.csv' } : {}),
    },
  };
  const published = { ...dataset, manifest };
  preflight('the dataset', published);
  const { header, rows } = publishedFlowsTable(dataset.flows, manifest.measures);
  // Raw inputs get a report; a dataset rebuilt from published files keeps the report it came with.
  const report = result.report ? disclosureReport(published, result.report.dropped) : undefined;
  return {
    'manifest.json': JSON.stringify(manifest, null, 2) + '\n',
    'areas.geojson': JSON.stringify(dataset.areas) + '\n',
    'flows.csv': writeCsv(header, rows),
    ...(dataset.incidents.length ? { 'incidents.csv': incidentsCsv(dataset.incidents) } : {}),
    ...(report
      ? {
          'disclosure-report.md': formatDisclosureReport(report),
          'disclosure-report.json': JSON.stringify(report, null, 2) + '\n',
        }
      : {}),
  };
}

function runBuild(name: 'build' | 'import-flowmap', args: CommandArgs, { out }: CommandIo): number {
  const outDir = text(args, 'out');
  if (!outDir) throw new UsageError(`${name} needs --out <dir>`);
  if (name === 'import-flowmap' && args.positionals.length !== 2)
    throw new UsageError('import-flowmap takes exactly two files: <locations.csv> <flows.csv>');
  // Text that goes into the manifest meets the manifest's own limits before anything is read.
  const meta: Partial<Manifest> = {};
  for (const [option, key] of Object.entries(MANIFEST_OPTIONS)) {
    const value = text(args, option);
    if (value === undefined) continue;
    const checked = manifestSchema.shape[key].safeParse(value);
    if (!checked.success) throw new UsageError(`--${option}: ${checked.error.issues[0]?.message ?? 'not allowed'}`);
    Object.assign(meta, { [key]: checked.data });
  }
  const options = importOptions(args);
  checkOutDir(outDir);
  const result = importFiles(readInputs(args.positionals), options);
  if (name === 'import-flowmap' && !result.recognised.some((r) => r.endsWith('flowmap.blue locations')))
    throw new UsageError(`${args.positionals[0]} is not a flowmap.blue locations file (id,name,lat,lon)`);
  for (const w of result.warnings) out(`warning: ${formatProblem(w)}`);
  const written = writeFiles(outDir, datasetFiles(result, meta));
  out(`wrote ${written.join(', ')} to ${outDir}`);
  out(`OK: ${publishedSummary(result.dataset)}`);
  if (result.report?.unsafeTotals.length)
    out(`note: ${result.report.unsafeTotals.length} total(s) must not be published; see disclosure-report.md`);
  return 0;
}

export const build: Command = {
  name: 'build',
  usage: `build <inputs…> --out <dir> [--threshold N] [--rounding N] [--h3-resolution N]
                 [--title T] [--subtitle S] [--source S] [--licence L] [--attribution A] [--measure M]`,
  options: OPTIONS,
  run: (args, io) => runBuild('build', args, io),
};

export const importFlowmap: Command = {
  name: 'import-flowmap',
  usage: 'import-flowmap <locations.csv> <flows.csv> --out <dir> [same options as build]',
  options: OPTIONS,
  run: (args, io) => runBuild('import-flowmap', args, io),
};
