/**
 * `npm run data -- change <dataset> --from P --to P [--of routes|destinations] [--measure id]
 * [--origins grouped|separate]`: the numbers the map's change mode draws, as CSV, from the same
 * code. Routes: each origin–destination pair's published values in both periods and how it
 * changed (not available when either is suppressed, or a merged total holds a suppressed flow).
 * Destinations: the published inbound value (per 10,000 residents when every destination has a
 * population) in both periods and the change (not available with no published flow in either).
 */
import { flowChanges } from '../../data/analysis/change';
import { destinationChanges, destinationValues } from '../../data/analysis/destinations';
import { buildNetwork, type NetworkFlow } from '../../data/analysis/network';
import { writeCsv } from '../../data/io/csv-cells';
import { measureOf, withMeasureAsCount } from '../../data/measures';
import { SUPPRESSED_TOKEN, type Dataset } from '../../data/schema';
import { importFiles } from '../../data/io/import';
import { type Command, text } from '../command';
import { UsageError } from '../exit';
import { IMPORT_OPTIONS, importOptions, readInputs } from '../inputs';

export interface ChangeOptions {
  from?: string;
  to?: string;
  of?: string;
  measure?: string;
  origins?: string;
}

/** A published value that may be differenced, or the suppression token. */
const exactValue = (flow: NetworkFlow | undefined) =>
  flow === undefined ? 0 : flow.count !== null && flow.suppressedMembers === 0 ? flow.count : SUPPRESSED_TOKEN;

const rounded = (value: number) => Number(value.toFixed(4));

export function changeCsv(dataset: Dataset, options: ChangeOptions): string {
  const period = (option: 'from' | 'to') => {
    const value = options[option];
    const index = value === undefined ? -1 : dataset.periods.indexOf(value);
    if (index < 0)
      throw new UsageError(
        `--${option} needs a period of this dataset (${dataset.periods[0]} to ${dataset.periods.at(-1)}), got ${value === undefined ? 'none' : `"${value}"`}`,
      );
    return index;
  };
  const base = period('from');
  const current = period('to');
  let shown = dataset;
  if (options.measure !== undefined) {
    const measure = measureOf(dataset, options.measure);
    if (!measure)
      throw new UsageError(
        `--measure "${options.measure}" is not a measure of this dataset (${dataset.manifest.measures.map((m) => m.id).join(', ') || 'it has none'})`,
      );
    shown = withMeasureAsCount(dataset, measure);
  }
  if (options.origins !== undefined && !['grouped', 'separate'].includes(options.origins))
    throw new UsageError(`--origins is grouped or separate, got "${options.origins}"`);
  const of = options.of ?? 'routes';
  if (of === 'routes') {
    const network = buildNetwork(shown, options.origins !== 'separate');
    const changes = flowChanges(network, base, current, { minCount: 0, topN: 0 });
    return writeCsv(
      ['origin', 'origin_name', 'dest', 'dest_name', 'base', 'current', 'change', 'kind'],
      changes.map((c) => [
        c.flow.origin,
        c.flow.originNode.name,
        c.flow.dest,
        c.flow.destNode.name,
        exactValue(c.base),
        exactValue(c.current),
        c.diff ?? '',
        c.kind,
      ]),
    );
  }
  if (of === 'destinations') {
    const data = destinationValues(shown);
    const changes = destinationChanges(data, base, current);
    const names = new Map(shown.areas.features.map((f) => [f.properties.id, f.properties.name]));
    const unit = data.measure === 'rate' ? 'per 10,000 residents' : 'count';
    return writeCsv(
      ['destination', 'name', 'base', 'current', 'change', 'unit'],
      [...changes].map(([id, change]) => {
        const row = data.values.get(id)!;
        return [
          id,
          names.get(id) ?? id,
          rounded(row[base]),
          rounded(row[current]),
          change === null ? 'not available' : rounded(change),
          unit,
        ];
      }),
    );
  }
  throw new UsageError(`--of is routes or destinations, got "${of}"`);
}

export const change: Command = {
  name: 'change',
  usage: `change <dataset folder> --from P --to P [--of routes|destinations] [--measure ID]
                 [--origins grouped|separate]`,
  options: {
    ...IMPORT_OPTIONS,
    from: { type: 'string' },
    to: { type: 'string' },
    of: { type: 'string' },
    measure: { type: 'string' },
    origins: { type: 'string' },
  },
  run(args, { out }) {
    if (args.positionals.length === 0)
      throw new UsageError('change takes a published dataset (its folder or its files)');
    const importing = importOptions(args);
    const { dataset } = importFiles(readInputs(args.positionals), importing);
    const options = Object.fromEntries(
      (['from', 'to', 'of', 'measure', 'origins'] as const).map((name) => [name, text(args, name)]),
    ) as ChangeOptions;
    out(changeCsv(dataset, options).trimEnd());
    return 0;
  },
};
