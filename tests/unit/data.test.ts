import { describe, expect, it } from 'vitest';
import { problemMessages } from './problem-messages';
import { protectCount, isPublishable } from '../../src/data/disclosure/rules';
import { assembleDataset, parseAreas, parseFlowsCsv, parseManifest } from '../../src/data/io/parse';
import { legendSamples } from '../../src/data/analysis/aggregate';
import { describeTotal, formatCount } from '../../src/data/format';
import { periodLabel, quarterRange, sortPeriods } from '../../src/data/periods';
import { tinyDataset } from '../fixtures/tiny-dataset';

describe('disclosure', () => {
  it('suppresses below the threshold and rounds to the base (10-5 rule)', () => {
    const rule = { threshold: 10, roundingBase: 5 };
    expect([0, 1, 9, 10, 12, 13, 27, 102].map((n) => protectCount(n, rule))).toEqual([
      null,
      null,
      null,
      10,
      10,
      15,
      25,
      100,
    ]);
    expect(isPublishable(5, rule)).toBe(false);
    expect(isPublishable(12, rule)).toBe(false);
    expect(isPublishable(null, rule)).toBe(true);
  });
});

describe('parsing published files', () => {
  it('reads flows with suppressed values and a BOM', () => {
    expect(parseFlowsCsv('\uFEFForigin,dest,period,count\nA,B,2024-Q1,15\nA,C,2024-Q1,[c]\n')).toEqual([
      { origin: 'A', dest: 'B', period: '2024-Q1', count: 15 },
      { origin: 'A', dest: 'C', period: '2024-Q1', count: null },
    ]);
  });

  it('names file, row and field for bad counts and periods', () => {
    expect(
      problemMessages(() => parseFlowsCsv('origin,dest,period,count\nA,B,2024-Q1,1.5\nA,B,2024-13,10\n', 'flows.csv')),
    ).toEqual([
      'flows.csv: row 2, field "count": is fractional; counts are whole numbers',
      'flows.csv: row 3, field "period": expected a period such as "2024", "2024-Q3", "2024-07" or "2024-07-15", found "2024-13"',
    ]);
    expect(problemMessages(() => parseFlowsCsv('origin,dest,count\nA,B,10\n', 'f.csv'))[0]).toBe(
      'f.csv: field "period": missing column; found origin, dest, count',
    );
  });

  it('names the feature and its id for bad areas, and rejects invalid JSON', () => {
    const bad = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { id: 'E07000114', name: 'Thanet', role: 'somewhere', centroid: [1, 51] },
          geometry: { type: 'Point', coordinates: [1, 51] },
        },
      ],
    };
    const problems = problemMessages(() => parseAreas(JSON.stringify(bad), 'areas.geojson'));
    expect(
      problems.some((p) =>
        p.startsWith('areas.geojson: feature 0 (E07000114 "Thanet"), field "features.0.properties.role"'),
      ),
    ).toBe(true);
    expect(problemMessages(() => parseAreas('{"type":', 'areas.geojson'))[0]).toBe(
      'areas.geojson: line 1, column 9: is not valid JSON: value expected',
    );
  });

  it('refuses unknown areas and counts that break the disclosure rule', () => {
    const { manifest, areas } = tinyDataset();
    const problems = problemMessages(() =>
      assembleDataset(
        manifest,
        areas,
        [
          { origin: 'E09000022', dest: 'NOWHERE', period: '2024-Q1', count: 10 },
          { origin: 'E09000022', dest: 'E07000114', period: '2024-Q1', count: 7 },
        ],
        [],
      ),
    );
    expect(problems).toEqual([
      'flows.csv: row 2, field "dest": no area has id "NOWHERE" in areas.geojson',
      `flows.csv: row 3, field "count": a count under the threshold (10), which the dataset's disclosure rule suppresses; refused`,
    ]);
  });

  it('a web page where a file should be (a missing file on a single-page host) is said as such', () => {
    const page = '<!doctype html>\n<html lang="en"><head><title>County lines</title></head></html>';
    const missing = 'is not there: the site answered with a web page instead of this file (check its path and name)';
    expect(problemMessages(() => parseManifest(page, 'manifest.json'))).toEqual([`manifest.json: ${missing}`]);
    expect(problemMessages(() => parseFlowsCsv(page, 'flows.csv'))).toEqual([`flows.csv: ${missing}`]);
  });

  it('reads a manifest with defaults and reports missing fields', () => {
    expect(problemMessages(() => parseManifest('{}', 'manifest.json')).length).toBeGreaterThan(3);
  });
});

describe('periods, text and URL state', () => {
  it('orders and labels quarters', () => {
    expect(sortPeriods(['2024-Q1', '2016-Q4', '2024-Q1'])).toEqual(['2016-Q4', '2024-Q1']);
    expect(quarterRange('2023-Q4', '2024-Q2')).toEqual(['2023-Q4', '2024-Q1', '2024-Q2']);
    expect(periodLabel('2024-Q3')).toBe('Jul–Sep 2024 (Q3)');
  });

  it('never prints a suppressed value as a number', () => {
    expect(formatCount(null)).toBe('not shown (protected)');
    expect(describeTotal(1234, 2)).toBe('1,234 + 2 flows not shown (protected)');
    expect(describeTotal(0, 0)).toBe('0');
  });

  it('legend samples start at the threshold and end near the maximum', () => {
    expect(legendSamples(10, 60)).toEqual([10, 20, 60]);
    expect(legendSamples(10, 8)).toEqual([10]);
  });
});
