import { describe, expect, it } from 'vitest';
import { buildNetwork, networkFlows, passesFilter, summariseFlows, trend } from '../../src/data/analysis/network';
import { ckmeans } from 'simple-statistics';
import { randomLcg } from 'd3-random';
import { classOf, naturalBreaks, weightedBreaks } from '../../src/data/analysis/classify';
import { choroplethData, cellBreaks } from '../../src/derive/choropleth';
import { hotspotInput } from '../../src/derive/hotspot-input';
import { tinyDataset } from '../fixtures/tiny-dataset';
import { sampleDataset } from '../fixtures/sample-dataset';

describe('network aggregation', () => {
  const dataset = tinyDataset();

  it('groups origins by exporting area: published counts summed, suppressed members counted', () => {
    const network = buildNetwork(dataset, true);
    expect(network.nodeOf.get('E09000022')).toBe('group:London');
    const q4 = networkFlows(network).filter((f) => f.period === '2024-Q4');
    expect(q4).toEqual([
      expect.objectContaining({ origin: 'group:London', dest: 'E07000114', count: 50, suppressedMembers: 0, rank: 0 }),
    ]);
    const q3 = networkFlows(network).find((f) => f.period === '2024-Q3')!;
    expect([q3.count, q3.suppressedMembers]).toEqual([20, 1]);
  });

  it('a merged flow of only suppressed members stays suppressed, never zero', () => {
    const d = tinyDataset();
    d.flows = [
      { origin: 'E09000022', dest: 'E07000114', period: '2024-Q3', count: null },
      { origin: 'E09000028', dest: 'E07000114', period: '2024-Q3', count: null },
    ];
    d.periods = ['2024-Q3'];
    const [flow] = networkFlows(buildNetwork(d, true));
    expect(flow.count).toBeNull();
    expect(flow.suppressedMembers).toBe(2);
  });

  it('ranks within each period and filters by count, top-N and focus', () => {
    const network = buildNetwork(dataset, false);
    const q4 = networkFlows(network).filter((f) => f.periodIndex === 1);
    expect(q4.map((f) => [f.origin, f.rank])).toEqual([
      ['E09000022', 0],
      ['E09000028', 1],
    ]);
    expect(q4.filter((f) => passesFilter(f, { periodIndex: 1, minCount: 20, topN: 0 }))).toHaveLength(1);
    expect(q4.filter((f) => passesFilter(f, { periodIndex: 1, minCount: 0, topN: 1 }))).toHaveLength(1);
    expect(
      q4.filter((f) =>
        passesFilter(f, { periodIndex: 1, minCount: 0, topN: 0, focus: { id: 'E09000028', direction: 'in' } }),
      ),
    ).toHaveLength(0);
    expect(
      q4.filter((f) =>
        passesFilter(f, { periodIndex: 1, minCount: 0, topN: 0, focus: { id: 'E09000028', direction: 'out' } }),
      ),
    ).toHaveLength(1);
  });

  it('merges and ranks the sample exactly as string keys and localeCompare order would (numeric keys are only faster)', () => {
    const sample = sampleDataset();
    for (const grouped of [true, false]) {
      const network = buildNetwork(sample, grouped);
      // The reference: one string key per row, ties broken by id in localeCompare order.
      const merged = new Map<
        string,
        { origin: string; dest: string; period: string; count: number | null; suppressed: number }
      >();
      for (const f of sample.flows) {
        const origin = network.nodeOf.get(f.origin) ?? f.origin;
        const dest = network.nodeOf.get(f.dest) ?? f.dest;
        const key = `${f.period}|${origin}|${dest}`;
        const m = merged.get(key) ?? { origin, dest, period: f.period, count: null, suppressed: 0 };
        merged.set(key, m);
        if (f.count === null) m.suppressed++;
        else m.count = (m.count ?? 0) + f.count;
      }
      const order = (p: string) => sample.periods.indexOf(p);
      const expected = [...merged.values()].sort(
        (a, b) =>
          order(a.period) - order(b.period) ||
          (b.count ?? -1) - (a.count ?? -1) ||
          a.origin.localeCompare(b.origin) ||
          a.dest.localeCompare(b.dest),
      );
      const flows = networkFlows(network);
      expect(flows.map((f) => [f.period, f.origin, f.dest, f.count, f.suppressedMembers])).toEqual(
        expected.map((m) => [m.period, m.origin, m.dest, m.count, m.suppressed]),
      );
      // Many counts tie (published values are rounded to 5), so the id order decides often.
      const ties = flows.filter((f, i) => i > 0 && f.count !== null && f.count === flows[i - 1].count);
      expect(ties.length).toBeGreaterThan(100);
    }
  });

  it('summarises totals, top origins and destinations, and the trend', () => {
    const network = buildNetwork(dataset, false);
    const q3 = networkFlows(network).filter((f) => f.periodIndex === 0);
    const summary = summariseFlows(q3);
    expect(summary.total).toBe(20);
    expect(summary.suppressedFlows).toBe(1);
    expect(summary.topOrigins.map((r) => [r.name, r.total, r.suppressed])).toEqual([
      ['Lambeth', 20, 0],
      ['Southwark', 0, 1],
    ]);
    expect(summary.topDestinations).toEqual([{ id: 'E07000114', name: 'Thanet', total: 20, suppressed: 1 }]);
    expect(trend(network, dataset.periods, { minCount: 0, topN: 0 })).toEqual([
      { period: '2024-Q3', total: 20, suppressed: 1 },
      { period: '2024-Q4', total: 50, suppressed: 0 },
    ]);
  });
});

describe('classification and analysis inputs', () => {
  it('natural breaks separate clear clusters and classOf places values', () => {
    const breaks = naturalBreaks([1, 2, 2, 3, 10, 11, 12, 30, 31], 3);
    expect(breaks).toEqual([3, 12, 31]);
    expect([1, 5, 12, 13, 40].map((v) => classOf(v, breaks))).toEqual([0, 1, 1, 2, 2]);
    expect(naturalBreaks([], 5)).toEqual([]);
  });

  it('natural breaks of many repeated values (weighted, over distinct values) equal ckmeans over every value', () => {
    const random = randomLcg(0.11);
    // Counts like an opened file's: 60,000 values, skewed, rounded to 5, so only dozens distinct.
    const values = Array.from({ length: 60_000 }, () => 5 * Math.round((10 + 400 * random() ** 3) / 5));
    const upper = (clusters: number[][]) => clusters.map((c) => c[c.length - 1]);
    for (const k of [1, 3, 5, 7]) expect(naturalBreaks(values, k)).toEqual(upper(ckmeans(values, k)));
    // The weighted form on its own, against ckmeans of the values it stands for.
    const xs = [1, 2, 4, 8, 9, 15, 16, 30];
    const weights = [3, 1, 5, 2, 2, 1, 4, 2];
    const expanded = xs.flatMap((x, i) => Array<number>(weights[i]).fill(x));
    for (const k of [2, 3, 4, 8]) expect(weightedBreaks(xs, weights, k)).toEqual(upper(ckmeans(expanded, k)));
  });

  it('choropleth uses rates per 10,000 when every destination has a population, from published flows only', () => {
    const d = tinyDataset();
    expect(choroplethData(d).measure).toBe('count');
    const withPopulation = tinyDataset();
    withPopulation.areas.features[2].properties.population = 100_000;
    const data = choroplethData(withPopulation);
    expect(data.measure).toBe('rate');
    expect(data.values.get('E07000114')).toEqual([2, 5]); // 20 and 50 lines per 100,000 people
  });

  it('Gi* input: every cell seen in any period, suppressed imputed as threshold/2 (shown as suppressed), absent as 0', () => {
    const d = tinyDataset();
    d.incidents = [
      { cell: '871f1d489ffffff', period: '2024-Q3', count: 25 },
      { cell: '871f1d48dffffff', period: '2024-Q3', count: null },
      { cell: '871f1d48bffffff', period: '2024-Q4', count: 15 },
    ];
    expect(hotspotInput(d, '2024-Q3')).toEqual({
      cells: ['871f1d489ffffff', '871f1d48bffffff', '871f1d48dffffff'],
      values: [25, 0, 5],
      // What a reader is shown: the imputed 5 is never a count.
      counts: [25, 0, null],
    });
    expect(cellBreaks(d)).toEqual([15, 25]);
  });
});
