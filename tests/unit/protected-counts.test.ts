/**
 * One count of protected flows, wherever it is said: the summary, the table, the alt text, the
 * CSV and the trend chart all say the same number of flows not shown, for every period of the
 * sample, grouped as the national map draws it and not. And the words are true of both kinds of
 * suppression: "not shown (protected)", never "fewer than 10" (a flow hidden to protect another
 * may hold 25).
 */
import { describe, expect, it } from 'vitest';
import { networkFlows, passesFilter, protectedFlowCount, summariseFlows, trend } from '../../src/data/analysis/network';
import { describeTotal, formatCount, PROTECTED } from '../../src/data/format';
import { altText, flowRows, visibleFlows } from '../../src/derive/describe';
import { flowNetworkData } from '../../src/derive/flow-network';
import { flowFilterOf } from '../../src/derive/view-filter';
import { sampleDataset } from '../fixtures/sample-dataset';

const dataset = sampleDataset();

describe('protected flows are counted once, the same way everywhere', () => {
  for (const grouped of [true, false]) {
    it(`every period of the sample, ${grouped ? 'exporting areas grouped' : 'never grouped'}`, () => {
      const { network } = flowNetworkData(dataset, grouped);
      const trendPoints = trend(network, dataset.periods, { minCount: 0, topN: 0 });
      let seen = 0;
      for (const [i, period] of dataset.periods.entries()) {
        const filter = flowFilterOf(dataset, { period, minCount: 0, topN: 0 });
        const flows = visibleFlows(network, filter);
        // The dataset's own rows: each protected row of this period is one flow not shown.
        const rows = dataset.flows.filter((f) => f.period === period && f.count === null).length;
        expect(protectedFlowCount(flows)).toBe(rows);
        const summary = summariseFlows(networkFlows(network).filter((f) => passesFilter(f, filter)));
        expect(summary.suppressedFlows).toBe(rows);
        expect(trendPoints[i].suppressed).toBe(rows);
        const csvColumn = flowRows(flows).reduce((n, r) => n + r.suppressedMembers, 0);
        expect(csvColumn).toBe(rows);
        const alt = altText(dataset, flows, period);
        if (rows === 0) expect(alt).not.toContain(PROTECTED);
        else {
          expect(alt).toContain(`${rows.toLocaleString('en-GB')} flow${rows === 1 ? ' is' : 's are'} ${PROTECTED}`);
          expect(describeTotal(summary.total, summary.suppressedFlows)).toBe(
            `${summary.total.toLocaleString('en-GB')} + ${rows} flow${rows === 1 ? '' : 's'} ${PROTECTED}`,
          );
        }
        expect(alt).not.toMatch(/fewer than/);
        seen += rows;
      }
      // The sample has protected flows to count, so the comparison above compared something.
      expect(seen).toBeGreaterThan(100);
    });
  }

  it('a protected value reads "not shown (protected)", never "fewer than"', () => {
    expect(formatCount(null)).toBe('not shown (protected)');
    expect(describeTotal(1234, 2)).toBe('1,234 + 2 flows not shown (protected)');
    expect(describeTotal(10, 1)).toBe('10 + 1 flow not shown (protected)');
    expect(describeTotal(0, 0)).toBe('0');
  });
});
