/**
 * Flows as the map and the panels both use them: the network (merged by exporting group when
 * grouped), every period at once, each flow with the values the GPU filter tests, so a filter or
 * period change never rebuilds data.
 */
import { naturalBreaks } from '../data/analysis/classify';
import { buildNetwork, type FlowFilter, type Network, type NetworkFlow } from '../data/analysis/network';
import type { Dataset } from '../data/schema';
import { memoize } from './memo';

/**
 * Period and rank share one float channel as `period · RANK_STRIDE + rank`: exact while it stays
 * an integer float32 holds (below 2²⁴), and while a period has fewer flows than the stride.
 */
export const RANK_STRIDE = 10_000;
const FLOAT32_EXACT = 2 ** 24;

export interface FlowEntry {
  flow: NetworkFlow;
  /** [period·RANK_STRIDE + rank, count (0 if suppressed), origin index, destination index]. */
  filterValue: [number, number, number, number];
}

export interface FlowNetworkData {
  network: Network;
  published: FlowEntry[];
  suppressed: FlowEntry[];
  /** Each node's index in the GPU filter's origin and destination channels. */
  nodeIndex: Map<string, number>;
  /** The largest published (merged) count in any period: flow widths scale to it. */
  maxCount: number;
  /** Natural breaks of published counts, for colouring by count. */
  countBreaks: number[];
  /** Exporting groups in a fixed order, for colouring by group. */
  groups: string[];
}

/** Throws where the packed channel would lose exactness; datasets that large need another packing. */
export function assertPackable(periods: number, maxRank: number): void {
  if (maxRank >= RANK_STRIDE)
    throw new RangeError(`a period has ${maxRank + 1} flows; the GPU filter packs at most ${RANK_STRIDE} per period`);
  if (periods * RANK_STRIDE >= FLOAT32_EXACT)
    throw new RangeError(`${periods} periods × ${RANK_STRIDE} flows exceeds float32's exact integers`);
}

export const flowNetworkData = memoize((dataset: Dataset, grouped: boolean): FlowNetworkData => {
  const network = buildNetwork(dataset, grouped);
  assertPackable(
    dataset.periods.length,
    network.flows.reduce((m, f) => Math.max(m, f.rank), 0),
  );
  const nodeIndex = new Map([...network.nodes.keys()].map((id, i) => [id, i]));
  const entry = (flow: NetworkFlow): FlowEntry => ({
    flow,
    filterValue: [
      flow.periodIndex * RANK_STRIDE + flow.rank,
      flow.count ?? 0,
      nodeIndex.get(flow.origin)!,
      nodeIndex.get(flow.dest)!,
    ],
  });
  const published = network.flows.filter((f) => f.count !== null).map(entry);
  return {
    network,
    published,
    suppressed: network.flows.filter((f) => f.count === null).map(entry),
    nodeIndex,
    maxCount: published.reduce((m, d) => Math.max(m, d.flow.count!), 0),
    countBreaks: naturalBreaks(
      published.map((d) => d.flow.count!),
      5,
    ),
    groups: [
      ...new Set([...network.nodes.values()].filter((n) => n.role !== 'destination').map((n) => n.group ?? n.name)),
    ],
  };
});

const ALL: [number, number] = [-1, 1e9];

/**
 * GPU filter ranges for a filter. Isolating an area in both directions needs two passes (flows
 * into it, flows out of it), so this returns one or two sets of ranges.
 */
export function filterRanges(filter: FlowFilter, nodeIndex: Map<string, number>): [number, number][][] {
  const exact = (id?: string): [number, number] => {
    const i = id === undefined ? undefined : nodeIndex.get(id);
    return i === undefined ? (id === undefined ? ALL : [1, 0]) : [i, i];
  };
  const meet = (a: [number, number], b: [number, number]): [number, number] => [
    Math.max(a[0], b[0]),
    Math.min(a[1], b[1]),
  ];
  const period: [number, number] = [
    filter.periodIndex * RANK_STRIDE,
    filter.periodIndex * RANK_STRIDE + (filter.topN > 0 ? filter.topN - 1 : RANK_STRIDE - 1),
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
