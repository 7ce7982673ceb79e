/**
 * Flows as columns (the data worker's wire format): every flow comes back as it went, suppressed
 * counts and measures included, and the page's flows share one string per place and period.
 */
import { describe, expect, it } from 'vitest';
import {
  columnBuffers,
  datasetOfColumns,
  datasetWith,
  flowsFromColumns,
  flowsToColumns,
} from '../../src/data/flow-columns';
import { withMeasureAsCount } from '../../src/data/measures';
import { preflightProblems } from '../../src/data/disclosure/preflight';
import { buildNetwork, networkColumnsOf, networkFlows, withNetworkColumns } from '../../src/data/analysis/network';
import type { Dataset, FlowRecord } from '../../src/data/schema';
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
    // The data client merges the networks; packing moves them, and merges nothing itself.
    const bare = packResult({ dataset, warnings: [] }).message as { dataset: Dataset };
    expect(bare.dataset.networkColumns).toBeUndefined();
    const result = { dataset: withNetworkColumns(dataset), warnings: [] };
    const { message, transfer } = packResult(result);
    const packed = (message as { dataset: { flows: { kind: string } } }).dataset.flows;
    expect(packed.kind).toBe('flow-columns');
    expect(transfer.length).toBeGreaterThanOrEqual(5);
    // Through a structured clone that moves the buffers, as postMessage does.
    const received = unpackResult(structuredClone(message, { transfer })) as typeof result;
    // It keeps the columns, and makes its flows from them only when they are read.
    expect(received.dataset.flowColumns).toEqual(flowsToColumns(dataset.flows));
    // The network arrives merged: the same network as the page would merge from the flows.
    expect(received.dataset.networkColumns).toEqual(networkColumnsOf(dataset));
    for (const grouped of [false, true])
      expect(networkFlows(buildNetwork(received.dataset, grouped))).toEqual(
        networkFlows(buildNetwork(dataset, grouped)),
      );
    expect(Object.getOwnPropertyDescriptor(received.dataset, 'flows')?.get).toBeTypeOf('function');
    expect({
      ...received,
      dataset: { ...received.dataset, flowColumns: undefined, networkColumns: undefined },
    }).toEqual({ ...result, dataset: { ...dataset, networkColumns: undefined } });
    // Replacing a field keeps the flows unmade; another measure as the count stays columns too.
    const withIncidents = datasetWith(received.dataset, { incidents: [] });
    expect(Object.getOwnPropertyDescriptor(withIncidents, 'flows')?.get).toBeTypeOf('function');
    expect(withIncidents.flowColumns).toBe(received.dataset.flowColumns);
    const measure = dataset.manifest.measures[0];
    const byMeasure = withMeasureAsCount(received.dataset, measure);
    expect(byMeasure.flows).toEqual(withMeasureAsCount(dataset, measure).flows);
    // Its network is merged from its own counts, not the main count's network.
    expect(byMeasure.networkColumns).toBeUndefined();
    // Anything else goes as it is.
    expect(packResult([1, 2])).toEqual({ message: [1, 2], transfer: [] });
    expect(unpackResult('text')).toBe('text');
  });

  it('the pre-flight reads a dataset’s columns as it reads its flows, and never makes the flows to do so', () => {
    const dataset = sampleDataset();
    const measure = dataset.manifest.measures[0].id;
    // Two counts that break the rule: one under the threshold, one measure value not rounded.
    dataset.flows[3] = { ...dataset.flows[3], count: 3 };
    dataset.flows[8] = { ...dataset.flows[8], measures: { ...dataset.flows[8].measures, [measure]: 27 } };
    const { manifest, areas, incidents, periods } = dataset;
    const columns = datasetOfColumns({ manifest, areas, incidents, periods }, flowsToColumns(dataset.flows));
    Object.defineProperty(columns, 'flows', {
      get: () => {
        throw new Error('the flows were made');
      },
    });
    const problems = preflightProblems(dataset);
    expect(problems.map((p) => [p.where, p.field])).toEqual([
      ['row 5', 'count'],
      ['row 10', `count_${measure}`],
    ]);
    expect(preflightProblems(columns)).toEqual(problems);
  });
});
