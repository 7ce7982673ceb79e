/**
 * Global spatial autocorrelation over a whole map: Moran's I and Getis-Ord General G, with the
 * analytic moments and z-scores of PySAL esda's `Moran` and `G`, and permutation inference
 * (seeded, so the same input gives the same p). "Is there clustering at all?" in one line,
 * beside the local statistics (Gi*, emerging hot spots) that say where.
 *
 * Weights come as neighbour lists (self excluded) with binary weights; Moran's I row-standardises
 * them by default, as esda does, General G uses them as they are.
 */
import { twoSidedP } from './hotspots';

export interface GlobalResult {
  statistic: number;
  expected: number;
  /** Analytic variance under the normality assumption (Moran) or of G. */
  variance: number;
  z: number;
  /** Two-sided p from the normal approximation (Moran), one-sided as esda's `G.p_norm`. */
  p: number;
  /** Moran only: variance and z under randomisation. */
  varianceRandomisation?: number;
  zRandomisation?: number;
  /** Pseudo p-value from `permutations` random relabellings, esda's `p_sim`. */
  pSim?: number;
}

type Weighted = { j: number; w: number }[][];

function weightsOf(neighbours: readonly (readonly number[])[], rowStandardise: boolean): Weighted {
  return neighbours.map((list) => list.map((j) => ({ j, w: rowStandardise ? 1 / list.length : 1 })));
}

/** S0, S1, S2 of a weights matrix, as Cliff and Ord define them. */
function moments(weights: Weighted): { s0: number; s1: number; s2: number } {
  const n = weights.length;
  const w = new Map<number, number>();
  const rowSum = new Array<number>(n).fill(0);
  const colSum = new Array<number>(n).fill(0);
  let s0 = 0;
  weights.forEach((row, i) => {
    for (const { j, w: wij } of row) {
      w.set(i * n + j, (w.get(i * n + j) ?? 0) + wij);
      rowSum[i] += wij;
      colSum[j] += wij;
      s0 += wij;
    }
  });
  // S1 = ½ Σ_i Σ_j (w_ij + w_ji)², over every ordered pair where either weight is non-zero.
  let s1 = 0;
  for (const [key, wij] of w) {
    const i = Math.floor(key / n);
    const j = key % n;
    const wji = w.get(j * n + i);
    s1 += (wij + (wji ?? 0)) ** 2;
    if (wji === undefined) s1 += wij ** 2; // the (j, i) term, whose own weight is 0
  }
  s1 /= 2;
  let s2 = 0;
  for (let i = 0; i < n; i++) s2 += (rowSum[i] + colSum[i]) ** 2;
  return { s0, s1, s2 };
}

/** A seeded generator (mulberry32): the same seed, the same permutations, the same p. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** esda's pseudo p: the share of permuted statistics at least as extreme, in the observed tail. */
function permutationP(
  values: readonly number[],
  statistic: (ys: readonly number[]) => number,
  observed: number,
  permutations: number,
  seed: number,
): number {
  const next = random(seed);
  const ys = [...values];
  let above = 0;
  for (let p = 0; p < permutations; p++) {
    for (let i = ys.length - 1; i > 0; i--) {
      const k = Math.floor(next() * (i + 1));
      [ys[i], ys[k]] = [ys[k], ys[i]];
    }
    if (statistic(ys) >= observed) above++;
  }
  const larger = Math.min(above, permutations - above);
  return (larger + 1) / (permutations + 1);
}

export interface GlobalOptions {
  /** Moran's I: row-standardised weights (esda's default "r") or binary ("b"). */
  transformation?: 'r' | 'b';
  /** 0 for none; esda's default is 999. */
  permutations?: number;
  seed?: number;
}

/**
 * Why Moran's I and General G are not defined for these values and weights, in words (`noun`
 * names what a value belongs to: "cell", "area"); undefined when they are. Each reason is the
 * real one: fewer than 4 values (the variance under randomisation divides by n − 3), no value
 * with a neighbour (no weights at all), or every value the same (no variance).
 */
export function globalUndefinedReason(
  values: readonly number[],
  neighbours: readonly (readonly number[])[],
  noun = 'value',
): string | undefined {
  if (values.length < 4) return `only ${values.length} ${noun}${values.length === 1 ? '' : 's'}; at least 4 are needed`;
  if (neighbours.every((list) => list.length === 0)) return `no ${noun} has a neighbour among the others`;
  if (values.every((v) => v === values[0])) return `every ${noun} has the same value`;
  return undefined;
}

/** The indexes of values with no neighbour (islands): they count in the mean but in no neighbourhood. */
export const islands = (neighbours: readonly (readonly number[])[]): number[] =>
  neighbours.flatMap((list, i) => (list.length === 0 ? [i] : []));

/** Moran's I; every field NaN (never a p-value) where globalUndefinedReason gives a reason. */
export function moransI(
  values: readonly number[],
  neighbours: readonly (readonly number[])[],
  { transformation = 'r', permutations = 999, seed = 12345 }: GlobalOptions = {},
): GlobalResult {
  const n = values.length;
  if (globalUndefinedReason(values, neighbours) !== undefined) return undefinedResult(permutations);
  const weights = weightsOf(neighbours, transformation === 'r');
  const { s0, s1, s2 } = moments(weights);
  const statistic = (ys: readonly number[]) => {
    const mean = ys.reduce((a, b) => a + b, 0) / n;
    let num = 0;
    let den = 0;
    weights.forEach((row, i) => {
      for (const { j, w } of row) num += w * (ys[i] - mean) * (ys[j] - mean);
    });
    for (const y of ys) den += (y - mean) ** 2;
    return (n / s0) * (num / den);
  };
  const I = statistic(values);
  const EI = -1 / (n - 1);
  const varianceNormal = (n * n * s1 - n * s2 + 3 * s0 * s0) / ((n * n - 1) * s0 * s0) - EI * EI;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const z2 = values.reduce((a, y) => a + (y - mean) ** 2, 0);
  const z4 = values.reduce((a, y) => a + (y - mean) ** 4, 0);
  const kurtosis = (n * z4) / (z2 * z2);
  const A = n * ((n * n - 3 * n + 3) * s1 - n * s2 + 3 * s0 * s0);
  const B = kurtosis * ((n * n - n) * s1 - 2 * n * s2 + 6 * s0 * s0);
  const varianceRandomisation = (A - B) / ((n - 1) * (n - 2) * (n - 3) * s0 * s0) - EI * EI;
  const z = (I - EI) / Math.sqrt(varianceNormal);
  const zRandomisation = (I - EI) / Math.sqrt(varianceRandomisation);
  return {
    statistic: I,
    expected: EI,
    variance: varianceNormal,
    z,
    p: twoSidedP(z),
    varianceRandomisation,
    zRandomisation,
    pSim: permutations > 0 ? permutationP(values, statistic, I, permutations, seed) : undefined,
  };
}

/** Not defined: NaN throughout, so nothing downstream prints a number for it. */
const undefinedResult = (permutations: number): GlobalResult => ({
  statistic: Number.NaN,
  expected: Number.NaN,
  variance: Number.NaN,
  z: Number.NaN,
  p: Number.NaN,
  varianceRandomisation: Number.NaN,
  zRandomisation: Number.NaN,
  pSim: permutations > 0 ? Number.NaN : undefined,
});

/** Getis-Ord General G with binary weights (esda `G`); NaN throughout where it is not defined. */
export function generalG(
  values: readonly number[],
  neighbours: readonly (readonly number[])[],
  { permutations = 999, seed = 12345 }: GlobalOptions = {},
): GlobalResult {
  const n = values.length;
  if (globalUndefinedReason(values, neighbours) !== undefined) return undefinedResult(permutations);
  const weights = weightsOf(neighbours, false);
  const { s0, s1, s2 } = moments(weights);
  const statistic = (ys: readonly number[]) => {
    let num = 0;
    weights.forEach((row, i) => {
      for (const { j, w } of row) num += w * ys[i] * ys[j];
    });
    const sum = ys.reduce((a, b) => a + b, 0);
    const sumSq = ys.reduce((a, b) => a + b * b, 0);
    return num / (sum * sum - sumSq);
  };
  const G = statistic(values);
  const EG = s0 / (n * (n - 1));
  const [m1, m2, m3, m4] = [1, 2, 3, 4].map((k) => values.reduce((a, y) => a + y ** k, 0));
  const b0 = (n * n - 3 * n + 3) * s1 - n * s2 + 3 * s0 * s0;
  const b1 = -((n * n - n) * s1 - 2 * n * s2 + 6 * s0 * s0);
  const b2 = -(2 * n * s1 - (n + 3) * s2 + 6 * s0 * s0);
  const b3 = 4 * (n - 1) * s1 - 2 * (n + 1) * s2 + 8 * s0 * s0;
  const b4 = s1 - s2 + s0 * s0;
  const n1 = n * (n - 1) * (n - 2) * (n - 3);
  const EG2 = (b0 * m2 * m2 + b1 * m4 + b2 * m1 * m1 * m2 + b3 * m1 * m3 + b4 * m1 ** 4) / ((m1 * m1 - m2) ** 2 * n1);
  const variance = EG2 - EG * EG;
  const z = (G - EG) / Math.sqrt(variance);
  return {
    statistic: G,
    expected: EG,
    variance,
    z,
    p: twoSidedP(z) / 2,
    pSim: permutations > 0 ? permutationP(values, statistic, G, permutations, seed) : undefined,
  };
}
