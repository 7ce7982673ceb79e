/**
 * Further measures (issue 13, item 3): columns `count_<id>` are kept by the importers, each under
 * the same disclosure control as the main count (its own suppression, secondary suppression and
 * rounding), published as columns of flows.csv and named in the manifest.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { protectFlows } from '../../src/data/disclosure/protect';
import type { RawFlow } from '../../src/data/disclosure/raw-flows';
import { disclosureReport, formatDisclosureReport } from '../../src/data/disclosure/report';
import { importFiles } from '../../src/data/io/import';
import { DataError } from '../../src/data/problems';
import { generateSample, SAMPLE_MEASURES } from '../../scripts/sample/generate';
import { runCli } from './run-cli';
import type { Dataset } from '../../src/data/schema';
import { datasetForMeasure } from '../../src/derive/measure';
import { changeClass, choroplethChange } from '../../src/derive/choropleth';
import { tinyDataset } from '../fixtures/tiny-dataset';

const RULE = { threshold: 10, roundingBase: 5 };
const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
const LOCATIONS = 'id,name,lat,lon\nA,Alpha,51.5,-0.1\nB,Beta,51.36,1.38\nC,Gamma,50.3,-5.0\nD,Delta,51.6,-0.3\n';

describe('further measures', () => {
  it('are protected as tables of their own: primary and secondary suppression, rounding', () => {
    // Main counts all publishable; referrals: A→C is 4 (primary), so a cycle A→B, D→B, D→C hides it.
    const raw = [
      { origin: 'A', dest: 'B', period: '2024-Q1', count: 40, measures: { referrals: 22 } },
      { origin: 'A', dest: 'C', period: '2024-Q1', count: 30, measures: { referrals: 4 } },
      { origin: 'D', dest: 'B', period: '2024-Q1', count: 20, measures: { referrals: 31 } },
      { origin: 'D', dest: 'C', period: '2024-Q1', count: 25, measures: { referrals: 12 } },
    ];
    const flows = protectFlows(raw, RULE);
    expect(flows.map((f) => f.count)).toEqual([40, 30, 20, 25]);
    expect(flows.map((f) => f.measures?.referrals)).toEqual([null, null, null, null]);
    const report = disclosureReport({
      manifest: { disclosure: RULE, measures: [{ id: 'referrals', label: 'referrals' }], h3Resolution: 7 },
      flows,
      incidents: [],
    });
    // Only what the published table shows: four `[c]`s, not which were under the threshold.
    expect(report.measures).toEqual([{ id: 'referrals', suppressed: 4 }]);
    expect(formatDisclosureReport(report)).toContain('`referrals`');
  });

  it('sum over duplicate rows, and a missing or suppressed part makes the sum unknown', () => {
    const raw: RawFlow[] = [
      { origin: 'A', dest: 'B', period: '2024-Q1', count: 20, measures: { referrals: 12, cuckooing: 30 } },
      { origin: 'A', dest: 'B', period: '2024-Q1', count: 20, measures: { referrals: 11, cuckooing: null } },
      { origin: 'A', dest: 'C', period: '2024-Q1', count: 20, measures: { referrals: 44 } },
      { origin: 'D', dest: 'B', period: '2024-Q1', count: 20 },
    ];
    const flows = protectFlows(raw, RULE);
    expect(flows.find((f) => f.dest === 'B' && f.origin === 'A')!.measures).toEqual({
      referrals: 25,
      cuckooing: null,
    });
    // A→C has no cuckooing value and D→B none at all: unknown, so never a number.
    expect(flows.find((f) => f.dest === 'C')!.measures!.cuckooing).toBeNull();
    expect(flows.find((f) => f.origin === 'D')!.measures).toEqual({ referrals: null, cuckooing: null });
  });

  it('are read from count_ columns of a raw flows CSV; other columns are still dropped', () => {
    const result = importFiles([
      file('locations.csv', LOCATIONS),
      file(
        'flows.csv',
        'origin,dest,period,count,count_young_people,informant\nA,B,2024-Q1,40,17,Ann\nA,C,2024-Q1,30,23,Bob\n',
      ),
    ]);
    expect(result.dataset.manifest.measures).toEqual([{ id: 'young_people', label: 'young people' }]);
    expect(result.dataset.flows.map((f) => f.measures)).toEqual([{ young_people: 15 }, { young_people: 25 }]);
    expect(result.report!.dropped.map((d) => d.name)).toEqual(['informant']);
  });

  it('a bad measure value is reported with its file, row and column', () => {
    const attempt = () =>
      importFiles([
        file('locations.csv', LOCATIONS),
        file('flows.csv', 'origin,dest,period,count,count_referrals\nA,B,2024-Q1,40,many\n'),
      ]);
    expect(attempt).toThrow(DataError);
    try {
      attempt();
    } catch (error) {
      const [problem] = (error as DataError).problems;
      expect(problem).toMatchObject({ file: 'flows.csv', where: 'row 2', field: 'count_referrals' });
    }
  });

  it('a published measure value under the threshold is refused, naming the column', () => {
    const sample = generateSample();
    const flows = sample['flows.csv'].replace(/^(E\d+,E\d+,2024-Q4,\d+,)\d+,/m, '$13,');
    expect(flows).not.toBe(sample['flows.csv']);
    const attempt = () =>
      importFiles(
        Object.entries({ ...sample, 'flows.csv': flows }).map(([name, text]) => file(name, text)),
        {},
      );
    try {
      attempt();
      expect.unreachable('the file should be refused');
    } catch (error) {
      const problem = (error as DataError).problems.find((p) => p.field === 'count_referrals');
      expect(problem?.message).toBe(
        "a count under the threshold (10), which the dataset's disclosure rule suppresses; refused",
      );
    }
  });

  it('the sample carries two, and the data CLI builds a dataset that keeps them', () => {
    const sample = generateSample();
    expect(JSON.parse(sample['manifest.json']).measures).toEqual(SAMPLE_MEASURES);
    expect(sample['flows.csv'].split('\n')[0]).toBe('origin,dest,period,count,count_referrals,count_cuckooing');
    const dir = mkdtempSync(join(tmpdir(), 'atlas-measures-'));
    writeFileSync(join(dir, 'locations.csv'), LOCATIONS);
    writeFileSync(
      join(dir, 'flows.csv'),
      'origin,dest,count,count_referrals,period\nA,B,40,18,2024-01\nA,C,31,9,2024-01\nD,B,12,14,2024-01\nD,C,22,26,2024-01\n',
    );
    const out = join(dir, 'out');
    const result = runCli(['import-flowmap', join(dir, 'locations.csv'), join(dir, 'flows.csv'), '--out', out]);
    expect(result.code, result.err).toBe(0);
    const written = readFileSync(join(out, 'flows.csv'), 'utf8');
    expect(written.split('\n')[0]).toBe('origin,dest,period,count,count_referrals');
    // A→C's 9 referrals are suppressed, and with them a cycle of three more.
    expect(written).toContain('A,C,2024-01,30,[c]');
    expect(written.match(/,\[c\]\n/g)).toHaveLength(4);
    const names = ['manifest.json', 'areas.geojson', 'flows.csv'];
    const reopened = importFiles(names.map((n) => file(n, readFileSync(join(out, n), 'utf8'))));
    expect(reopened.dataset.manifest.measures).toEqual([{ id: 'referrals', label: 'referrals' }]);
  });
});

describe('the dataset for a measure, and the choropleth of change', () => {
  const withReferrals = (): Dataset => {
    const d = tinyDataset();
    d.manifest.measures = [{ id: 'referrals', label: 'young people referred' }];
    const referrals = [null, 15, 60, null];
    d.flows = d.flows.map((f, i) => ({ ...f, measures: { referrals: referrals[i] } }));
    return d;
  };

  it('makes the chosen measure the count, keeps suppressed values null, and is the same object each time', () => {
    const d = withReferrals();
    const shown = datasetForMeasure(d, 'referrals');
    expect(shown.flows.map((f) => f.count)).toEqual([null, 15, 60, null]);
    expect(shown.manifest.flowMeasure).toBe('young people referred');
    expect(datasetForMeasure(d, 'referrals')).toBe(shown);
    // The main count, or a measure the data lacks: the dataset itself.
    expect(datasetForMeasure(d, undefined)).toBe(d);
    expect(datasetForMeasure(d, 'arrests')).toBe(d);
  });

  it('change per destination counts published flows only, and is not available with none in either period', () => {
    const d = tinyDataset();
    // Thanet (no population: counts): 2024-Q3 published 20 (+1 suppressed), 2024-Q4 published 50.
    expect(choroplethChange(d, 0, 1).changes.get('E07000114')).toBe(30);
    expect(choroplethChange(d, 0, 1).measure).toBe('count');
    const shown = datasetForMeasure(withReferrals(), 'referrals');
    // Referrals: Q3 15 published (the other suppressed), Q4 60 published: +45.
    expect(choroplethChange(shown, 0, 1).changes.get('E07000114')).toBe(45);
    const allSuppressed = { ...d, flows: d.flows.map((f) => ({ ...f, count: null })) };
    expect(choroplethChange(allSuppressed, 0, 1).changes.get('E07000114')).toBeNull();
    const { breaks } = choroplethChange(d, 0, 1);
    expect(breaks).toEqual([-15, -3, 3, 15]);
    expect([-20, -10, 0, 10, 20].map((v) => changeClass(v, breaks))).toEqual([0, 1, 2, 3, 4]);
  });
});
