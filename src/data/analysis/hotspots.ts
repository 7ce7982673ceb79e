/**
 * Getis-Ord Gi* hot and cold spots (the ArcGIS "Hot Spot Analysis" statistic; PySAL esda
 * `G_Local(star=True, transform="B")`), with ArcGIS-style confidence bins and an optional
 * Benjamini–Hochberg false-discovery-rate correction.
 *
 *   z_i = (Σ_j w_ij x_j − x̄ Σ_j w_ij) / (S · sqrt((n Σ_j w_ij² − (Σ_j w_ij)²) / (n − 1)))
 *
 * with x̄ the mean, S the population standard deviation, n the number of features and binary
 * weights including w_ii = 1.
 */
import { errorFunction } from 'simple-statistics';
import { gridDisk, isValidCell } from 'h3-js';

export interface GiStarResult {
  z: number[];
  /** Two-sided p-values from the normal approximation. */
  p: number[];
}

/**
 * `neighbours[i]` lists the indices of i's neighbours, without i itself (the star form adds it).
 * Binary weights. Where every value is equal (S = 0) z is 0 and p is 1: nothing stands out.
 */
export function getisOrdGiStar(values: readonly number[], neighbours: readonly (readonly number[])[]): GiStarResult {
  const n = values.length;
  if (neighbours.length !== n) throw new Error(`neighbours has ${neighbours.length} entries for ${n} values`);
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const s = Math.sqrt(values.reduce((acc, v) => acc + v * v, 0) / n - mean * mean);
  const z: number[] = [];
  for (let i = 0; i < n; i++) {
    const members = new Set([i, ...neighbours[i]]);
    let lag = 0;
    for (const j of members) lag += values[j];
    const w = members.size; // Σ w_ij = Σ w_ij² for binary weights
    const denominator = s * Math.sqrt((n * w - w * w) / (n - 1));
    z.push(denominator > 0 && Number.isFinite(denominator) ? (lag - mean * w) / denominator : 0);
  }
  return { z, p: z.map(twoSidedP) };
}

/** Two-sided p-value of a standard normal z. */
export function twoSidedP(z: number): number {
  return Math.min(1, Math.max(0, 1 - errorFunction(Math.abs(z) / Math.SQRT2)));
}

/** Benjamini–Hochberg: which tests stay significant at false-discovery rate `alpha`. */
export function benjaminiHochberg(p: readonly number[], alpha: number): boolean[] {
  const order = p.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  let cutoff = -1;
  order.forEach(({ value }, rank) => {
    if (value <= ((rank + 1) / p.length) * alpha) cutoff = rank;
  });
  const significant = new Array<boolean>(p.length).fill(false);
  for (let rank = 0; rank <= cutoff; rank++) significant[order[rank].index] = true;
  return significant;
}

/** z-score cut-offs ArcGIS uses for 90, 95 and 99 % confidence (its Gi_Bin ±1, ±2, ±3). */
export const CONFIDENCE_LEVELS = [
  { bin: 1, confidence: 90, z: 1.65, alpha: 0.1 },
  { bin: 2, confidence: 95, z: 1.96, alpha: 0.05 },
  { bin: 3, confidence: 99, z: 2.58, alpha: 0.01 },
] as const;

/**
 * Confidence bins −3…3 (negative = cold spot). Without FDR, by |z| as ArcGIS does; with FDR, a bin
 * holds where the feature stays significant under Benjamini–Hochberg at that level's alpha.
 */
export function confidenceBins(result: GiStarResult, fdr: boolean): number[] {
  const passes = CONFIDENCE_LEVELS.map((level) =>
    fdr ? benjaminiHochberg(result.p, level.alpha) : result.z.map((z) => Math.abs(z) >= level.z),
  );
  return result.z.map((z, i) => {
    let bin = 0;
    CONFIDENCE_LEVELS.forEach((level, l) => {
      if (passes[l][i]) bin = level.bin;
    });
    // Not significant is 0, never −0 (which a negative z times bin 0 would give).
    return bin === 0 ? 0 : Math.sign(z) * bin;
  });
}

/** Neighbours of each H3 cell among the given cells: its k-ring (grid distance ≤ k), self excluded. */
export function h3Neighbours(cells: readonly string[], k: number): number[][] {
  // gridDisk of a malformed id is silently empty: a cell with no neighbours, a wrong statistic.
  const bad = cells.find((cell) => !isValidCell(cell));
  if (bad !== undefined) throw new Error(`"${bad}" is not an H3 cell`);
  const index = new Map(cells.map((cell, i) => [cell, i]));
  return cells.map((cell) =>
    gridDisk(cell, k)
      .filter((other) => other !== cell && index.has(other))
      .map((other) => index.get(other)!),
  );
}

/**
 * Reads a GeoDa / PySAL `.gal` weights file: a header (`n` or `0 n shapefile key`), then for each
 * feature a line `id count` followed by a line of its `count` neighbour ids.
 */
export function parseGal(text: string): Map<string, string[]> {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length === 0) throw new Error('is empty');
  const header = lines[0].split(/\s+/);
  const n = Number(header.length >= 2 ? header[1] : header[0]);
  if (!Number.isInteger(n) || n < 0) throw new Error(`line 1: expected the number of features, found "${lines[0]}"`);
  const out = new Map<string, string[]>();
  let line = 1;
  while (line < lines.length) {
    const [id, countText] = lines[line].split(/\s+/);
    const count = Number(countText);
    if (!id || !Number.isInteger(count) || count < 0)
      throw new Error(`line ${line + 1}: expected "id neighbour-count", found "${lines[line]}"`);
    const ids = count === 0 ? [] : (lines[line + 1] ?? '').split(/\s+/);
    if (ids.length !== count)
      throw new Error(`line ${line + 2}: expected ${count} neighbour ids for ${id}, found ${ids.length}`);
    out.set(id, ids);
    line += count === 0 ? 1 : 2;
  }
  if (out.size !== n) throw new Error(`header says ${n} features but ${out.size} are listed`);
  return out;
}

/** Cells, their values and a method's parameters: what every hot-spot method takes. */
export interface HotspotInput {
  cells: string[];
  values: number[];
  /** Neighbourhood in H3 rings. */
  k: number;
  /** Benjamini–Hochberg false-discovery-rate correction of the bins. */
  fdr: boolean;
}

export interface HotspotOutput {
  z: number[];
  p: number[];
  /** ArcGIS confidence bins −3…3 (0: not significant). */
  bins: number[];
  /** Global clustering over the same cells and rings (Moran's I, 999 seeded permutations). */
  clustering?: Clustering;
}

export interface Clustering {
  /** Why Moran's I is not defined for these cells, in words (global.ts); the numbers are then NaN. */
  notDefined?: string;
  moranI: number;
  expected: number;
  z: number;
  /** Pseudo p-value from the permutations. */
  pSim: number;
  permutations: number;
}

/**
 * Hot-spot methods by id: the worker, the CLI and the map ask for one by name, so another
 * statistic is one more entry here, not a new path through every layer.
 */
export const HOTSPOT_METHODS = {
  'gi-star': {
    label: 'Getis-Ord Gi*',
    compute({ cells, values, k, fdr }: HotspotInput): HotspotOutput {
      const result = getisOrdGiStar(values, h3Neighbours(cells, k));
      return { z: result.z, p: result.p, bins: confidenceBins(result, fdr) };
    },
  },
} as const;
export type HotspotMethodId = keyof typeof HOTSPOT_METHODS;
