/**
 * Published incident cells: reading `cell,period,count` and checking each cell. Its own module
 * because it needs h3-js (63 KB gzipped), which the first map does not: cells load when an
 * incident layer is first turned on.
 */
import { getResolution, isValidCell } from 'h3-js';
import { appendAll } from '../arrays';
import { countsOf, disclosureProblems } from '../disclosure/rules';
import type { DataProblem } from '../problems';
import { DataError } from '../problems';
import { H3_RESOLUTION_RANGE, type DisclosureSettings, type IncidentCell } from '../schema';
import { unescapeFormulaCell } from './csv-cells';
import { parsePeriodCounts } from './parse';

export function parseIncidentsCsv(text: string, file = 'incidents.csv'): IncidentCell[] {
  return parsePeriodCounts(text, file, ['cell'], (row, period, count) => ({
    cell: unescapeFormulaCell(row.cell),
    period,
    count,
  }));
}

/**
 * Incident cells must be H3 cells at the manifest's resolution, never finer than the format
 * allows: a malformed id would draw nowhere, a finer cell could single out an address.
 */
export function checkCells(file: string, incidents: IncidentCell[], resolution: number): DataProblem[] {
  const [coarsest, finest] = H3_RESOLUTION_RANGE;
  if (resolution < coarsest || resolution > finest)
    return [
      {
        severity: 'error',
        file,
        message: `cells at H3 resolution ${resolution} are finer than this format allows (${coarsest} to ${finest})`,
      },
    ];
  const problems: DataProblem[] = [];
  incidents.forEach((c, i) => {
    const at = { severity: 'error' as const, file, where: `row ${i + 2}`, field: 'cell' };
    if (!isValidCell(c.cell)) problems.push({ ...at, message: `"${c.cell}" is not an H3 cell` });
    else if (getResolution(c.cell) !== resolution)
      problems.push({
        ...at,
        message: `"${c.cell}" is an H3 cell at resolution ${getResolution(c.cell)}; the manifest's h3Resolution is ${resolution}`,
      });
  });
  return problems;
}

/**
 * A published dataset's cells loaded after the dataset (the app loads them on first use): the
 * same checks as when they come with it — H3 cells at the manifest's resolution, counts the
 * manifest's disclosure rule allows.
 */
export function readPublishedCells(
  text: string,
  file: string,
  rules: { h3Resolution: number; disclosure: DisclosureSettings },
): IncidentCell[] {
  const cells = parseIncidentsCsv(text, file);
  const problems = checkCells(file, cells, rules.h3Resolution);
  appendAll(problems, disclosureProblems(file, countsOf(cells), rules.disclosure));
  if (problems.length) throw new DataError(problems.slice(0, 100));
  return cells;
}
