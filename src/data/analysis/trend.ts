/**
 * The Mann–Kendall trend test (Mann 1945, Kendall 1975), as ArcGIS's Emerging Hot Spot Analysis
 * applies it to each location's series, and as pyMannKendall's `original_test` computes it:
 *
 *   S = Σ_{k<j} sign(x_j − x_k)
 *   Var(S) = [n(n−1)(2n+5) − Σ_g t_g(t_g−1)(2t_g+5)] / 18   (t_g: the size of each group of ties)
 *   z = (S − 1)/√Var(S) if S > 0, (S + 1)/√Var(S) if S < 0, else 0 (continuity correction)
 *
 * with a two-sided p-value from the normal approximation. Values that are not finite (missing)
 * are skipped, as pyMannKendall does.
 */
import { twoSidedP } from './hotspots';

export interface MannKendallResult {
  n: number;
  s: number;
  varS: number;
  z: number;
  p: number;
}

export function mannKendall(series: readonly number[]): MannKendallResult {
  const x = series.filter((v) => Number.isFinite(v));
  const n = x.length;
  let s = 0;
  for (let k = 0; k < n - 1; k++) for (let j = k + 1; j < n; j++) s += Math.sign(x[j] - x[k]);
  const ties = new Map<number, number>();
  for (const v of x) ties.set(v, (ties.get(v) ?? 0) + 1);
  let tieTerm = 0;
  for (const t of ties.values()) tieTerm += t * (t - 1) * (2 * t + 5);
  const varS = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
  const z = varS > 0 ? (s > 0 ? (s - 1) / Math.sqrt(varS) : s < 0 ? (s + 1) / Math.sqrt(varS) : 0) : 0;
  return { n, s, varS, z, p: twoSidedP(z) };
}
