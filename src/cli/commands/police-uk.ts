/**
 * police.uk street-level crime files (the monthly `*-street.csv` each force publishes) into
 * published incident cells. Streamed row by row: a year of national data is about 6 million
 * rows, so only the cell counts stay in memory, never the rows.
 *
 * Kept from each row: Month (the period), Longitude, Latitude and Crime type (to filter); every
 * other column (crime ID, location description, LSOA, outcome, context) is dropped unread.
 * Positions become H3 cells at once and the counts are suppressed and rounded like any raw points.
 */
import { createReadStream, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import Papa from 'papaparse';
import { preflight } from '../../data/disclosure/preflight';
import { IncidentCellCounter } from '../../data/disclosure/protect';
import { disclosureReport, formatDisclosureReport } from '../../data/disclosure/report';
import { isPeriod } from '../../data/periods';
import { DataError, visibleText, type DataProblem } from '../../data/problems';
import { disclosureSchema, type DisclosureSettings, type IncidentCell } from '../../data/schema';
import { text, type Command } from '../command';
import { UsageError } from '../exit';
import { OPTION_RANGES, RULE_OPTIONS, ruleOptions, wholeOption } from '../inputs';
import { checkOutDir, writeFiles } from '../output';
import { incidentsCsv } from './build';
import { formatNumber } from '../../data/format';

export const POLICE_UK_COLUMNS = ['Month', 'Longitude', 'Latitude', 'Crime type'] as const;

/** The columns of a street-level file that are dropped unread: never published. */
const DROPPED_COLUMNS = [
  'Crime ID',
  'Reported by',
  'Falls within',
  'Location',
  'LSOA code',
  'LSOA name',
  'Last outcome category',
  'Context',
];

export interface PoliceUkOptions {
  crimeType: string;
  resolution: number;
  settings: DisclosureSettings;
}

/**
 * What was read. Only the cells are published; the tallies of rows are the analyst's own raw
 * numbers (how many crimes of the type had a position is the total of every cell, suppressed ones
 * included), so the command never prints them.
 */
export interface PoliceUkResult {
  cells: IncidentCell[];
  files: number;
  rows: number;
  kept: number;
  /** Rows of the crime type with no position (police.uk publishes some "no location" crimes). */
  withoutLocation: number;
  otherTypes: number;
}

/** A path cut for a message: the part after the folder given, at most 80 characters. */
const brief = (path: string, root: string) => visibleText(relative(root, path) || basename(path), 80);

/**
 * The files given, folders searched for `*-street.csv` (the layout of a police.uk download). A
 * folder reached twice (a link back up the tree) is refused by name, not followed until the path
 * is too long.
 */
export function policeUkFiles(paths: string[]): string[] {
  const out: string[] = [];
  const fail = (file: string, message: string): never => {
    throw new DataError([{ severity: 'error', file, message }]);
  };
  for (const given of paths) {
    const seen = new Set<string>();
    const walk = (path: string) => {
      let isFolder: boolean;
      try {
        isFolder = statSync(path).isDirectory();
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        return fail(
          visibleText(given, 80),
          code === 'ELOOP'
            ? `${brief(path, given)} is a link that leads back to itself (a symlink loop)`
            : path === given
              ? `cannot be read (${code ?? (error as Error).message})`
              : `${brief(path, given)} cannot be read (${code ?? (error as Error).message})`,
        );
      }
      if (!isFolder) {
        out.push(path);
        return;
      }
      const real = realpathSync(path);
      if (seen.has(real))
        return fail(
          visibleText(given, 80),
          `${brief(path, given)} leads back to a folder already read (a symlink loop); remove the link or give the folders one by one`,
        );
      seen.add(real);
      for (const name of readdirSync(path).sort()) {
        const child = join(path, name);
        let childIsFolder = false;
        try {
          childIsFolder = statSync(child).isDirectory();
        } catch {
          // named in the walk below, if it is a file we would read
        }
        if (childIsFolder || /-street\.csv$/i.test(name)) walk(child);
      }
    };
    walk(given);
  }
  return out;
}

/** Streams one file's rows into the counter; rejects with problems naming file, row and field. */
function streamFile(path: string, options: PoliceUkOptions, counter: IncidentCellCounter, tally: PoliceUkResult) {
  const file = basename(path);
  return new Promise<void>((resolve, reject) => {
    const problems: DataProblem[] = [];
    let row = 1;
    let checkedHeader = false;
    let notUtf8 = 0;
    const fail = (problem: Omit<DataProblem, 'severity' | 'file'>) => {
      problems.push({ severity: 'error', file, ...problem });
    };
    Papa.parse<Record<string, string>>(createReadStream(path, 'utf8'), {
      header: true,
      skipEmptyLines: true,
      transformHeader: (h) => h.replace(/^\uFEFF/, '').trim(),
      step: (result, parser) => {
        row++;
        const record = result.data;
        if (!checkedHeader) {
          checkedHeader = true;
          const missing = POLICE_UK_COLUMNS.filter((c) => !(c in record));
          if (missing.length) {
            fail({
              field: missing.join(', '),
              message: `missing column(s); a police.uk street-level file has ${POLICE_UK_COLUMNS.join(', ')} (found ${visibleText(Object.keys(record).join(', '), 200)})`,
            });
            parser.abort();
            return;
          }
        }
        tally.rows++;
        // Bytes that are not UTF-8 arrive as U+FFFD: such a row cannot be read as written, and
        // counting it as another crime type would lose it without a word.
        if (Object.values(record).some((value) => typeof value === 'string' && value.includes('\uFFFD'))) {
          if (++notUtf8 <= 20)
            fail({
              where: `row ${row}`,
              message: 'is not UTF-8 text (police.uk files are UTF-8); save the file as UTF-8 and try again',
            });
          return;
        }
        if ((record['Crime type'] ?? '').trim() !== options.crimeType) {
          tally.otherTypes++;
          return;
        }
        const month = (record.Month ?? '').trim();
        if (!isPeriod(month, 'month')) {
          if (problems.length < 20)
            fail({
              where: `row ${row}`,
              field: 'Month',
              message: `expected a month like 2024-03, found "${visibleText(month, 40)}"`,
            });
          return;
        }
        const lon = record.Longitude?.trim() ?? '';
        const lat = record.Latitude?.trim() ?? '';
        if (lon === '' || lat === '') {
          tally.withoutLocation++;
          return;
        }
        const [x, y] = [Number(lon), Number(lat)];
        if (!Number.isFinite(x) || !Number.isFinite(y) || x < -11 || x > 3 || y < 49 || y > 61.5) {
          if (problems.length < 20)
            fail({
              where: `row ${row}`,
              field: 'Longitude, Latitude',
              message: `"${visibleText(lon, 30)}, ${visibleText(lat, 30)}" is not a position in the United Kingdom`,
            });
          return;
        }
        counter.add(y, x, month);
        tally.kept++;
      },
      complete: () => {
        if (notUtf8 > 20) fail({ message: `and ${notUtf8 - 20} more row(s) that are not UTF-8 text` });
        // No data row at all: an empty file, a header alone, or one long line with no line break.
        if (!checkedHeader)
          fail({
            message:
              statSync(path).size === 0
                ? 'is empty (0 bytes)'
                : 'has no rows of crimes: a police.uk street-level file is a header line, then one line per crime',
          });
        if (problems.length) reject(new DataError(problems));
        else resolve();
      },
      error: (error: Error) =>
        reject(new DataError([{ severity: 'error', file, message: `could not be read: ${error.message}` }])),
    });
  });
}

export async function importPoliceUk(paths: string[], options: PoliceUkOptions): Promise<PoliceUkResult> {
  const files = policeUkFiles(paths);
  if (files.length === 0)
    throw new DataError([
      {
        severity: 'error',
        file: visibleText(paths.join(', '), 120) || '(none)',
        message: 'no *-street.csv files found',
      },
    ]);
  const counter = new IncidentCellCounter(options.resolution);
  const tally: PoliceUkResult = { cells: [], files: files.length, rows: 0, kept: 0, withoutLocation: 0, otherTypes: 0 };
  for (const path of files) await streamFile(path, options, counter, tally);
  tally.cells = counter.cells(options.settings);
  return tally;
}

export const policeUk: Command = {
  name: 'police-uk',
  usage:
    'police-uk <files or folders…> --out <dir> [--crime-type Drugs] [--h3-resolution N] [--threshold N] [--rounding N]',
  options: {
    ...RULE_OPTIONS,
    out: { type: 'string' },
    'crime-type': { type: 'string' },
    'h3-resolution': { type: 'string' },
  },
  async run(args, { out }) {
    const outDir = text(args, 'out');
    if (!outDir) throw new UsageError('police-uk needs --out <dir>');
    if (args.positionals.length === 0) throw new UsageError('police-uk takes police.uk *-street.csv files or folders');
    const settings = disclosureSchema.parse(ruleOptions(args));
    const resolution = wholeOption('h3-resolution', text(args, 'h3-resolution'), OPTION_RANGES['h3-resolution']) ?? 7;
    const crimeType = text(args, 'crime-type') ?? 'Drugs';
    checkOutDir(outDir);
    const result = await importPoliceUk(args.positionals, { crimeType, resolution, settings });
    if (result.cells.length === 0)
      throw new DataError([
        {
          severity: 'error',
          file: visibleText(args.positionals.join(', '), 120),
          message: `no "${visibleText(crimeType, 60)}" crime with a position was found; check --crime-type (police.uk spells them as "Drugs", "Shoplifting", …)`,
        },
      ]);
    const tables = {
      manifest: {
        disclosure: settings,
        measures: [],
        h3Resolution: resolution,
        files: { flows: 'flows.csv', incidents: 'incidents.csv' },
      },
      flows: [],
      incidents: result.cells,
    };
    preflight('incidents.csv', tables);
    const dropped = DROPPED_COLUMNS.map((name) => ({ file: `${result.files} police.uk file(s)`, name }));
    const report = disclosureReport(tables, dropped);
    writeFiles(outDir, {
      'incidents.csv': incidentsCsv(result.cells),
      'disclosure-report.md': formatDisclosureReport(report),
    });
    // Only what the published files show: never how many crimes were read, kept or skipped.
    out(
      `read ${result.files} police.uk file(s): "${visibleText(crimeType, 60)}" crimes with a position, as H3 cells at resolution ${resolution}; rows of other types and rows without a position were left out`,
    );
    const { cells, suppressed } = report.incidents!;
    out(
      `wrote incidents.csv (${formatNumber(cells)} cell${cells === 1 ? '' : 's'}, ${formatNumber(suppressed)} suppressed) and disclosure-report.md to ${outDir}`,
    );
    return 0;
  },
};
