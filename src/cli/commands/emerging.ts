/**
 * `npm run data -- emerging <incidents.csv>`: emerging hot spots over a published incidents file
 * (`cell,period,count`), one CSV row per cell: `cell,category,trend_z,trend_p`. The same code as
 * the map's layer (src/data/analysis/emerging.ts), so an analyst can reproduce what it shows.
 */
import { getResolution, isValidCell } from 'h3-js';
import { emergingHotSpots } from '../../data/analysis/emerging';
import { h3Neighbours } from '../../data/analysis/hotspots';
import { writeCsv } from '../../data/io/csv-cells';
import { checkCells, parseIncidentsCsv } from '../../data/io/incident-cells';
import type { InputFile } from '../../data/io/import';
import { decodeText } from '../../data/io/text';
import { sortPeriods } from '../../data/periods';
import { DataError } from '../../data/problems';
import { appendAll } from '../../data/arrays';
import { countsOf, disclosureProblems } from '../../data/disclosure/rules';
import { disclosureSchema, type DisclosureSettings } from '../../data/schema';
import { text, type Command } from '../command';
import { UsageError } from '../exit';
import { OPTION_RANGES, readInputs, RULE_OPTIONS, ruleOptions, wholeOption } from '../inputs';

export interface EmergingOptions {
  k: number;
  timeStep: number;
  fdr: boolean;
  /**
   * The dataset's disclosure rule: counts that break it are refused, as the map refuses them, and
   * a suppressed count is taken as half the threshold.
   */
  disclosure: DisclosureSettings;
}

export function emergingCsv(file: InputFile, options: EmergingOptions): { csv: string; note: string } {
  const incidents = parseIncidentsCsv(decodeText(file.bytes, file.name), file.name);
  if (incidents.length === 0) throw new DataError([{ severity: 'error', file: file.name, message: 'has no rows' }]);
  const cells = [...new Set(incidents.map((c) => c.cell))].sort();
  // One resolution throughout: the first cell's (checkCells names any cell that differs).
  const first = incidents.find((c) => isValidCell(c.cell));
  const problems = checkCells(file.name, incidents, first ? getResolution(first.cell) : 0);
  appendAll(problems, disclosureProblems(file.name, countsOf(incidents), options.disclosure));
  if (problems.length) throw new DataError(problems.slice(0, 21));
  const periods = sortPeriods(incidents.map((c) => c.period));
  if (periods.length < 3)
    throw new DataError([
      { severity: 'error', file: file.name, message: `has ${periods.length} period(s); a trend needs at least 3` },
    ]);
  const cellIndex = new Map(cells.map((c, i) => [c, i]));
  const periodIndex = new Map(periods.map((p, i) => [p, i]));
  // Every cell seen in any period is in every period's slice: absent means 0 there.
  const values = periods.map(() => new Array<number>(cells.length).fill(0));
  let suppressed = 0;
  for (const c of incidents) {
    if (c.count === null) suppressed++;
    values[periodIndex.get(c.period)!][cellIndex.get(c.cell)!] = c.count ?? options.disclosure.threshold / 2;
  }
  const results = emergingHotSpots(values, h3Neighbours(cells, options.k), {
    timeStep: options.timeStep,
    fdr: options.fdr,
  });
  const csv = writeCsv(
    ['cell', 'category', 'trend_z', 'trend_p'],
    results.map((r, i) => [cells[i], r.category, round(r.trendZ), round(r.trendP)]),
  );
  const note = `${cells.length} cells over ${periods.length} periods (${periods[0]} to ${periods.at(-1)}); k = ${options.k}, time step ${options.timeStep}${options.fdr ? ', FDR on' : ''}; ${suppressed} suppressed count(s) taken as ${options.disclosure.threshold / 2} (half the threshold)`;
  return { csv, note };
}

/** Ten decimals, as a number (a numeric cell is never taken for a formula). */
const round = (x: number) => Number(x.toFixed(10));

export const emerging: Command = {
  name: 'emerging',
  usage: 'emerging <incidents.csv> [--k N] [--time-step T] [--fdr] [--threshold N] [--rounding N]',
  options: { ...RULE_OPTIONS, k: { type: 'string' }, 'time-step': { type: 'string' }, fdr: { type: 'boolean' } },
  run(args, { out, err }) {
    if (args.positionals.length !== 1) throw new UsageError('emerging takes one incidents.csv (cell,period,count)');
    const [table] = readInputs(args.positionals);
    const { csv, note } = emergingCsv(table, {
      k: wholeOption('k', text(args, 'k'), OPTION_RANGES.k) ?? 1,
      timeStep: wholeOption('time-step', text(args, 'time-step'), OPTION_RANGES['time-step']) ?? 1,
      fdr: Boolean(args.values.fdr),
      disclosure: disclosureSchema.parse(ruleOptions(args)),
    });
    out(csv.trimEnd());
    err(`note: ${note}`);
    return 0;
  },
};
