import { describe, expect, it } from 'vitest';
import { gridDisk, latLngToCell } from 'h3-js';
import {
  benjaminiHochberg,
  confidenceBins,
  getisOrdGiStar,
  h3Neighbours,
  parseGal,
  twoSidedP,
} from '../../src/data/analysis/hotspots';

/**
 * Reference: PySAL esda's own test (esda/tests/test_getisord.py, TestGLocal.test_star_binary):
 * six points, DistanceBand(threshold=15) binary weights, y = [2, 3, 3.2, 5, 8, 7],
 * G_Local(y, w, transform="B", star=True).Zs[0] == -1.39727626.
 */
const POINTS = [
  [10, 10],
  [20, 10],
  [40, 10],
  [15, 20],
  [30, 20],
  [30, 30],
];
const Y = [2, 3, 3.2, 5, 8, 7];
const DISTANCE_BAND = POINTS.map((a, i) =>
  POINTS.flatMap((b, j) => (i !== j && Math.hypot(a[0] - b[0], a[1] - b[1]) <= 15 ? [j] : [])),
);

/**
 * An independent route to the same numbers, following esda's implementation rather than the
 * closed form: G_i* = Σ_j w_ij y_j / Σ y, E = W_i / n, Var = W_i (n − W_i) / (n − 1) / n² · S²/ȳ².
 */
function esdaStyleZ(y: number[], neighbours: number[][]): number[] {
  const n = y.length;
  const sum = y.reduce((a, b) => a + b, 0);
  const mean = sum / n;
  const variance = y.reduce((a, b) => a + b * b, 0) / n - mean * mean;
  return neighbours.map((nb, i) => {
    const members = [i, ...nb];
    const g = members.reduce((a, j) => a + y[j], 0) / sum;
    const wi = members.length;
    const expected = wi / n;
    const v = ((wi * (n - wi)) / (n - 1)) * (1 / n ** 2) * (variance / mean ** 2);
    return (g - expected) / Math.sqrt(v);
  });
}

describe('Getis-Ord Gi*', () => {
  it('matches PySAL esda G_Local(star=True, transform="B") to 1e-6', () => {
    expect(DISTANCE_BAND[0]).toEqual([1, 3]);
    const { z } = getisOrdGiStar(Y, DISTANCE_BAND);
    expect(Math.abs(z[0] - -1.39727626)).toBeLessThan(1e-6);
    const reference = esdaStyleZ(Y, DISTANCE_BAND);
    z.forEach((value, i) => expect(Math.abs(value - reference[i])).toBeLessThan(1e-9));
  });

  it('gives z = 0 and p = 1 when nothing varies', () => {
    const { z, p } = getisOrdGiStar([4, 4, 4], [[1], [0, 2], [1]]);
    expect(z).toEqual([0, 0, 0]);
    expect(p).toEqual([1, 1, 1]);
  });

  it('two-sided p-values from the normal distribution', () => {
    expect(twoSidedP(1.959964)).toBeCloseTo(0.05, 6);
    expect(twoSidedP(-2.575829)).toBeCloseTo(0.01, 6);
    expect(twoSidedP(0)).toBeCloseTo(1, 6);
  });

  it('bins like ArcGIS Gi_Bin: ±1 at |z| ≥ 1.65, ±2 at 1.96, ±3 at 2.58', () => {
    const z = [0.5, 1.7, -2.0, 2.6, -3.1, -1.64];
    expect(confidenceBins({ z, p: z.map(twoSidedP) }, false)).toEqual([0, 1, -2, 3, -3, 0]);
    expect(Object.is(confidenceBins({ z: [-0.5], p: [twoSidedP(-0.5)] }, false)[0], 0)).toBe(true);
  });

  it('Benjamini–Hochberg keeps fewer discoveries than the raw threshold', () => {
    // Textbook example (Benjamini & Hochberg 1995 style): 10 p-values at alpha 0.05.
    const p = [0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205, 0.212, 0.216];
    expect(benjaminiHochberg(p, 0.05)).toEqual([true, true, false, false, false, false, false, false, false, false]);
    const z = [3.3, 2.65, 2.06, 2.04, 2.03, 1.88, 1.79, 1.27, 1.25, 1.24];
    const withFdr = confidenceBins({ z, p }, true);
    const without = confidenceBins({ z, p }, false);
    expect(withFdr.filter((b) => b !== 0).length).toBeLessThan(without.filter((b) => b !== 0).length);
    expect(withFdr[0]).toBe(3);
  });

  it('finds a planted hot spot on an H3 grid with k-ring neighbours', () => {
    const centre = latLngToCell(51.36, 1.38, 7);
    const cells = gridDisk(centre, 4);
    const values = cells.map((cell) => (gridDisk(centre, 1).includes(cell) ? 50 : 2));
    const neighbours = h3Neighbours(cells, 1);
    expect(neighbours[cells.indexOf(centre)]).toHaveLength(6);
    const bins = confidenceBins(getisOrdGiStar(values, neighbours), true);
    expect(bins[cells.indexOf(centre)]).toBe(3);
    expect(bins.filter((b) => b > 0).length).toBeLessThan(20);
  });

  it('reads GeoDa .gal weights and refuses broken ones with a line number', () => {
    const gal = parseGal('0 3 shapes POLY_ID\nA 2\nB C\nB 1\nA\nC 1\nA\n');
    expect([...gal.entries()]).toEqual([
      ['A', ['B', 'C']],
      ['B', ['A']],
      ['C', ['A']],
    ]);
    expect(() => parseGal('2\nA 2\nB\nB 1\nA\n')).toThrow('line 3: expected 2 neighbour ids for A, found 1');
  });
});
