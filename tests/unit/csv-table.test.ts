/**
 * The CSV table splits a file with no quote character itself (d3-dsv) and leaves quoted files to
 * papaparse. Both ways must read exactly what papaparse's header mode reads, with the same
 * problem messages: the oracle here is papaparse alone, as `readCsv` used it before.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/data/io/csv-table';
import { importFiles } from '../../src/data/io/import';
import { DataError } from '../../src/data/problems';
import { flowmapPair } from '../fixtures/large-inputs';

/** What papaparse's header mode reads: columns and records, or the problems readCsv reports. */
function papaparseReads(text: string): { columns: string[]; records: Record<string, string>[] } | string[] {
  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim(),
  });
  const errors = parsed.errors.filter((e) => e.code !== 'UndetectableDelimiter');
  if (errors.length) return errors.map((e) => `row ${(e.row ?? 0) + 2}: ${e.message}`);
  return { columns: (parsed.meta.fields ?? []).filter((c) => c !== ''), records: parsed.data };
}

function tableReads(text: string): { columns: string[]; records: Record<string, string>[] } | string[] {
  try {
    const table = readCsv(text, 't.csv');
    return { columns: table.columns, records: table.records() };
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    return error.problems.map((p) => `${p.where}: ${p.message}`);
  }
}

const CASES: Record<string, string> = {
  plain: 'origin,dest,count\nA,B,12\nB,C,30\n',
  'no final newline': 'origin,dest,count\nA,B,12\nB,C,30',
  'Windows line ends': 'origin,dest,count\r\nA,B,12\r\nB,C,30\r\n',
  'blank and whitespace lines skipped, rows numbered without them':
    'origin,dest,count\n\nA,B,12\n  \n , , \nB,C\nC,D,5\n',
  'spaces around header names': ' origin , dest,count \nA,B,12\n',
  'a repeated header name': 'origin,dest,count,count\nA,B,12,13\n',
  'a trailing delimiter': 'origin,dest,count,\nA,B,12,\n',
  'too few and too many fields': 'origin,dest,count\nA,B\nA,B,12\nA,B,12,4,5\n',
  semicolons: 'origin;dest;count\nA;B;12\n',
  tabs: 'origin\tdest\tcount\nA\tB\t12\n',
  'header then blank lines then a row': 'origin,dest,count\n\n\n\n\n\n\n\n\n\n\n\n\nA,B,12\n',
  'quoted cells (papaparse reads them)': 'origin,dest,count\n"A, the first",B,12\n"B ""quoted""",C,30\n',
};

describe('readCsv', () => {
  for (const [name, text] of Object.entries(CASES))
    it(`reads as papaparse does: ${name}`, () => {
      expect(tableReads(text)).toEqual(papaparseReads(text));
    });

  it('visits each row once, its cells by column position, numbered as messages number rows', () => {
    const table = readCsv('origin,dest,count\n\nA,B,12\nB,C,30\n', 'f.csv');
    const seen: [string, string, number][] = [];
    table.forEachRow((cells, row) => seen.push([cells[table.at('origin')], cells[table.at('count')], row]));
    expect(seen).toEqual([
      ['A', '12', 2],
      ['B', '30', 3],
    ]);
    expect(table.at('period')).toBe(-1);
  });

  it('names the file and the row of a field-count problem, whichever way the file is read', () => {
    for (const text of ['origin,dest,count\nA,B,12\nA,B\n', 'origin,dest,count\n"A",B,12\nA,B\n']) {
      expect(() => importFiles([{ name: 'flows.csv', bytes: new TextEncoder().encode(text) }])).toThrow(
        'flows.csv: row 3: Too few fields: expected 3 fields but parsed 2',
      );
    }
  });

  it('a large flowmap.blue pair gives the same dataset with its cells quoted (papaparse) as without', () => {
    const [locations, flows] = flowmapPair(300, 20_000);
    const text = new TextDecoder().decode(flows.bytes);
    const quoted = text.replace(/^([^,\n]+),/gm, '"$1",');
    expect(quoted).not.toBe(text);
    const expected = importFiles([locations, flows]).dataset;
    expect(importFiles([locations, { name: 'flows.csv', bytes: new TextEncoder().encode(quoted) }]).dataset).toEqual(
      expected,
    );
  });
});
