/**
 * Everything the layers draw, computed in one memoized place so layers stay thin and filters
 * never rebuild data: flows carry every period, and the GPU filter picks what shows.
 */
import { areaIndex, areaTotals, flowsForPeriod, type AreaTotals } from '../data/analysis/aggregate';
import { naturalBreaks } from '../data/analysis/classify';
import { buildNetwork, type FlowFilter, type Network, type NetworkFlow } from '../data/analysis/network';
import type { AreaFeature, Dataset, Period } from '../data/schema';
import { flowCurve, type FlowCurve } from './flow-geometry';

/** A flow ready to draw: the network flow, its curve, and the values the GPU filter tests. */
export interface FlowDatum {
  flow: NetworkFlow;
  curve: FlowCurve;
  /** [period·10000 + rank, count (0 if suppressed), origin index, destination index]. */
  filterValue: [number, number, number, number];
}

export interface FlowLayerData {
  network: Network;
  published: FlowDatum[];
  suppressed: FlowDatum[];
  nodeIndex: Map<string, number>;
  /** Pixels per counted unit: the dataset's largest (merged) flow is `maxWidthPx` wide. */
  pixelsPerUnit: number;
  /** Natural breaks of published counts, for colouring by count. */
  countBreaks: number[];
  /** Exporting groups in a fixed order, for colouring by group. */
  groups: string[];
}

const RANK_STRIDE = 10_000;

const flowCache = new WeakMap<Dataset, Map<string, FlowLayerData>>();

export function prepareFlowData(dataset: Dataset, grouped: boolean, maxWidthPx: number): FlowLayerData {
  const key = `${grouped}:${maxWidthPx}`;
  const cached = flowCache.get(dataset)?.get(key);
  if (cached) return cached;
  const network = buildNetwork(dataset, grouped);
  const nodeIndex = new Map([...network.nodes.keys()].map((id, i) => [id, i]));
  const curves = new Map<string, FlowCurve>();
  const datum = (flow: NetworkFlow): FlowDatum => {
    const pair = `${flow.origin}\u0000${flow.dest}`;
    let curve = curves.get(pair);
    if (!curve) curves.set(pair, (curve = flowCurve(flow.originNode.centroid, flow.destNode.centroid)));
    return { flow, curve, filterValue: [flow.periodIndex * RANK_STRIDE + flow.rank, flow.count ?? 0, nodeIndex.get(flow.origin)!, nodeIndex.get(flow.dest)!] };
  };
  const published = network.flows.filter((f) => f.count !== null).map(datum);
  const max = published.reduce((m, d) => Math.max(m, d.flow.count!), 0);
  const data: FlowLayerData = {
    network,
    published,
    suppressed: network.flows.filter((f) => f.count === null).map(datum),
    nodeIndex,
    pixelsPerUnit: maxWidthPx / Math.max(1, max),
    countBreaks: naturalBreaks(published.map((d) => d.flow.count!), 5),
    groups: [...new Set([...network.nodes.values()].filter((n) => n.role !== 'destination').map((n) => n.group ?? n.name))],
  };
  if (!flowCache.has(dataset)) flowCache.set(dataset, new Map());
  flowCache.get(dataset)!.set(key, data);
  return data;
}

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
  const meet = (a: [number, number], b: [number, number]): [number, number] => [Math.max(a[0], b[0]), Math.min(a[1], b[1])];
  const period: [number, number] = [filter.periodIndex * RANK_STRIDE, filter.periodIndex * RANK_STRIDE + (filter.topN > 0 ? filter.topN - 1 : RANK_STRIDE - 1)];
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

export interface AreaLayerData {
  areas: AreaFeature[];
  totals: Map<string, AreaTotals>;
}

let areaCache: { dataset: Dataset; period: Period; data: AreaLayerData } | undefined;

/** Areas and each area's own (unmerged) totals for one period, for tooltips and circles. */
export function prepareAreaData(dataset: Dataset, period: Period): AreaLayerData {
  if (areaCache && areaCache.dataset === dataset && areaCache.period === period) return areaCache.data;
  const data = { areas: dataset.areas.features, totals: areaTotals(flowsForPeriod(dataset, period, areaIndex(dataset))) };
  areaCache = { dataset, period, data };
  return data;
}

export interface LabelDatum {
  text: string;
  position: [number, number];
  /** Labels with a minZoom appear only when zoomed in (London boroughs). */
  minZoom: number;
  /** Where labels collide the higher priority wins: groups, then the busiest areas. */
  priority: number;
}

const labelCache = new WeakMap<Dataset, LabelDatum[]>();

/**
 * One label per destination and per exporting group (e.g. "London" at its boroughs' mean
 * centroid); the group's own areas are labelled only once zoomed in, where they no longer collide.
 */
export function buildLabels(dataset: Dataset): LabelDatum[] {
  const cached = labelCache.get(dataset);
  if (cached) return cached;
  const groups = new Map<string, [number, number][]>();
  const labels: LabelDatum[] = [];
  // Busiest areas over the whole dataset rank first, so the same labels survive in every period.
  const volume = new Map<string, number>();
  for (const f of dataset.flows) {
    for (const id of [f.origin, f.dest]) volume.set(id, (volume.get(id) ?? 0) + (f.count ?? 0));
  }
  const ranked = [...volume.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([id]) => id);
  const priorityOf = (id: string) => {
    const rank = ranked.indexOf(id);
    return rank < 0 ? 0 : Math.max(1, 900 - rank);
  };
  for (const { properties: a } of dataset.areas.features) {
    if (a.role !== 'destination' && a.group) {
      groups.set(a.group, [...(groups.get(a.group) ?? []), a.centroid]);
    } else {
      labels.push({ text: a.name, position: a.centroid, minZoom: 0, priority: priorityOf(a.id) });
    }
  }
  for (const [group, centroids] of groups) {
    const mean: [number, number] = [centroids.reduce((s, c) => s + c[0], 0) / centroids.length, centroids.reduce((s, c) => s + c[1], 0) / centroids.length];
    labels.push({ text: group, position: mean, minZoom: 0, priority: 1000 });
    if (centroids.length === 1) continue;
    for (const { properties: a } of dataset.areas.features) {
      if (a.group === group && a.role !== 'destination') labels.push({ text: a.name, position: a.centroid, minZoom: 9, priority: priorityOf(a.id) });
    }
  }
  labelCache.set(dataset, labels);
  return labels;
}
