/** Totals per area and per network node: what tooltips, panels and the circles layer show. */
import { areaTotals, type AreaTotals } from '../data/analysis/aggregate';
import { flowColumnsOf } from '../data/flow-columns';
import type { Network, NetworkFlow } from '../data/analysis/network';
import type { AreaProperties, Dataset } from '../data/schema';
import { memoize } from './memo';

/** Each area's own (unmerged) totals for one period. */
export const areaTotalsForPeriod = memoize(
  (dataset: Dataset, period: string): Map<string, AreaTotals> => areaTotals(flowColumnsOf(dataset), period),
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
export const maxNodeTotalPerPeriod = memoize(({ columns }: Network): number => {
  // nodeTotals's in + out, period by period on the columns (an end point's number is its node).
  const total = new Float64Array(columns.endpoints.length);
  let max = 1;
  for (let p = 0; p < columns.periods.length; p++) {
    total.fill(0);
    for (let row = columns.periodStart[p]; row < columns.periodStart[p + 1]; row++) {
      const count = Number.isNaN(columns.count[row]) ? 0 : columns.count[row];
      total[columns.origin[row]] += count;
      total[columns.dest[row]] += count;
    }
    for (const value of total) if (value > max) max = value;
  }
  return max;
});
