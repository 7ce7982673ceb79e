/** Totals per area and per network node: what tooltips, panels and the circles layer show. */
import { areaTotals, flowsForPeriod, type AreaTotals } from '../data/analysis/aggregate';
import type { NetworkFlow } from '../data/analysis/network';
import type { AreaProperties, Dataset } from '../data/schema';
import { memoize } from './memo';

/** Each area's own (unmerged) totals for one period. */
export const areaTotalsForPeriod = memoize(
  (dataset: Dataset, period: string): Map<string, AreaTotals> => areaTotals(flowsForPeriod(dataset, period)),
  4,
);

export interface NodeTotal {
  node: AreaProperties;
  inbound: number;
  outbound: number;
  suppressed: number;
}

/** Published in+out totals per node for the flows given (those on screen). */
export function nodeTotals(flows: NetworkFlow[]): NodeTotal[] {
  const totals = new Map<string, NodeTotal>();
  const get = (node: AreaProperties) =>
    totals.get(node.id) ?? totals.set(node.id, { node, inbound: 0, outbound: 0, suppressed: 0 }).get(node.id)!;
  for (const f of flows) {
    get(f.originNode).outbound += f.count ?? 0;
    get(f.destNode).inbound += f.count ?? 0;
    get(f.originNode).suppressed += f.suppressedMembers;
    get(f.destNode).suppressed += f.suppressedMembers;
  }
  return [...totals.values()].sort((a, b) => b.inbound + b.outbound - (a.inbound + a.outbound));
}

/** The largest single-period node total: circles are scaled to it so sizes compare across periods. */
export const maxNodeTotalPerPeriod = memoize((flows: NetworkFlow[]): number => {
  const byPeriod = new Map<number, NetworkFlow[]>();
  for (const f of flows) {
    let list = byPeriod.get(f.periodIndex);
    if (!list) byPeriod.set(f.periodIndex, (list = []));
    list.push(f);
  }
  let max = 1;
  for (const list of byPeriod.values()) for (const t of nodeTotals(list)) max = Math.max(max, t.inbound + t.outbound);
  return max;
});
