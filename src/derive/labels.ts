/** What the map labels, and which label wins where two collide; placement is the map's. */
import { shortName } from '../data/format';
import type { Dataset } from '../data/schema';
import { appendAll, distinctNumbers } from '../data/arrays';
import { flowColumnsOf } from '../data/flow-columns';
import { memoize } from './memo';

export interface LabelDatum {
  /** The area's id, or "group:Name" for an exporting group's label (as a view's `places` names them). */
  id: string;
  text: string;
  position: [number, number];
  /** Labels with a minZoom appear only when zoomed in (London boroughs). */
  minZoom: number;
  /** Where labels collide the higher priority wins: groups, then the busiest areas. */
  priority: number;
  /** May move beside or below its place when the space above is taken (a place a view names). */
  movable?: boolean;
  /** Where placement put the label, in px from its place, when not the usual spot above it. */
  offsetPx?: [number, number];
}

/**
 * One label per destination and per exporting group (e.g. "London" at its boroughs' mean
 * centroid); the group's own areas are labelled only once zoomed in, where they no longer collide.
 */
export const buildLabels = memoize((dataset: Dataset): LabelDatum[] => {
  const groups = new Map<string, [number, number][]>();
  const labels: LabelDatum[] = [];
  // Busiest areas over the whole dataset rank first, so the same labels survive in every period.
  const { texts, origin, dest, count } = flowColumnsOf(dataset);
  const total = new Float64Array(texts.length);
  for (let i = 0; i < origin.length; i++) {
    const published = Number.isNaN(count[i]) ? 0 : count[i];
    total[origin[i]] += published;
    total[dest[i]] += published;
  }
  const volume = new Map(distinctNumbers(texts.length, origin, dest).map((text) => [texts[text], total[text]]));
  const rankOf = new Map(
    [...volume.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([id], rank) => [id, rank]),
  );
  const priorityOf = (id: string) => {
    const rank = rankOf.get(id) ?? -1;
    return rank < 0 ? 0 : Math.max(1, 900 - rank);
  };
  for (const { properties: a } of dataset.areas.features) {
    if (a.role !== 'destination' && a.group) {
      groups.set(a.group, appendAll(groups.get(a.group) ?? [], [a.centroid]));
    } else {
      labels.push({
        id: a.id,
        text: shortName(a.name, 40),
        position: a.centroid,
        minZoom: 0,
        priority: priorityOf(a.id),
      });
    }
  }
  for (const [group, centroids] of groups) {
    const mean: [number, number] = [
      centroids.reduce((s, c) => s + c[0], 0) / centroids.length,
      centroids.reduce((s, c) => s + c[1], 0) / centroids.length,
    ];
    // A group of one is its area: named by the area's id, as a scene names it.
    const only =
      centroids.length === 1 &&
      dataset.areas.features.find((f) => f.properties.group === group && f.properties.role !== 'destination');
    const id = only ? only.properties.id : `group:${group}`;
    // Every exporting group is named: where two cities' labels meet (Liverpool, Manchester), the
    // second moves beside or below its place rather than go unlabelled.
    labels.push({ id, text: shortName(group, 40), position: mean, minZoom: 0, priority: 1000, movable: true });
    if (only) continue;
    for (const { properties: a } of dataset.areas.features) {
      if (a.group === group && a.role !== 'destination')
        labels.push({
          id: a.id,
          text: shortName(a.name, 40),
          position: a.centroid,
          minZoom: 9,
          priority: priorityOf(a.id),
        });
    }
  }
  return labels;
});

/** Above every other label: the places a view names are placed first, at any zoom. */
export const NAMED_PLACE_PRIORITY = 10_000;

/** The labels with the places a view names (ids joined by ",") placed first and at any zoom. */
export const withNamedPlaces = memoize((labels: LabelDatum[], places: string): LabelDatum[] => {
  if (!places) return labels;
  const named = new Set(places.split(','));
  return labels.map((l) => (named.has(l.id) ? { ...l, minZoom: 0, priority: NAMED_PLACE_PRIORITY, movable: true } : l));
});
