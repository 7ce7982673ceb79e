import { describe, expect, it } from 'vitest';
import { comparability, groupedFor, ungroupedForChange } from '../../src/derive/grouping';
import { sampleDataset } from '../fixtures/sample-dataset';

const dataset = sampleDataset();
const view = { grouping: 'auto' as const, zoom: 6, period: '2019-Q4', minCount: 0 };

describe('the grouping drawn for a view', () => {
  it('groups at national zoom and not at town zoom, whatever the data, outside change mode', () => {
    expect(groupedFor(dataset, view)).toBe(true);
    expect(groupedFor(dataset, { ...view, zoom: 9 })).toBe(false);
    expect(ungroupedForChange(dataset, view)).toBeUndefined();
  });

  it('in change mode, compares areas one by one when grouping would leave a larger share not comparable', () => {
    const change = { ...view, compareWith: '2016-Q4' };
    const grouped = comparability(dataset, true, change)!;
    const separate = comparability(dataset, false, change)!;
    // The sample's London groups hold protected boroughs: grouped, almost no route has a change.
    expect(grouped.notComparable / grouped.routes).toBeGreaterThan(separate.notComparable / separate.routes);
    expect(groupedFor(dataset, change)).toBe(false);
    expect(ungroupedForChange(dataset, change)).toEqual(grouped);
  });

  it("obeys 'grouped' and 'separate' in change mode", () => {
    const change = { ...view, compareWith: '2016-Q4' };
    expect(groupedFor(dataset, { ...change, grouping: 'grouped' })).toBe(true);
    expect(ungroupedForChange(dataset, { ...change, grouping: 'grouped' })).toBeUndefined();
    expect(groupedFor(dataset, { ...change, grouping: 'separate' })).toBe(false);
  });

  it('a comparison with a period the dataset lacks keeps the zoom rule', () => {
    expect(groupedFor(dataset, { ...view, compareWith: '1999-Q1' })).toBe(true);
  });
});
