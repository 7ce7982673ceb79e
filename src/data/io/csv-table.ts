/**
 * A CSV file as a table of rows read from its text when walked, not kept: a 49 MB flows file's 2.45
 * million rows never exist as objects at once. The header, the delimiter and every problem message
 * are papaparse's; the rows of a file with no quote character are split by d3-dsv, about six times
 * faster than papaparse's row objects (0.5 s against 3–5 s for that file), since such a file can
 * hold no quoting error and its one other problem, a row with too few or too many fields, is
 * checked here with papaparse's own words.
 */
import { dsvFormat } from 'd3-dsv';
import Papa from 'papaparse';
import { DataError, type DataProblem } from '../problems';
import { lineColumn, refuseWebPage } from './text';

export interface CsvTable {
  file: string;
  /** The header's names: trimmed, a repeated one renamed as papaparse does ("count_1"), empty ones left out. */
  columns: string[];
  /** Where a column's value sits in each row's cells; -1 when the table has no such column. */
  at(column: string): number;
  /**
   * Calls `visit` with each row's cells (by position; see `at`) and the row's number as messages
   * give it ("row N": the header is row 1, empty lines are not counted). A row with too few or too
   * many fields is not visited: the walk throws the file's parse problems after its last row.
   */
  forEachRow(visit: (cells: readonly string[], row: number) => void): void;
  /** The rows as records by column name: for tables of thousands of rows (locations, cells, values). */
  records(): Record<string, string>[];
}

/** At most this many parse problems are reported: the first ones show what is wrong. */
const MAX_PARSE_PROBLEMS = 50;

const PAPA_OPTIONS = { header: true, skipEmptyLines: 'greedy', transformHeader: (h: string) => h.trim() } as const;

export function readCsv(text: string, file: string): CsvTable {
  const clean = text.replace(/^\uFEFF/, '');
  refuseWebPage(clean, file);
  // The header, the delimiter and the first rows, read by papaparse from the text's first megabyte.
  // It guesses the delimiter from the first ten rows anyway, but to find them it split the whole
  // text into lines once per candidate delimiter: six passes over a 49 MB file (0.9 s).
  const head = Papa.parse<Record<string, string>>(textStart(clean), { ...PAPA_OPTIONS, preview: 10 });
  // No row among the first lines (a header, then blank lines): papaparse reads the whole file.
  if (!clean.includes('"') && head.data.length)
    return splitTable(clean, file, head.meta.fields ?? [], head.meta.delimiter);
  return papaTable(clean, file, head.meta.delimiter);
}

/** The text's first megabyte, ended at a line. */
function textStart(text: string): string {
  const size = 1 << 20;
  return text.length <= size ? text : text.slice(0, text.lastIndexOf('\n', size) + 1 || size);
}

function tableOf(
  file: string,
  fields: string[],
  forEachRow: CsvTable['forEachRow'],
  records?: () => Record<string, string>[],
): CsvTable {
  const position = new Map<string, number>();
  fields.forEach((field, i) => {
    if (!position.has(field)) position.set(field, i);
  });
  return {
    file,
    columns: fields.filter((c) => c !== ''),
    at: (column) => position.get(column) ?? -1,
    forEachRow,
    records:
      records ??
      (() => {
        const rows: Record<string, string>[] = [];
        forEachRow((cells) => {
          const record: Record<string, string> = {};
          fields.forEach((field, i) => {
            record[field] = cells[i];
          });
          rows.push(record);
        });
        return rows;
      }),
  };
}

/** A file with no quote character: split by d3-dsv at each walk, field counts checked here. */
function splitTable(text: string, file: string, fields: string[], delimiter: string): CsvTable {
  const parser = dsvFormat(delimiter);
  return tableOf(file, fields, (visit) => {
    const problems: DataProblem[] = [];
    let index = 0;
    parser.parseRows(text, (cells, line) => {
      // The header (line 0), and lines papaparse's 'greedy' skips: nothing but whitespace.
      if (line === 0 || cells.every((cell) => cell.trim() === '')) return null;
      const row = index++ + 2;
      if (cells.length === fields.length) visit(cells, row);
      else if (problems.length < MAX_PARSE_PROBLEMS) {
        const which = cells.length > fields.length ? 'Too many' : 'Too few';
        problems.push({
          severity: 'error',
          file,
          where: `row ${row}`,
          message: `${which} fields: expected ${fields.length} fields but parsed ${cells.length}`,
        });
      }
      return null;
    });
    if (problems.length) throw new DataError(problems);
  });
}

/** A file with quotes: parsed by papaparse at once, its problems (quoting, field counts) thrown here. */
function papaTable(text: string, file: string, delimiter: string): CsvTable {
  const parsed = Papa.parse<Record<string, string>>(text, { ...PAPA_OPTIONS, delimiter });
  // "row N" is the file's line N (the header is row 1); papaparse's own row index skips the header
  // and, for quoting errors, points past the row, so a character offset is used where it has one.
  const rowOf = (e: Papa.ParseError) =>
    e.index !== undefined ? lineColumn(text, e.index).line : e.row !== undefined ? e.row + 2 : undefined;
  const problems: DataProblem[] = parsed.errors
    .filter((e) => e.code !== 'UndetectableDelimiter')
    .map((e) => ({
      severity: 'error',
      file,
      where: rowOf(e) === undefined ? undefined : `row ${rowOf(e)}`,
      message: e.message,
    }));
  if (problems.length) throw new DataError(problems.slice(0, MAX_PARSE_PROBLEMS));
  const fields = parsed.meta.fields ?? [];
  if (parsed.data.length === 0)
    throw new DataError([
      {
        severity: 'error',
        file,
        message: `has a header (${fields.filter((c) => c !== '').join(', ')}) but no rows`,
      },
    ]);
  return tableOf(
    file,
    fields,
    (visit) =>
      parsed.data.forEach((record, i) =>
        visit(
          fields.map((field) => record[field]),
          i + 2,
        ),
      ),
    () => parsed.data,
  );
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
