/**
 * Global clustering against PySAL esda's own tests: General G on esda's six points, and the
 * analytic variances of Moran's I on a 3 × 3 lattice (rook contiguity, binary weights).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generalG, globalUndefinedReason, moransI } from '../../src/data/analysis/global';
import { parseGal } from '../../src/data/analysis/hotspots';

/** libpysal's lat2W(3, 3): rook neighbours on a 3 × 3 grid, ids 0…8 row by row. */
const lattice3x3 = Array.from({ length: 9 }, (_, i) => {
  const [r, c] = [Math.floor(i / 3), i % 3];
  return [
    [r - 1, c],
    [r + 1, c],
    [r, c - 1],
    [r, c + 1],
  ]
    .filter(([a, b]) => a >= 0 && a < 3 && b >= 0 && b < 3)
    .map(([a, b]) => a * 3 + b);
});

describe("Moran's I", () => {
  it('matches esda test_variance: VI_rand 0.0596875, VI_norm 0.053125 (y = 1…9, lat2W(3,3), binary)', () => {
    const result = moransI([1, 2, 3, 4, 5, 6, 7, 8, 9], lattice3x3, { transformation: 'b', permutations: 0 });
    expect(result.varianceRandomisation).toBeCloseTo(0.059687500000000004, 12);
    expect(result.variance).toBeCloseTo(0.053125000000000006, 12);
    expect(result.expected).toBe(-1 / 8);
  });

  it('is seeded: the same seed gives the same pseudo p, and a clustered map is significant', () => {
    const clustered = [9, 8, 1, 8, 7, 1, 1, 1, 1];
    const a = moransI(clustered, lattice3x3, { seed: 7 });
    expect(moransI(clustered, lattice3x3, { seed: 7 }).pSim).toBe(a.pSim);
    expect(a.statistic).toBeGreaterThan(a.expected);
    expect(a.pSim).toBeLessThan(0.05);
  });
});

describe('General G', () => {
  it("matches esda TestGetisG: G 0.55709779, p_norm 0.172936 on esda's six points", () => {
    const gal = parseGal(readFileSync('tests/fixtures/hotspots/pysal-six-points.gal', 'utf8'));
    const ids = ['P0', 'P1', 'P2', 'P3', 'P4', 'P5'];
    const neighbours = ids.map((id) => gal.get(id)!.map((j) => ids.indexOf(j)));
    const g = generalG([2, 3, 3.2, 5, 8, 7], neighbours, { permutations: 0 });
    expect(g.statistic).toBeCloseTo(0.55709779, 7);
    expect(g.p).toBeCloseTo(0.172936, 6);
  });
});

describe('npm run data -- moran', () => {
  it("prints statistic,value,expected,z,p for Moran's I and General G, reproducibly", async () => {
    const { runCli } = await import('./run-cli');
    const args = [
      'moran',
      'tests/fixtures/hotspots/pysal-six-points.csv',
      '--weights',
      'tests/fixtures/hotspots/pysal-six-points.gal',
    ];
    const first = runCli(args);
    expect(first.code).toBe(0);
    const lines = first.out.split('\n');
    expect(lines[0]).toBe('statistic,value,expected,z,p');
    expect(lines.map((l) => l.split(',')[0])).toEqual([
      'statistic',
      'moran_i',
      'moran_i_randomisation',
      'moran_i_permutations_999',
      'general_g',
      'general_g_permutations_999',
    ]);
    const g = lines.find((l) => l.startsWith('general_g,'))!.split(',');
    expect(Number(g[1])).toBeCloseTo(0.55709779, 7);
    expect(Number(g[4])).toBeCloseTo(0.172936, 6);
    // Seeded permutations: the same file gives the same output.
    expect(runCli(args).out).toBe(first.out);
  });
});

describe('when global clustering is not defined, the reason is the real one', () => {
  it('two cells of 25 and [c] far apart: no neighbours, not "the same count"', () => {
    // The map's case: 25 and a suppressed cell (taken as 5) two rings apart at k = 1.
    expect(globalUndefinedReason([25, 5, 0, 0], [[], [], [3], [2]], 'cell')).toBeUndefined();
    expect(globalUndefinedReason([25, 5], [[], []], 'cell')).toBe('only 2 cells; at least 4 are needed');
    expect(globalUndefinedReason([25, 5, 10, 15], [[], [], [], []], 'cell')).toBe(
      'no cell has a neighbour among the others',
    );
    expect(
      globalUndefinedReason(
        [5, 5, 5, 5],
        lattice3x3.slice(0, 4).map((l) => l.filter((j) => j < 4)),
        'cell',
      ),
    ).toBe('every cell has the same value');
  });

  it('not defined means NaN throughout: never a permutation p beside a blank I', () => {
    const constant = moransI([5, 5, 5, 5, 5, 5, 5, 5, 5], lattice3x3);
    expect([constant.statistic, constant.z, constant.p, constant.pSim]).toEqual([NaN, NaN, NaN, NaN]);
    expect(generalG([5, 5, 5, 5, 5, 5, 5, 5, 5], lattice3x3).pSim).toBeNaN();
  });
});
