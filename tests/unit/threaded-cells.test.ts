/**
 * The threaded incident counter (src/cli/threaded-cells.ts) gives exactly the single-threaded
 * counter's cells, with small batches so that both threads and the last partial batch all count;
 * a thread that fails loses no point.
 */
import { randomLcg, randomNormal } from 'd3-random';
import { describe, expect, it } from 'vitest';
import { ThreadedCellCounter } from '../../src/cli/threaded-cells';
import { IncidentCellCounter } from '../../src/data/disclosure/protect';

const settings = { threshold: 10, roundingBase: 5 };
const PERIODS = ['2024-01', '2024-02', '2024-03'];

/** Seeded points around London, as incident records cluster. */
function points(n: number): [number, number, string][] {
  const seed = randomLcg(0.514);
  const normal = randomNormal.source(seed)(0, 0.05);
  return Array.from({ length: n }, (_, i) => [51.5 + normal(), -0.1 + normal() * 1.6, PERIODS[i % 3]]);
}

describe('incident points into cells on worker threads', () => {
  it('counts exactly what one thread counts, over several batches and both threads', async () => {
    const single = new IncidentCellCounter(7);
    const threaded = new ThreadedCellCounter(7, { threads: 2, batchSize: 7_001 });
    for (const [lat, lon, period] of points(60_000)) {
      single.add(lat, lon, period);
      threaded.add(lat, lon, period);
    }
    const expected = single.cells(settings);
    expect(await threaded.cells(settings)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(100);
    expect(expected.filter((c) => c.count !== null).length).toBeGreaterThan(10);
    // Every full batch (8 of 7,001 points) was counted by a thread; the last, partial one here.
    expect(threaded.countedOnThreads).toBe(8 * 7_001);
  });

  it('counts here what a thread that fails was sent: no point is lost', async () => {
    const failing = new URL('data:text/javascript,throw new Error("this thread fails")');
    const threaded = new ThreadedCellCounter(7, { threads: 2, batchSize: 100, workerUrl: failing });
    for (let i = 0; i < 1_000; i++) threaded.add(51.5 + (i % 10) * 0.001, -0.1, '2024-01');
    const cells = await threaded.cells(settings);
    // 100 points at each of ten spots: whichever cells they share, every count is a multiple of 100.
    expect(cells.reduce((sum, c) => sum + (c.count ?? 0), 0)).toBe(1_000);
    expect(threaded.countedOnThreads).toBe(0);
  });

  it('refuses a resolution finer than allowed, as the one-thread counter does', () => {
    expect(() => new ThreadedCellCounter(12)).toThrow(/H3 resolution 12 is not allowed/);
  });
});
