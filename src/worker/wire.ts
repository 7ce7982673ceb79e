/**
 * How a result travels from the data worker to the page: as itself, except a dataset's flows,
 * which go as columns whose buffers are transferred and stay columns on the page (flow-columns.ts),
 * with its flow network's columns when the data client merged them (network.ts:
 * withNetworkColumns), so that the page's main thread never merges millions of rows. Packing only
 * moves what is there. `packResult` runs in the worker, `unpackResult` on the page; every method's
 * result passes both, so a new request that returns a dataset travels the same way without naming
 * it here.
 */
import { columnBuffers, datasetOfColumns, type FlowColumns, flowColumnsOf } from '../data/flow-columns';
import { networkBuffers } from '../data/analysis/network';
import type { Dataset } from '../data/schema';

/** A dataset whose flows travel as columns. */
type PackedDataset = Omit<Dataset, 'flows' | 'flowColumns'> & { flows: FlowColumns };

const isDataset = (value: unknown): value is Dataset =>
  typeof value === 'object' &&
  value !== null &&
  // Its columns first: reading `flows` would make them from the columns.
  ((value as Dataset).flowColumns !== undefined || Array.isArray((value as Dataset).flows)) &&
  Array.isArray((value as Dataset).periods) &&
  typeof (value as Dataset).manifest === 'object';

const isPacked = (value: unknown): value is PackedDataset =>
  typeof value === 'object' && value !== null && (value as PackedDataset).flows?.kind === 'flow-columns';

/** Where a result holds a dataset: the result itself, or its `dataset` (LoadedDataset). */
function withDataset(value: unknown, replace: (candidate: unknown) => object | undefined): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const own = replace(value);
  if (own !== undefined) return own;
  const inner = (value as { dataset?: unknown }).dataset;
  const replaced = inner === undefined ? undefined : replace(inner);
  return replaced === undefined ? value : { ...value, dataset: replaced };
}

export function packResult(value: unknown): { message: unknown; transfer: Transferable[] } {
  const transfer: Transferable[] = [];
  const message = withDataset(value, (candidate) => {
    if (!isDataset(candidate)) return undefined;
    const { manifest, areas, incidents, periods } = candidate;
    const flows = flowColumnsOf(candidate);
    transfer.push(...columnBuffers(flows));
    const { networkColumns } = candidate;
    if (!networkColumns) return { manifest, areas, incidents, periods, flows } satisfies PackedDataset;
    const { separate, grouped } = networkColumns;
    transfer.push(...(grouped === separate ? [separate] : [separate, grouped]).flatMap(networkBuffers));
    return { manifest, areas, incidents, periods, networkColumns, flows } satisfies PackedDataset;
  });
  return { message, transfer };
}

export function unpackResult(value: unknown): unknown {
  return withDataset(value, (candidate) =>
    isPacked(candidate) ? datasetOfColumns(candidate, candidate.flows) : undefined,
  );
}
