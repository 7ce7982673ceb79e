import { describe, expect, it } from 'vitest';
import { buildNetwork, networkFlows, passesFilter, trend, type FlowFilter } from '../../src/data/analysis/network';
import { flowsInPeriod, passingFlows, trendFor } from '../../src/derive/period-flows';
import { sampleDataset } from '../fixtures/sample-dataset';

const dataset = sampleDataset();

describe('flows by period', () => {
  for (const grouped of [true, false]) {
    const network = buildNetwork(dataset, grouped);
    const everyFlow = networkFlows(network);
    const someDest = everyFlow[0].dest;
    const someOrigin = everyFlow[0].origin;
    const filters = (periodIndex: number): FlowFilter[] => [
      { periodIndex, minCount: 0, topN: 0 },
      { periodIndex, minCount: 20, topN: 5 },
      { periodIndex, minCount: 0, topN: 0, focus: { id: someDest, direction: 'in' } },
      { periodIndex, minCount: 0, topN: 3, focus: { id: someOrigin, direction: 'both' } },
      { periodIndex, minCount: 10, topN: 0, focus: { id: someOrigin, direction: 'out' } },
      { periodIndex, minCount: 0, topN: 0, origin: someOrigin, dest: someDest },
      { periodIndex, minCount: 0, topN: 0, origin: 'no-such-area' },
    ];

    it(`a filter passes the same flows as a pass over every flow (${grouped ? 'grouped' : 'one by one'})`, () => {
      expect(dataset.periods.flatMap((_, p) => flowsInPeriod(network, p))).toEqual(everyFlow);
      expect(flowsInPeriod(network, 4)).toBe(flowsInPeriod(network, 4));
      for (const periodIndex of [0, 15, dataset.periods.length - 1])
        for (const filter of filters(periodIndex))
          expect(passingFlows(network, filter)).toEqual(everyFlow.filter((f) => passesFilter(f, filter)));
    });

    it(`the trend on the columns sums what passesFilter passes, period by period (${grouped ? 'grouped' : 'one by one'})`, () => {
      for (const filter of filters(0)) {
        const expected = dataset.periods.map((period, periodIndex) => {
          const passing = everyFlow.filter((f) => passesFilter(f, { ...filter, periodIndex }));
          return {
            period,
            total: passing.reduce((s, f) => s + (f.count ?? 0), 0),
            suppressed: passing.reduce((s, f) => s + f.suppressedMembers, 0),
          };
        });
        expect(trend(network, dataset.periods, filter)).toEqual(expected);
      }
    });

    it(`the trend is the same whatever period is on screen, and computed once (${grouped ? 'grouped' : 'one by one'})`, () => {
      const filter = { periodIndex: 3, minCount: 10, topN: 0 };
      const first = trendFor(network, dataset.periods, filter);
      expect(first).toEqual(trend(network, dataset.periods, filter));
      expect(trendFor(network, dataset.periods, { ...filter, periodIndex: 20 })).toBe(first);
    });
  }
});
