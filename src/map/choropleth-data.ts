/**
 * Values for the destination choropleth and the incident-cell classes: pure and cheap, so legends
 * can show the classes before the layers' own module has loaded.
 */
import { naturalBreaks } from '../data/analysis/classify';
import type { Dataset } from '../data/schema';

export interface ChoroplethData {
  /** 'rate': per 10,000 residents (every destination has a population); else 'count'. */
  measure: 'rate' | 'count';
  /** value[destination id][period index] from published inbound flows only. */
  values: Map<string, number[]>;
  breaks: number[];
}

const choroplethCache = new WeakMap<Dataset, ChoroplethData>();

export function choroplethData(dataset: Dataset): ChoroplethData {
  const cached = choroplethCache.get(dataset);
  if (cached) return cached;
  const destinations = dataset.areas.features.map((f) => f.properties).filter((a) => a.role !== 'origin');
  const measure = destinations.length > 0 && destinations.every((a) => a.population && a.population > 0) ? 'rate' : 'count';
  const periodIndex = new Map(dataset.periods.map((p, i) => [p, i]));
  const values = new Map(destinations.map((a) => [a.id, new Array<number>(dataset.periods.length).fill(0)]));
  for (const f of dataset.flows) {
    const row = values.get(f.dest);
    if (row && f.count !== null) row[periodIndex.get(f.period)!] += f.count;
  }
  if (measure === 'rate') {
    for (const a of destinations) values.set(a.id, values.get(a.id)!.map((count) => (count / a.population!) * 10_000));
  }
  const data: ChoroplethData = { measure, values, breaks: naturalBreaks([...values.values()].flat(), 5) };
  choroplethCache.set(dataset, data);
  return data;
}

const cellBreaksCache = new WeakMap<Dataset, number[]>();

/** Natural breaks of published incident cell counts over all periods. */
export function cellBreaks(dataset: Dataset): number[] {
  const cached = cellBreaksCache.get(dataset);
  if (cached) return cached;
  const breaks = naturalBreaks(dataset.incidents.flatMap((c) => (c.count === null ? [] : [c.count])), 5);
  cellBreaksCache.set(dataset, breaks);
  return breaks;
}

/** Sequential palettes (ColorBrewer Blues and Oranges, 5 classes). */
export const CHOROPLETH_COLOURS = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'];
export const CELL_COLOURS = ['#feedde', '#fdbe85', '#fd8d3c', '#e6550d', '#a63603'];
/** Gi* bins −3…3: cold blues, neutral, hot reds (the ArcGIS Hot Spot Analysis ramp). */
export const GI_COLOURS: Record<number, string> = { [-3]: '#4575b5', [-2]: '#849eba', [-1]: '#c0ccbe', 0: '#f2f2e6', 1: '#fab984', 2: '#ed7551', 3: '#d62f27' };
