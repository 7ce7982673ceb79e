/** Alt text and table rows from fixed inputs: what the map draws, suppressed values never as numbers. */
import { describe, expect, it } from 'vitest';
import { buildNetwork, type NetworkFlow } from '../../src/data/analysis/network';
import { altText, flowRows, visibleFlows } from '../../src/derive/describe';
import { tinyDataset } from '../fixtures/tiny-dataset';
import { sampleDataset } from '../fixtures/sample-dataset';

describe('describing the map', () => {
  const dataset = tinyDataset();
  const network = buildNetwork(dataset, false);
  const q4 = visibleFlows(network, { periodIndex: 1, minCount: 0, topN: 0 });

  it('alt text: kind of map, data, period, the biggest sender and where to, suppression said', () => {
    expect(altText(dataset, q4, '2024-Q4')).toBe(
      'Flow map of active county lines, Oct–Dec 2024 (Q4): Lambeth sends the most lines (40), chiefly to Thanet (40); then Southwark (10). Illustrative data.',
    );
    const q3 = visibleFlows(network, { periodIndex: 0, minCount: 0, topN: 0 });
    expect(altText(dataset, q3, '2024-Q3', 'Thanet')).toBe(
      'Flow map of active county lines, Jul–Sep 2024 (Q3), isolating Thanet: Lambeth sends the most lines (20), chiefly to Thanet (20). 1 flow is not shown (protected): drawn without its number. Illustrative data.',
    );
    expect(altText(dataset, [], '2024-Q3')).toBe(
      'Flow map of active county lines, Jul–Sep 2024 (Q3): no flows of 10 or more. Illustrative data.',
    );
  });

  it('rows: largest first, suppressed last and without a number', () => {
    const q3 = visibleFlows(network, { periodIndex: 0, minCount: 0, topN: 0 });
    expect(flowRows(q3)).toEqual([
      { origin: 'Lambeth', destination: 'Thanet', period: '2024-Q3', count: 20, suppressedMembers: 0 },
      { origin: 'Southwark', destination: 'Thanet', period: '2024-Q3', count: null, suppressedMembers: 1 },
    ]);
  });

  it("the flows on the map come in the network's order, which is the order the rows promise", () => {
    // Largest first, suppressed last, then origin and destination id: visibleFlows relies on
    // buildNetwork's per-period sort and does not sort again.
    const order = (a: NetworkFlow, b: NetworkFlow) =>
      (b.count ?? -1) - (a.count ?? -1) || a.origin.localeCompare(b.origin) || a.dest.localeCompare(b.dest);
    const sample = sampleDataset();
    for (const grouped of [false, true]) {
      const sampleNetwork = buildNetwork(sample, grouped);
      sample.periods.forEach((_, periodIndex) => {
        const shown = visibleFlows(sampleNetwork, { periodIndex, minCount: 0, topN: 0 });
        expect(shown.length).toBeGreaterThan(0);
        expect(shown).toEqual([...shown].sort(order));
      });
    }
  });
});
