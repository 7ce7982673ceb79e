/**
 * Everything the layers draw, computed once per (dataset, period) and memoized here, so that
 * layers stay thin and hovering never recomputes data.
 */
import { areaIndex, areaTotals, flowsForPeriod, maxFlowCount, type AreaTotals, type JoinedFlow } from '../data/aggregate';
import type { AreaFeature, Dataset, Period } from '../data/schema';

export interface LayerData {
  areas: AreaFeature[];
  /** Published flows, largest first. */
  flows: JoinedFlow[];
  /** Suppressed flows: drawn as thin marks, never sized. */
  suppressedFlows: JoinedFlow[];
  totals: Map<string, AreaTotals>;
  /** Pixels per counted unit: the dataset's largest flow is `maxWidthPx` wide in every period. */
  pixelsPerUnit: number;
  labels: LabelDatum[];
}

export interface LabelDatum {
  text: string;
  position: [number, number];
  /** Labels with a minZoom appear only when zoomed in (London boroughs). */
  minZoom: number;
  /** Where labels collide the higher priority wins: groups, then the busiest areas. */
  priority: number;
}

let cache: { dataset: Dataset; period: Period; maxWidthPx: number; data: LayerData } | undefined;

export function prepareLayerData(dataset: Dataset, period: Period, maxWidthPx: number): LayerData {
  if (cache && cache.dataset === dataset && cache.period === period && cache.maxWidthPx === maxWidthPx) return cache.data;
  const areas = areaIndex(dataset);
  const joined = flowsForPeriod(dataset, period, areas);
  const data: LayerData = {
    areas: dataset.areas.features,
    flows: joined.filter((f) => f.count !== null),
    suppressedFlows: joined.filter((f) => f.count === null),
    totals: areaTotals(joined),
    pixelsPerUnit: maxWidthPx / Math.max(1, maxFlowCount(dataset)),
    labels: buildLabels(dataset),
  };
  cache = { dataset, period, maxWidthPx, data };
  return data;
}

/**
 * One label per destination and per exporting group (e.g. "London" at its boroughs' mean
 * centroid); the group's own areas are labelled only once zoomed in, where they no longer collide.
 */
export function buildLabels(dataset: Dataset): LabelDatum[] {
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
      const list = groups.get(a.group) ?? [];
      list.push(a.centroid);
      groups.set(a.group, list);
    } else {
      labels.push({ text: a.name, position: a.centroid, minZoom: 0, priority: priorityOf(a.id) });
    }
  }
  for (const [group, centroids] of groups) {
    if (centroids.length === 1) {
      labels.push({ text: group, position: centroids[0], minZoom: 0, priority: 1000 });
      continue;
    }
    const mean: [number, number] = [
      centroids.reduce((s, c) => s + c[0], 0) / centroids.length,
      centroids.reduce((s, c) => s + c[1], 0) / centroids.length,
    ];
    labels.push({ text: group, position: mean, minZoom: 0, priority: 1000 });
    for (const { properties: a } of dataset.areas.features) {
      if (a.group === group && a.role !== 'destination') labels.push({ text: a.name, position: a.centroid, minZoom: 9, priority: priorityOf(a.id) });
    }
  }
  return labels;
}
