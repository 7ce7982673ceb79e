/**
 * Flows as columns (the data worker's wire format): every flow comes back as it went, suppressed
 * counts and measures included, and the page's flows share one string per place and period.
 */
import { describe, expect, it } from 'vitest';
import { columnBuffers, flowsFromColumns, flowsToColumns } from '../../src/data/flow-columns';
import type { FlowRecord } from '../../src/data/schema';
import { packResult, unpackResult } from '../../src/worker/wire';
import { sampleDataset } from '../fixtures/sample-dataset';

describe('flows as columns', () => {
  it('gives back the sample’s flows exactly, every measure and suppressed value included', () => {
    const { flows } = sampleDataset();
    expect(flows.some((f) => f.count === null)).toBe(true);
    expect(flows.some((f) => f.measures && Object.values(f.measures).includes(null))).toBe(true);
    const columns = flowsToColumns(flows);
    expect(columns.length).toBe(flows.length);
    const back = flowsFromColumns(columns);
    expect(back).toEqual(flows);
    // The same keys in the same order: what a pack or a download writes from them is unchanged.
    expect(JSON.stringify(back)).toBe(JSON.stringify(flows));
  });

  it('keeps a measure absent apart from a measure suppressed, and a flow without measures without them', () => {
    const flows: FlowRecord[] = [
      { origin: 'A', dest: 'B', period: '2024', count: 25, measures: { referrals: null } },
      { origin: 'A', dest: 'C', period: '2024', count: null, measures: { cuckooing: 0 } },
      { origin: 'B', dest: 'C', period: '2023', count: 0 },
      { origin: 'B', dest: 'A', period: '2023', count: 12, measures: {} },
    ];
    const back = flowsFromColumns(flowsToColumns(flows));
    expect(back).toEqual(flows);
    expect(back.map((f) => 'measures' in f)).toEqual([true, true, false, true]);
    expect(back[0].measures).toEqual({ referrals: null });
    expect(back[1].measures).toEqual({ cuckooing: 0 });
  });

  it('names each place and period once, so flows share their strings', () => {
    const flows: FlowRecord[] = Array.from({ length: 1000 }, (_, i) => ({
      origin: `O${i % 7}`,
      dest: `D${i % 11}`,
      period: `20${10 + (i % 3)}`,
      count: i,
    }));
    const columns = flowsToColumns(flows);
    expect(columns.texts).toHaveLength(7 + 11 + 3);
    expect(columnBuffers(columns)).toHaveLength(5);
  });

  it('a dataset result travels as columns with their buffers transferred, and arrives as it left', () => {
    const dataset = sampleDataset();
    const result = { dataset, warnings: [] };
    const { message, transfer } = packResult(result);
    const packed = (message as { dataset: { flows: { kind: string } } }).dataset.flows;
    expect(packed.kind).toBe('flow-columns');
    expect(transfer.length).toBeGreaterThanOrEqual(5);
    // Through a structured clone that moves the buffers, as postMessage does.
    const received = structuredClone(message, { transfer });
    expect(unpackResult(received)).toEqual(result);
    // Anything else goes as it is.
    expect(packResult([1, 2])).toEqual({ message: [1, 2], transfer: [] });
    expect(unpackResult('text')).toBe('text');
  });
});
