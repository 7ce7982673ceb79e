/**
 * Emerging hot spots: what ArcGIS's "Emerging Hot Spot Analysis" reports, from a space-time cube
 * of incident cells (one value per cell per period). Three steps, each a function here:
 *
 * 1. spaceTimeGiStar: Gi* for every bin (cell, period) over its space-time neighbourhood — the
 *    cell's k-ring in the same period and in the previous `timeStep` periods, the bin itself
 *    included, binary weights — with the mean and deviation of the whole cube.
 * 2. mannKendall (trend.ts) on each cell's series of z-scores.
 * 3. classifyEmerging: the seventeen categories, from the significant bins and the trend.
 *
 * The rules, thresholds and their sources are written out in docs/statistics.md.
 */
import { confidenceBins, getisOrdGiStar } from './hotspots';
import { mannKendall } from './trend';
import type { EmergingCategory } from './emerging-categories';

export { EMERGING_CATEGORIES, EMERGING_MEANINGS, categoryLabel, type EmergingCategory } from './emerging-categories';

/** Share of periods a location must be a hot (cold) spot in to be persistent, intensifying… */
export const MOST_PERIODS = 0.9;
/** Significance of the Mann–Kendall trend (two-sided), as of the hot-spot bins: 90 %. */
export const TREND_ALPHA = 0.1;

/**
 * Gi* z-scores of every bin, as `z[period][cell]`. `values[period][cell]`; `neighbours[cell]` lists
 * the cell's spatial neighbours (self excluded, as h3Neighbours gives them).
 */
export function spaceTimeGiStar(
  values: readonly (readonly number[])[],
  neighbours: readonly (readonly number[])[],
  timeStep: number,
): { z: number[][]; p: number[][] } {
  const periods = values.length;
  const cells = neighbours.length;
  const flat: number[] = [];
  for (const row of values) {
    if (row.length !== cells) throw new Error(`a period has ${row.length} values for ${cells} cells`);
    for (const v of row) flat.push(v);
  }
  // Bin b = t·cells + i; its neighbours: i and i's ring in periods t − timeStep … t.
  const binNeighbours: number[][] = [];
  for (let t = 0; t < periods; t++) {
    for (let i = 0; i < cells; i++) {
      const list: number[] = [];
      for (let u = Math.max(0, t - timeStep); u <= t; u++) {
        if (u !== t) list.push(u * cells + i);
        for (const j of neighbours[i]) list.push(u * cells + j);
      }
      binNeighbours.push(list);
    }
  }
  const result = getisOrdGiStar(flat, binNeighbours);
  const split = (xs: number[]) => Array.from({ length: periods }, (_, t) => xs.slice(t * cells, (t + 1) * cells));
  return { z: split(result.z), p: split(result.p) };
}

/**
 * One location's category from its bins' significance (+1 hot, −1 cold, 0 neither, in period
 * order) and the Mann–Kendall z and p of its z-score series.
 */
export function classifyEmerging(significance: readonly number[], trend: { z: number; p: number }): EmergingCategory {
  const n = significance.length;
  if (n === 0) return 'no-pattern';
  for (const sign of [1, -1] as const) {
    const kind = sign === 1 ? 'hot' : 'cold';
    const is = (t: number) => significance[t] === sign;
    const opposite = (t: number) => significance[t] === -sign;
    const count = significance.filter((s) => s === sign).length;
    const most = count >= MOST_PERIODS * n;
    const last = is(n - 1);
    if (!last) {
      if (most) return `historical-${kind}-spot`;
      continue;
    }
    const before = significance.slice(0, -1).filter((s) => s === sign).length;
    if (before === 0) return `new-${kind}-spot`;
    if (most) {
      // "Intensifying" means more extreme: upward for hot spots, downward for cold.
      const significant = trend.p < TREND_ALPHA;
      const towards = sign === 1 ? trend.z > 0 : trend.z < 0;
      if (significant && towards) return `intensifying-${kind}-spot`;
      if (significant && !towards) return `diminishing-${kind}-spot`;
      return `persistent-${kind}-spot`;
    }
    // The run of significant bins ending at the final period.
    let start = n - 1;
    while (start > 0 && is(start - 1)) start--;
    const runLength = n - start;
    const hotBeforeRun = significance.slice(0, start).some((s) => s === sign);
    if (runLength >= 2 && !hotBeforeRun) return `consecutive-${kind}-spot`;
    const everOpposite = significance.slice(0, -1).some((_, t) => opposite(t));
    return everOpposite ? `oscillating-${kind}-spot` : `sporadic-${kind}-spot`;
  }
  return 'no-pattern';
}

export interface EmergingResult {
  category: EmergingCategory;
  trendZ: number;
  trendP: number;
  /** The cell's Gi* z-score in each period. */
  z: number[];
}

/** The whole analysis for a cube: `values[period][cell]`, spatial `neighbours`, one result per cell. */
export function emergingHotSpots(
  values: readonly (readonly number[])[],
  neighbours: readonly (readonly number[])[],
  { timeStep = 1, fdr = false }: { timeStep?: number; fdr?: boolean } = {},
): EmergingResult[] {
  const { z, p } = spaceTimeGiStar(values, neighbours, timeStep);
  // Significance as the hot-spot layer bins it (90 %), with the same optional FDR correction.
  const bins = confidenceBins({ z: z.flat(), p: p.flat() }, fdr);
  const cells = neighbours.length;
  return neighbours.map((_, i) => {
    const series = z.map((row) => row[i]);
    const significance = z.map((_, t) => Math.sign(bins[t * cells + i]));
    const trend = mannKendall(series);
    return { category: classifyEmerging(significance, trend), trendZ: trend.z, trendP: trend.p, z: series };
  });
}
