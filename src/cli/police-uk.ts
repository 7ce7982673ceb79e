/**
 * police.uk street-level crime files (the monthly `*-street.csv` each force publishes) into
 * published incident cells. Streamed row by row: a year of national data is about 6 million
 * rows, so only the cell counts stay in memory, never the rows.
 *
 * Kept from each row: Month (the period), Longitude, Latitude and Crime type (to filter); every
 * other column (crime ID, location description, LSOA, outcome, context) is dropped unread.
 * Positions become H3 cells at once and the counts are suppressed and rounded like any raw points.
 */
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import Papa from 'papaparse';
import { emptyReport, IncidentCellCounter, type DisclosureReport } from '../data/disclosure/protect';
import { isPeriod } from '../data/periods';
import { DataError, visibleText, type DataProblem } from '../data/problems';
import type { DisclosureSettings, IncidentCell } from '../data/schema';

export const POLICE_UK_COLUMNS = ['Month', 'Longitude', 'Latitude', 'Crime type'] as const;

export interface PoliceUkOptions {
  crimeType: string;
  resolution: number;
  settings: DisclosureSettings;
}

export interface PoliceUkResult {
  cells: IncidentCell[];
  report: DisclosureReport;
  files: number;
  rows: number;
  kept: number;
  /** Rows of the crime type with no position (police.uk publishes some "no location" crimes). */
  withoutLocation: number;
  otherTypes: number;
}

/** The files given, folders searched for `*-street.csv` (the layout of a police.uk download). */
export function policeUkFiles(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (path: string) => {
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) {
        const child = join(path, name);
        if (statSync(child).isDirectory() || /-street\.csv$/i.test(name)) walk(child);
      }
    } else out.push(path);
  };
  for (const path of paths) walk(path);
  return out;
}

/** Streams one file's rows into the counter; rejects with problems naming file, row and field. */
function streamFile(path: string, options: PoliceUkOptions, counter: IncidentCellCounter, tally: PoliceUkResult) {
  const file = basename(path);
  return new Promise<void>((resolve, reject) => {
    const problems: DataProblem[] = [];
    let row = 1;
    let checkedHeader = false;
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
      complete: () => (problems.length ? reject(new DataError(problems)) : resolve()),
      error: (error: Error) =>
        reject(new DataError([{ severity: 'error', file, message: `could not be read: ${error.message}` }])),
    });
  });
}

export async function importPoliceUk(paths: string[], options: PoliceUkOptions): Promise<PoliceUkResult> {
  const files = policeUkFiles(paths);
  if (files.length === 0)
    throw new DataError([
      { severity: 'error', file: paths.join(', ') || '(none)', message: 'no *-street.csv files found' },
    ]);
  const counter = new IncidentCellCounter(options.resolution);
  const report = emptyReport(options.settings);
  const tally: PoliceUkResult = {
    cells: [],
    report,
    files: files.length,
    rows: 0,
    kept: 0,
    withoutLocation: 0,
    otherTypes: 0,
  };
  for (const path of files) await streamFile(path, options, counter, tally);
  tally.cells = counter.cells(options.settings, report);
  report.dropped.push(
    ...[
      'Crime ID',
      'Reported by',
      'Falls within',
      'Location',
      'LSOA code',
      'LSOA name',
      'Last outcome category',
      'Context',
    ].map((name) => ({ file: `${files.length} police.uk file(s)`, name, count: tally.rows })),
  );
  return tally;
}
