/**
 * What the map shows, in words and as a table: the alt text of an embed or export ("[kind of map]
 * of [data] where [what it shows]"), and the rows behind it for the accessible table and the CSV
 * download. Built from exactly the flows the map draws; a suppressed count is never a number.
 */
import { protectedFlowCount, type FlowFilter, type Network, type NetworkFlow } from '../data/analysis/network';
import { formatNumber, PROTECTED, shortName } from '../data/format';
import { periodLabel } from '../data/periods';
import { memoize } from './memo';
import { passingFlows } from './period-flows';
import { firstOf } from '../data/arrays';
import type { Dataset } from '../data/schema';

/** Names in the alt text are cut to this: a sentence, not a data dump. */
const NAME_LENGTH = 60;

const visibleFlowsOf = memoize((network: Network, filterKey: string) =>
  passingFlows(network, JSON.parse(filterKey) as FlowFilter),
);

/**
 * The flows on the map for a filter, largest first (suppressed last), then by origin and
 * destination id: the network's own order within a period (buildNetwork sorts each period so), so
 * nothing is sorted again on a period change. tests/unit/describe.test.ts holds the order to the
 * comparator it stands for. Memoised: the key and the panels read the same list (do not change it).
 */
export const visibleFlows = (network: Network, filter: FlowFilter): NetworkFlow[] =>
  visibleFlowsOf(network, JSON.stringify(filter));

const listOf = (items: string[]) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/**
 * e.g. "Flow map of active county lines, Oct–Dec 2024: London sends the most lines (255), chiefly
 * to Thanet (50), Cornwall (45) and Medway (30); then Liverpool (65). 12 flows are not shown
 * (protected): drawn without their numbers."
 */
export function altText(dataset: Dataset, flows: NetworkFlow[], period: string, focus?: string): string {
  const { flowMeasure, disclosure, synthetic } = dataset.manifest;
  const head = `Flow map of ${flowMeasure}, ${periodLabel(period)}${focus ? `, isolating ${shortName(focus, NAME_LENGTH)}` : ''}`;
  const published = flows.filter((f) => f.count !== null);
  const hidden = protectedFlowCount(flows);
  const suppressedText =
    hidden === 0
      ? ''
      : ` ${formatNumber(hidden)} flow${hidden === 1 ? ' is' : 's are'} ${PROTECTED}: drawn without ${hidden === 1 ? 'its number' : 'their numbers'}.`;
  const illustrative = synthetic ? ' Illustrative data.' : '';
  if (published.length === 0)
    return `${head}: no flows of ${disclosure.threshold} or more.${suppressedText}${illustrative}`;
  const byOrigin = new Map<string, { name: string; total: number; flows: NetworkFlow[] }>();
  for (const f of published) {
    const entry = byOrigin.get(f.origin) ?? { name: shortName(f.originNode.name, NAME_LENGTH), total: 0, flows: [] };
    entry.total += f.count!;
    entry.flows.push(f);
    byOrigin.set(f.origin, entry);
  }
  // The first three by total (then name), as a sort of every origin would give them: hundreds of
  // origins are sorted on each period change otherwise, for three names.
  const [first, ...rest] = firstOf(3, byOrigin.values(), (a, b) => b.total - a.total || a.name.localeCompare(b.name));
  const destinations = first.flows
    .slice(0, 3)
    .map((f) => `${shortName(f.destNode.name, NAME_LENGTH)} (${formatNumber(f.count!)})`);
  const others = rest.slice(0, 2).map((o) => `${o.name} (${formatNumber(o.total)})`);
  const then = others.length ? `; then ${listOf(others)}` : '';
  return `${head}: ${first.name} sends the most lines (${formatNumber(first.total)}), chiefly to ${listOf(destinations)}${then}.${suppressedText}${illustrative}`;
}

export interface FlowRow {
  origin: string;
  destination: string;
  period: string;
  /** A published count, or null: protected (not shown). */
  count: number | null;
  /** Protected member flows merged into this one (their values unknown): protectedFlowCount. */
  suppressedMembers: number;
}

export const flowRows = (flows: NetworkFlow[]): FlowRow[] =>
  flows.map((f) => ({
    origin: f.originNode.name,
    destination: f.destNode.name,
    period: f.period,
    count: f.count,
    suppressedMembers: f.suppressedMembers,
  }));
