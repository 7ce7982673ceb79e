/**
 * Inputs far larger than the sample but well inside the app's 50 MB limit. Each of these once
 * failed or crawled: 200,000 rows overflowed the stack (`push(...rows)`), and 50,000 areas took
 * minutes in secondary suppression, which rebuilt its graph for every suppressed cell.
 * No timing decides these tests; they finish in seconds now and would time out (60 s) before.
 */
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../src/data/io/import';
import { flowmapPair, gridAreas, rawFlows } from '../fixtures/large-inputs';

describe('large inputs', () => {
  it('a flowmap.blue pair with 200,000 flow rows opens (no stack overflow)', () => {
    const { dataset } = importFiles(flowmapPair(1000, 200_000));
    expect(dataset.areas.features).toHaveLength(1000);
    // Repeated pairs are summed into one flow each.
    expect(dataset.flows.length).toBeGreaterThan(150_000);
    expect(dataset.flows.every((f) => f.count === null || f.count >= 10)).toBe(true);
  });

  it('a flows file over a megabyte keeps its delimiter (guessed from its first rows): ; and tab read as ,', () => {
    const [locations, flows] = flowmapPair(500, 100_000);
    const text = new TextDecoder().decode(flows.bytes);
    expect(text.length).toBeGreaterThan(2 ** 20);
    const expected = importFiles([locations, flows]).dataset;
    for (const delimiter of [';', '\t']) {
      const bytes = new TextEncoder().encode(text.replaceAll(',', delimiter));
      expect(importFiles([locations, { name: 'flows.csv', bytes }]).dataset).toEqual(expected);
    }
  });

  it('50,000 areas with 25,000 flows (a sixth under the threshold) open with disclosure control', () => {
    const { dataset, warnings } = importFiles([gridAreas(50_000), rawFlows(25_000, 50_000)]);
    const suppressed = dataset.flows.filter((f) => f.count === null).length;
    expect(suppressed).toBeGreaterThan(3000); // counts 1–9 are 15 % of 25,000
    expect(dataset.flows.every((f) => f.count === null || (f.count >= 10 && f.count % 5 === 0))).toBe(true);
    expect(warnings.map((w) => w.message).join()).toMatch(/areas appear in no flow/);
  });
});
