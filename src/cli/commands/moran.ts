/**
 * `moran <values.csv> [--weights <file.gal>] [--k N]`: global clustering — Moran's I
 * (row-standardised weights; z under normality and under randomisation; pseudo p from 999 seeded
 * permutations) and General G (binary weights). Refused, with the reason, where they are not
 * defined; values with no neighbour (islands) are named in a warning, as PySAL warns.
 */
import { generalG, globalUndefinedReason, islands, moransI } from '../../data/analysis/global';
import { twoSidedP } from '../../data/analysis/hotspots';
import { writeCsv } from '../../data/io/csv-cells';
import { DataError, visibleText } from '../../data/problems';
import { text, type Command } from '../command';
import { UsageError } from '../exit';
import { OPTION_RANGES, readInput, readInputs, wholeOption } from '../inputs';
import { valuesAndNeighbours } from '../values-table';

const fmt = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '' : Number(x.toPrecision(10)));

export const moran: Command = {
  name: 'moran',
  usage: 'moran <values.csv> [--weights <file.gal>] [--k N]',
  options: { weights: { type: 'string' }, k: { type: 'string' } },
  run(args, { out, err }) {
    if (args.positionals.length !== 1) throw new UsageError('moran takes one values.csv (id,value)');
    const [table] = readInputs(args.positionals);
    const weights = text(args, 'weights');
    const k = wholeOption('k', text(args, 'k'), OPTION_RANGES.k) ?? 1;
    const { ids, values, neighbours } = valuesAndNeighbours(table, weights ? readInput(weights) : undefined, k);
    const reason = globalUndefinedReason(values, neighbours, 'id');
    if (reason)
      throw new DataError([
        { severity: 'error', file: table.name, message: `Moran's I and General G are not defined here: ${reason}` },
      ]);
    const alone = islands(neighbours);
    if (alone.length)
      err(
        `warning: ${alone.length} of ${ids.length} ids have no neighbour (islands), so they count in the mean but in no neighbourhood: ${alone
          .slice(0, 10)
          .map((i) => `"${visibleText(ids[i], 40)}"`)
          .join(', ')}${alone.length > 10 ? ', …' : ''}`,
      );
    const I = moransI(values, neighbours);
    const g = generalG(values, neighbours);
    const csv = writeCsv(
      ['statistic', 'value', 'expected', 'z', 'p'],
      [
        ['moran_i', fmt(I.statistic), fmt(I.expected), fmt(I.z), fmt(I.p)],
        [
          'moran_i_randomisation',
          fmt(I.statistic),
          fmt(I.expected),
          fmt(I.zRandomisation),
          fmt(twoSidedP(I.zRandomisation!)),
        ],
        ['moran_i_permutations_999', fmt(I.statistic), fmt(I.expected), '', fmt(I.pSim)],
        ['general_g', fmt(g.statistic), fmt(g.expected), fmt(g.z), fmt(g.p)],
        ['general_g_permutations_999', fmt(g.statistic), fmt(g.expected), '', fmt(g.pSim)],
      ],
    );
    for (const line of csv.trimEnd().split('\n')) out(line);
    return 0;
  },
};
