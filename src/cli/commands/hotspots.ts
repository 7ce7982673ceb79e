/**
 * `hotspots <values.csv> [--weights <file.gal>] [--k N] [--fdr]`: Getis-Ord Gi* for `id,value`
 * rows, the same code the map uses (checked against PySAL). Prints `id,value,z,p,bin`.
 */
import { confidenceBins, getisOrdGiStar } from '../../data/analysis/hotspots';
import { writeCsv } from '../../data/io/csv-cells';
import { text, type Command } from '../command';
import { UsageError } from '../exit';
import { OPTION_RANGES, readInput, readInputs, wholeOption } from '../inputs';
import { valuesAndNeighbours } from '../values-table';

const fmt = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(10)) : 'NaN');

export const hotspots: Command = {
  name: 'hotspots',
  usage: 'hotspots <values.csv> [--weights <file.gal>] [--k N] [--fdr]',
  options: { weights: { type: 'string' }, k: { type: 'string' }, fdr: { type: 'boolean' } },
  run(args, { out }) {
    if (args.positionals.length !== 1) throw new UsageError('hotspots takes one values.csv (id,value)');
    const [table] = readInputs(args.positionals);
    const weights = text(args, 'weights');
    const k = wholeOption('k', text(args, 'k'), OPTION_RANGES.k) ?? 1;
    const { ids, values, neighbours } = valuesAndNeighbours(table, weights ? readInput(weights) : undefined, k);
    const result = getisOrdGiStar(values, neighbours);
    const bins = confidenceBins(result, Boolean(args.values.fdr));
    const csv = writeCsv(
      ['id', 'value', 'z', 'p', 'bin'],
      ids.map((id, i) => [id, values[i], fmt(result.z[i]), fmt(result.p[i]), bins[i]]),
    );
    for (const line of csv.trimEnd().split('\n')) out(line);
    return 0;
  },
};
