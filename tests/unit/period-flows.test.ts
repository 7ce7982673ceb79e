import { describe, expect, it } from 'vitest';
import { buildNetwork, passesFilter, trend } from '../../src/data/analysis/network';
import { flowsByPeriod, passingFlows, trendFor } from '../../src/derive/period-flows';
import { sampleDataset } from '../fixtures/sample-dataset';

const dataset = sampleDataset();

describe('flows by period', () => {
  for (const grouped of [true, false]) {
    const network = buildNetwork(dataset, grouped);
    it(`a filter passes the same flows as a pass over every flow (${grouped ? 'grouped' : 'one by one'})`, () => {
      expect(flowsByPeriod(network).flat()).toHaveLength(network.flows.length);
      for (const periodIndex of [0, 15, dataset.periods.length - 1])
        for (const filter of [
          { periodIndex, minCount: 0, topN: 0 },
          { periodIndex, minCount: 20, topN: 5 },
          { periodIndex, minCount: 0, topN: 0, focus: { id: network.flows[0].dest, direction: 'in' as const } },
        ])
          expect(passingFlows(network, filter)).toEqual(network.flows.filter((f) => passesFilter(f, filter)));
    });

    it(`the trend is the same whatever period is on screen, and computed once (${grouped ? 'grouped' : 'one by one'})`, () => {
      const filter = { periodIndex: 3, minCount: 10, topN: 0 };
      const first = trendFor(network, dataset.periods, filter);
      expect(first).toEqual(trend(network, dataset.periods, filter));
      expect(trendFor(network, dataset.periods, { ...filter, periodIndex: 20 })).toBe(first);
    });
  }
});
