/**
 * Emerging hot spots: the Mann–Kendall test against published reference values, each of the
 * seventeen categories from a series built to be it, and the space-time Gi* end to end on a
 * small H3 cube where a cluster appears, grows or fades.
 */
import { readFileSync } from 'node:fs';
import { gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { classifyEmerging, emergingHotSpots, spaceTimeGiStar } from '../../src/data/analysis/emerging';
import { getisOrdGiStar, h3Neighbours } from '../../src/data/analysis/hotspots';
import { mannKendall } from '../../src/data/analysis/trend';

describe('Mann–Kendall', () => {
  it('matches pyMannKendall original_test on the Bogra monthly rainfall (ties, missing months)', () => {
    // pyMannKendall tests/test_pymannkendall.py: s −1959, var_s 4889800.333333333,
    // z −0.8854562842589916, p 0.37591058740506833 (missing values skipped).
    const rows = readFileSync('tests/fixtures/mann-kendall/bogra-monthly-rainfall.csv', 'utf8')
      .trim()
      .split('\n')
      .slice(1);
    const series = rows.map((r) => {
      const v = r.split(',')[2];
      return v === '' ? Number.NaN : Number(v);
    });
    const r = mannKendall(series);
    expect(r.n).toBe(353);
    expect(r.s).toBe(-1959);
    expect(r.varS).toBeCloseTo(4889800.333333333, 9);
    expect(r.z).toBeCloseTo(-0.8854562842589916, 9);
    // The normal tail comes from simple-statistics' erf (Numerical Recipes, |error| < 1.2e-7).
    expect(Math.abs(r.p - 0.37591058740506833)).toBeLessThan(1e-6);
  });

  it('matches MannKendall.jl on a strictly increasing series (no ties)', () => {
    // MannKendall.jl test/runtests.jl: 1:100 → s 4950, var_s 112750, z 14.73869998208331.
    const r = mannKendall(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(r.s).toBe(4950);
    expect(r.varS).toBe(112750);
    expect(r.z).toBeCloseTo(14.73869998208331, 9);
    expect(r.p).toBeLessThan(1e-9);
  });

  it('is 0 for a constant series (every pair tied)', () => {
    expect(mannKendall([3, 3, 3, 3])).toMatchObject({ s: 0, varS: 0, z: 0, p: 1 });
  });
});

describe('emerging hot-spot categories', () => {
  const none = { z: 0, p: 1 };
  const up = { z: 3, p: 0.003 };
  const down = { z: -3, p: 0.003 };
  const H = 1;
  const C = -1;
  const O = 0;
  const tenHot = (last: number) => [H, H, H, H, H, H, H, H, H, last];
  const cases: [string, number[], { z: number; p: number }][] = [
    ['new-hot-spot', [O, O, O, O, O, O, O, O, O, H], none],
    ['consecutive-hot-spot', [O, O, O, O, O, O, O, H, H, H], none],
    ['intensifying-hot-spot', tenHot(H), up],
    ['persistent-hot-spot', tenHot(H), none],
    ['diminishing-hot-spot', tenHot(H), down],
    ['sporadic-hot-spot', [O, H, O, O, H, O, O, H, O, H], none],
    ['oscillating-hot-spot', [O, C, O, H, O, O, C, O, O, H], none],
    ['historical-hot-spot', tenHot(O), none],
    ['new-cold-spot', [O, O, O, O, O, O, O, O, O, C], none],
    ['consecutive-cold-spot', [O, O, O, O, O, O, C, C, C, C], none],
    ['intensifying-cold-spot', tenHot(H).map((s) => -s), down],
    ['persistent-cold-spot', tenHot(H).map((s) => -s), none],
    ['diminishing-cold-spot', tenHot(H).map((s) => -s), up],
    ['sporadic-cold-spot', [C, O, O, C, O, C, O, O, O, C], none],
    ['oscillating-cold-spot', [H, O, C, O, O, H, O, O, O, C], none],
    ['historical-cold-spot', tenHot(O).map((s) => -s), none],
    ['no-pattern', [O, O, H, H, O, O, O, O, O, O], none],
  ];
  for (const [category, series, trend] of cases)
    it(`${category}: ${series.map((s) => (s > 0 ? 'H' : s < 0 ? 'C' : '·')).join('')}`, () => {
      expect(classifyEmerging(series, trend)).toBe(category);
    });

  it('a run of hot periods that had hot periods before it is sporadic, not consecutive', () => {
    expect(classifyEmerging([H, O, O, O, O, O, O, H, H, H], none)).toBe('sporadic-hot-spot');
  });
});

describe('space-time Gi*', () => {
  // A patch of H3 cells around Margate; `ring` the 7 cells of one k = 1 disk in its middle.
  const centre = latLngToCell(51.38, 1.38, 7);
  const cells = gridDisk(centre, 4).sort();
  const ring = new Set(gridDisk(centre, 1));
  const neighbours = h3Neighbours(cells, 1);
  const cube = (valueAt: (t: number, inRing: boolean, i: number) => number, periods: number) =>
    Array.from({ length: periods }, (_, t) => cells.map((c, i) => valueAt(t, ring.has(c), i)));
  // Background noise, deterministic, so S is never 0.
  const noise = (t: number, i: number) => ((i * 7 + t * 3) % 5) + 1;

  it('with a time step of 0 it is the spatial Gi* of each period over the whole cube', () => {
    const values = cube((t, inRing, i) => noise(t, i) + (inRing ? 10 : 0), 3);
    const { z } = spaceTimeGiStar(values, neighbours, 0);
    const direct = getisOrdGiStar(
      values.flat(),
      values.flatMap((_, t) => neighbours.map((n) => n.map((j) => t * cells.length + j))),
    );
    expect(z.flat()).toEqual(direct.z);
  });

  it('the bins of the previous period count as neighbours with a time step of 1', () => {
    const values = cube((t, _inRing, i) => noise(t, i) + (t === 0 && cells[i] === centre ? 50 : 0), 2);
    const { z } = spaceTimeGiStar(values, neighbours, 1);
    // The spike in period 0 lifts the same place in period 1 (it is in its neighbourhood).
    const at = cells.indexOf(centre);
    const elsewhere = cells.findIndex((c) => !ring.has(c));
    expect(z[1][at]).toBeGreaterThan(z[1][elsewhere] + 1);
  });

  it('end to end: a cluster that appears at the end is new, one that grows is intensifying, one that ends is historical', () => {
    const periods = 12;
    const grow = emergingHotSpots(
      cube((t, inRing, i) => noise(t, i) + (inRing ? 4 + t * 3 : 0), periods),
      neighbours,
    );
    const appear = emergingHotSpots(
      cube((t, inRing, i) => noise(t, i) + (inRing && t === periods - 1 ? 60 : 0), periods),
      neighbours,
    );
    // Hot until two periods before the end: the final bin's neighbourhood (it and the period
    // before) is then quiet, and 28 of 30 periods were hot.
    const fade = emergingHotSpots(
      cube((t, inRing, i) => noise(t, i) + (inRing && t < 28 ? 30 : 0), 30),
      neighbours,
    );
    const at = cells.indexOf(centre);
    expect(appear[at].category).toBe('new-hot-spot');
    expect(grow[at].category).toBe('intensifying-hot-spot');
    expect(grow[at].trendZ).toBeGreaterThan(0);
    expect(fade[at].category).toBe('historical-hot-spot');
    // Far from any cluster: nothing.
    const inner = new Set(gridDisk(centre, 3));
    const far = cells.findIndex((c) => !inner.has(c)); // four rings out: no cluster in reach
    expect(appear[far].category).toBe('no-pattern');
  });
});

describe('npm run data -- emerging', () => {
  it('classifies each cell of a published incidents file and prints cell,category,trend_z,trend_p', async () => {
    const { runCli } = await import('./run-cli');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const centre = latLngToCell(51.38, 1.38, 7);
    const cells = gridDisk(centre, 3).sort();
    const ring = new Set(gridDisk(centre, 1));
    const periods = Array.from({ length: 12 }, (_, i) => `${2021 + Math.floor(i / 4)}-Q${(i % 4) + 1}`);
    // Published counts (multiples of 5, 10 or more, or [c]); a cluster only in the last quarter.
    const rows = ['cell,period,count'];
    periods.forEach((period, t) =>
      cells.forEach((cell, i) => {
        const base = (i + t) % 3 === 0 ? '[c]' : String(10 + 5 * ((i * 7 + t) % 3));
        rows.push(`${cell},${period},${ring.has(cell) && t === periods.length - 1 ? 200 : base}`);
      }),
    );
    const dir = mkdtempSync(join(tmpdir(), 'atlas-emerging-'));
    writeFileSync(join(dir, 'incidents.csv'), `${rows.join('\n')}\n`);
    const result = runCli(['emerging', join(dir, 'incidents.csv')]);
    expect(result.code).toBe(0);
    const lines = result.out.split('\n');
    expect(lines[0]).toBe('cell,category,trend_z,trend_p');
    expect(lines).toHaveLength(cells.length + 1);
    const byCell = new Map(lines.slice(1).map((l) => [l.split(',')[0], l.split(',')]));
    expect(byCell.get(centre)![1]).toBe('new-hot-spot');
    expect(Number(byCell.get(centre)![2])).toBeGreaterThan(0);
    expect(result.err).toContain(`${cells.length} cells over 12 periods (2021-Q1 to 2023-Q4); k = 1, time step 1`);
    // Options are bounded like every other.
    expect(runCli(['emerging', join(dir, 'incidents.csv'), '--time-step', '99']).err).toContain(
      '--time-step needs a whole number from 0 to 12, got "99"',
    );
  });
});
