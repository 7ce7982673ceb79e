/** `npm run data -- change`: the numbers change mode draws, reproducible outside the map. */
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { sampleDataset } from '../fixtures/sample-dataset';
import { buildNetwork } from '../../src/data/analysis/network';
import { flowChanges } from '../../src/data/analysis/change';
import { choroplethChange } from '../../src/derive/choropleth';
import { datasetForMeasure } from '../../src/derive/measure';
import { runCli } from './run-cli';

const sample = sampleDataset();
const rows = (text: string) => Papa.parse<Record<string, string>>(text, { header: true }).data;

describe('data CLI: change', () => {
  it('routes: each pair as the map classes it, suppressed values never differenced', () => {
    const result = runCli(['change', 'data/sample', '--from', '2016-Q4', '--to', '2019-Q4']);
    expect(result.code, result.err).toBe(0);
    const printed = rows(result.out);
    const expected = flowChanges(
      buildNetwork(sample, true),
      sample.periods.indexOf('2016-Q4'),
      sample.periods.indexOf('2019-Q4'),
      { minCount: 0, topN: 0 },
    );
    expect(printed).toHaveLength(expected.length);
    expect(printed.map((r) => r.kind)).toEqual(expected.map((c) => c.kind));
    expect(printed.map((r) => (r.change === '' ? null : Number(r.change)))).toEqual(expected.map((c) => c.diff));
    for (const row of printed.filter((r) => r.kind === 'not-available')) {
      expect(row.change).toBe('');
      expect([row.base, row.current]).toContain('[c]');
    }
  });

  it('destinations, for a further measure: the choropleth of change, to four decimals', () => {
    const result = runCli([
      'change',
      'data/sample',
      '--from',
      '2016-Q4',
      '--to',
      '2019-Q4',
      '--of',
      'destinations',
      '--measure',
      'referrals',
    ]);
    expect(result.code, result.err).toBe(0);
    const expected = choroplethChange(
      datasetForMeasure(sample, 'referrals'),
      sample.periods.indexOf('2016-Q4'),
      sample.periods.indexOf('2019-Q4'),
    ).changes;
    const printed = rows(result.out);
    expect(printed).toHaveLength(expected.size);
    for (const row of printed) {
      const value = expected.get(row.destination)!;
      if (value === null) expect(row.change).toBe('not available');
      else expect(Number(row.change)).toBeCloseTo(value, 4);
      expect(row.unit).toBe('per 10,000 residents');
    }
  });

  it('says what is wrong with a period, measure or choice it cannot use', () => {
    const bad = [
      [['--from', '2030-Q1', '--to', '2019-Q4'], '--from needs a period of this dataset (2016-Q1 to 2024-Q4)'],
      [
        ['--from', '2016-Q4', '--to', '2019-Q4', '--measure', 'arrests'],
        'not a measure of this dataset (referrals, cuckooing)',
      ],
      [['--from', '2016-Q4', '--to', '2019-Q4', '--of', 'cells'], '--of is routes or destinations'],
      [['--from', '2016-Q4', '--to', '2019-Q4', '--origins', 'merged'], '--origins is grouped or separate'],
    ] as const;
    for (const [args, message] of bad) {
      const result = runCli(['change', 'data/sample', ...args]);
      expect(result.code).toBe(2);
      expect(result.err).toContain(message);
    }
  });
});
