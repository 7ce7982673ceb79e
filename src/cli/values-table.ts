/**
 * The input of the statistics commands (hotspots, moran): a values file (`id,value`) and its
 * weights, a GeoDa `.gal` file, or H3 k-rings when the ids are cells.
 */
import { isValidCell } from 'h3-js';
import { h3Neighbours, parseGal } from '../data/analysis/hotspots';
import type { InputFile } from '../data/io/import';
import { readCsv, requireColumns } from '../data/io/csv-table';
import { decodeText } from '../data/io/text';
import { DataError, type DataProblem } from '../data/problems';

export interface ValuesTable {
  ids: string[];
  values: number[];
  /** Per value, the indexes of its neighbours (itself left out). */
  neighbours: number[][];
}

export function valuesAndNeighbours(table: InputFile, gal: InputFile | undefined, k: number): ValuesTable {
  const csv = readCsv(decodeText(table.bytes, table.name), table.name);
  requireColumns(csv, ['id', 'value']);
  const problems: DataProblem[] = [];
  const ids: string[] = [];
  const values: number[] = [];
  const seen = new Set<string>();
  csv.records().forEach((row, i) => {
    const id = (row.id ?? '').trim();
    const value = Number((row.value ?? '').trim());
    const at = { severity: 'error' as const, file: table.name, where: `row ${i + 2}` };
    if (!id) problems.push({ ...at, field: 'id', message: 'is empty' });
    else if ((row.value ?? '').trim() === '' || !Number.isFinite(value))
      problems.push({ ...at, field: 'value', message: `expected a number, found "${row.value ?? ''}"` });
    else if (seen.has(id)) problems.push({ ...at, field: 'id', message: `duplicate id "${id}"` });
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
  return { ids, values, neighbours: gal ? galNeighbours(gal, ids, table.name) : cellNeighbours(ids, k, table.name) };
}

function galNeighbours(gal: InputFile, ids: string[], tableName: string): number[][] {
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
        message: `has no entry for id "${id}" from ${tableName}`,
      })),
      ...[...new Set(unknown)].slice(0, 10).map((id) => ({
        severity: 'error' as const,
        file: gal.name,
        message: `names neighbour "${id}", which is not in ${tableName}`,
      })),
    ]);
  }
  return ids.map((id) =>
    weights
      .get(id)!
      .map((other) => index.get(other)!)
      .filter((j) => j !== index.get(id)),
  );
}

function cellNeighbours(ids: string[], k: number, tableName: string): number[][] {
  const bad = ids.filter((id) => !isValidCell(id));
  if (bad.length)
    throw new DataError(
      bad.slice(0, 10).map((id) => ({
        severity: 'error',
        file: tableName,
        field: 'id',
        message: `"${id}" is not an H3 cell; give --weights <file.gal> for other ids`,
      })),
    );
  return h3Neighbours(ids, k);
}
