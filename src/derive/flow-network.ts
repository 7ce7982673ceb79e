/**
 * Flows as the map and the panels both use them: the network (merged by exporting group when
 * grouped), every period at once, each flow with the values the GPU filter tests, so a filter or
 * period change never rebuilds data.
 */
import {
  buildNetwork,
  groupingMerges,
  periodSize,
  type FlowFilter,
  type Network,
  type NetworkFlow,
} from '../data/analysis/network';
import type { AreaProperties, Dataset } from '../data/schema';
import { MAX_PERIOD_RANK_SLOTS, maxFlowsPerPeriod } from '../data/limits';
import { distinctTexts } from '../data/arrays';
import { memoize } from './memo';

/**
 * Period and rank share one float channel as `period · stride + rank`: exact while it stays an
 * integer float32 holds (below 2²⁴). The stride is one more than the most flows in a period, but
 * at least RANK_STRIDE so that ordinary datasets keep round numbers in the shader.
 */
export const RANK_STRIDE = 10_000;

/**
 * Up to this many flows, every period's flows live on the GPU at once and a period change is a
 * uniform; beyond it (500,000 flows took a 7 s task and a gigabyte to upload in software WebGL)
 * the map uploads the periods on screen at each change.
 */
export const ALL_PERIODS_ON_GPU_LIMIT = 150_000;

export interface FlowEntry {
  flow: NetworkFlow;
  /** [period·rankStride + rank, count (0 if suppressed), origin index, destination index]. */
  filterValue: [number, number, number, number];
}

/**
 * The network and what every period's flows share (widths, colour classes, the GPU filter's
 * packing). No object per flow beyond the network's own: the flows a layer uploads are made for
 * the periods it draws (flowDrawData in map/layer-data.ts), so a file of millions of flows builds
 * a period's worth.
 */
export interface FlowNetworkData {
  network: Network;
  /** Each node's index in the GPU filter's origin and destination channels. */
  nodeIndex: Map<string, number>;
  /** What the period is multiplied by in the packed channel (see packingStride). */
  rankStride: number;
  /** The largest published (merged) count in any period: flow widths scale to it. */
  maxCount: number;
  /** Natural breaks of published counts, for colouring by count. */
  countBreaks: readonly number[];
  /** Exporting groups in a fixed order, for colouring by group. */
  groups: string[];
}

/**
 * The stride for `periods` periods whose largest rank is `maxRank`. The importer refuses datasets
 * past the limit with a message (checkFlowsPerPeriod), so a throw here is a bug, not bad input.
 */
export function packingStride(periods: number, maxRank: number): number {
  if (maxRank > maxFlowsPerPeriod(periods) - 1)
    throw new RangeError(`${periods} periods with up to ${maxRank + 1} flows each exceeds float32's exact integers`);
  const stride = Math.max(RANK_STRIDE, maxRank + 1);
  return periods * stride < MAX_PERIOD_RANK_SLOTS ? stride : maxRank + 1;
}

export const flowNetworkData = memoize((dataset: Dataset, grouped: boolean): FlowNetworkData => {
  // With no exporting area of several origins, grouping merges nothing: one network serves both.
  if (grouped && !groupingMerges(dataset)) return flowNetworkData(dataset, false);
  const network = buildNetwork(dataset, grouped);
  const { columns } = network;
  let maxRank = 0;
  for (let p = 0; p < columns.periods.length; p++) maxRank = Math.max(maxRank, periodSize(columns, p) - 1);
  const rankStride = packingStride(dataset.periods.length, maxRank);
  return {
    network,
    nodeIndex: new Map([...network.nodes.keys()].map((id, i) => [id, i])),
    rankStride,
    maxCount: columns.maxCount,
    countBreaks: columns.countBreaks,
    groups: [
      ...new Set([...network.nodes.values()].filter((n) => n.role !== 'destination').map((n) => n.group ?? n.name)),
    ],
  };
});

/** A flow's values in the GPU filter's four channels (see filterRanges). */
export function filterValueOf(
  { nodeIndex, rankStride }: Pick<FlowNetworkData, 'nodeIndex' | 'rankStride'>,
  flow: NetworkFlow,
): FlowEntry['filterValue'] {
  return [
    flow.periodIndex * rankStride + flow.rank,
    flow.count ?? 0,
    nodeIndex.get(flow.origin)!,
    nodeIndex.get(flow.dest)!,
  ];
}

/**
 * The nodes flows leave from, arrive at, and either, each sorted by name: what the filter
 * controls list. One pass over the flows (a per-node search was quadratic: 46 s at 50,000 areas).
 */
export const flowEndpoints = memoize((network: Network) => {
  const { endpoints, origin, dest } = network.columns;
  const originIds = distinctTexts(endpoints, origin);
  const destIds = distinctTexts(endpoints, dest);
  const byName = (a: AreaProperties, b: AreaProperties) => a.name.localeCompare(b.name);
  const nodes = [...network.nodes.values()];
  return {
    origins: nodes.filter((n) => originIds.has(n.id)).sort(byName),
    dests: nodes.filter((n) => destIds.has(n.id)).sort(byName),
    endpoints: nodes.filter((n) => originIds.has(n.id) || destIds.has(n.id)).sort(byName),
  };
});

const ALL: [number, number] = [-1, 1e9];

/**
 * GPU filter ranges for a filter. Isolating an area in both directions needs two passes (flows
 * into it, flows out of it), so this returns one or two sets of ranges.
 */
export function filterRanges(
  filter: FlowFilter,
  { nodeIndex, rankStride }: Pick<FlowNetworkData, 'nodeIndex' | 'rankStride'>,
): [number, number][][] {
  const exact = (id?: string): [number, number] => {
    const i = id === undefined ? undefined : nodeIndex.get(id);
    return i === undefined ? (id === undefined ? ALL : [1, 0]) : [i, i];
  };
  const meet = (a: [number, number], b: [number, number]): [number, number] => [
    Math.max(a[0], b[0]),
    Math.min(a[1], b[1]),
  ];
  const period: [number, number] = [
    filter.periodIndex * rankStride,
    filter.periodIndex * rankStride + (filter.topN > 0 ? filter.topN - 1 : rankStride - 1),
  ];
  const count: [number, number] = [filter.minCount, 1e9];
  const origin = exact(filter.origin);
  const dest = exact(filter.dest);
  const focus = filter.focus;
  if (!focus) return [[period, count, origin, dest]];
  const node = exact(focus.id);
  const into = [period, count, origin, meet(dest, node)];
  const out = [period, count, meet(origin, node), dest];
  return focus.direction === 'in' ? [into] : focus.direction === 'out' ? [out] : [into, out];
}
