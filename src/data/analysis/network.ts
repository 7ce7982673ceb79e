/**
 * The flow network the map draws: flows over every period joined to their end points, optionally
 * with origins merged into their exporting area ("all London boroughs" → "London"), ranked within
 * each period. Suppressed values are never summed: a merged flow carries how many suppressed
 * members it has, and is itself suppressed only when none of its members was published.
 */
import { appendAll, firstOf, indexMap, maxOf, numbering, typedFrom } from '../arrays';
import { naturalBreaks } from './classify';
import { datasetWith, flowColumnsOf, type FlowColumns } from '../flow-columns';
import type { AreaProperties, Dataset } from '../schema';
import { rankById, sortedOrder } from '../text-order';

export interface NetworkFlow {
  origin: string;
  dest: string;
  period: string;
  /** Sum of published counts; null when every member flow was suppressed. */
  count: number | null;
  /** Member flows whose value is suppressed (fewer than the threshold each). */
  suppressedMembers: number;
  originNode: AreaProperties;
  destNode: AreaProperties;
  /** Index of the period in `dataset.periods`. */
  periodIndex: number;
  /** 0 for the largest flow of its period; suppressed flows rank last. */
  rank: number;
}

/**
 * The merged flows as columns, period by period and each period's largest first: the flows of
 * period p are rows periodStart[p] to periodStart[p + 1] − 1, and a row's rank is its place among
 * them. A file of millions of flows keeps no object per flow; a NetworkFlow is made for the
 * periods something reads (periodFlows).
 */
export interface NetworkColumns {
  readonly size: number;
  readonly periods: readonly string[];
  readonly periodStart: Uint32Array;
  /** End point ids (an area's, or its group's node) by the numbers in `origin` and `dest`. */
  readonly endpoints: readonly string[];
  readonly origin: Uint32Array;
  readonly dest: Uint32Array;
  /** Sum of published counts; NaN when every member flow was suppressed. */
  readonly count: Float64Array;
  readonly suppressedMembers: Uint32Array;
  /** The largest published count in any period: flow widths scale to it. */
  readonly maxCount: number;
  /** Natural breaks of the published counts, for colouring by count. */
  readonly countBreaks: readonly number[];
}

export interface Network {
  /** End points by id: areas, plus merged groups (id `group:<name>`). */
  nodes: Map<string, AreaProperties>;
  /** For each area id, the node that stands for it (itself, or its group). */
  nodeOf: Map<string, string>;
  columns: NetworkColumns;
  /** The node of each end point, by its number in the columns. */
  endpointNodes: AreaProperties[];
}

export const groupNodeId = (group: string) => `group:${group}`;

/** Exporting groups with more than one origin area: those worth merging. */
export function mergeableGroups(dataset: Dataset): Map<string, AreaProperties[]> {
  const groups = new Map<string, AreaProperties[]>();
  for (const { properties: a } of dataset.areas.features) {
    if (a.role === 'destination' || !a.group) continue;
    let members = groups.get(a.group);
    if (!members) groups.set(a.group, (members = []));
    members.push(a);
  }
  for (const [name, members] of groups) if (members.length < 2) groups.delete(name);
  return groups;
}

export function buildNetwork(dataset: Dataset, groupOrigins: boolean): Network {
  const nodes = new Map<string, AreaProperties>(dataset.areas.features.map(({ properties: a }) => [a.id, a]));
  const nodeOf = nodeIds(dataset, groupOrigins);
  if (groupOrigins) {
    for (const [name, members] of mergeableGroups(dataset)) {
      const centroid: [number, number] = [
        members.reduce((s, m) => s + m.centroid[0], 0) / members.length,
        members.reduce((s, m) => s + m.centroid[1], 0) / members.length,
      ];
      const population = members.every((m) => m.population !== undefined)
        ? members.reduce((s, m) => s + m.population!, 0)
        : undefined;
      nodes.set(groupNodeId(name), { id: groupNodeId(name), name, role: 'origin', group: name, centroid, population });
    }
  }
  // Merged in the data worker where the dataset came from it (networkColumns), else here.
  const columns =
    dataset.networkColumns?.[groupOrigins ? 'grouped' : 'separate'] ??
    mergeFlows(flowColumnsOf(dataset), dataset.periods, nodeOf);
  return { nodes, nodeOf, columns, endpointNodes: columns.endpoints.map((id) => nodes.get(id)!) };
}

/** The node standing for each area: itself, or its exporting group's when origins are grouped. */
function nodeIds(dataset: Dataset, groupOrigins: boolean): Map<string, string> {
  const nodeOf = new Map<string, string>();
  for (const { properties: a } of dataset.areas.features) nodeOf.set(a.id, a.id);
  if (groupOrigins)
    for (const [name, members] of mergeableGroups(dataset))
      for (const m of members) nodeOf.set(m.id, groupNodeId(name));
  return nodeOf;
}

/**
 * Both networks' columns, made where the dataset is read (the data worker) so that the page
 * receives them, merged and sorted, instead of merging millions of rows on its main thread. Where
 * no exporting area has more than one origin, grouping changes nothing and both are one.
 */
export function networkColumnsOf(dataset: Dataset): NonNullable<Dataset['networkColumns']> {
  const rows = flowColumnsOf(dataset);
  const separate = mergeFlows(rows, dataset.periods, nodeIds(dataset, false));
  const grouped = groupingMerges(dataset) ? mergeFlows(rows, dataset.periods, nodeIds(dataset, true)) : separate;
  return { separate, grouped };
}

/**
 * `dataset` with both networks merged (networkColumnsOf), as the data worker hands a dataset over:
 * the page then reads them instead of merging millions of rows on its main thread.
 */
export const withNetworkColumns = (dataset: Dataset): Dataset =>
  dataset.networkColumns ? dataset : datasetWith(dataset, { networkColumns: networkColumnsOf(dataset) });

/** Whether grouping origins by exporting area merges anything: only when an area has several origins. */
export const groupingMerges = (dataset: Dataset) => mergeableGroups(dataset).size > 0;

/**
 * The rows merged by period and end points (each end point the node standing for its area), then
 * each period's merged flows sorted by count (largest first, suppressed last), origin and
 * destination by id; ties keep the order first met. All in typed arrays: 2.45 million rows make no
 * object each.
 */
function mergeFlows(rows: FlowColumns, periods: readonly string[], nodeOf: Map<string, string>): NetworkColumns {
  const { texts } = rows;
  const periodIndex = new Map(periods.map((p, i) => [p, i]));
  const periodOfText = typedFrom(Int32Array, texts, (text) => periodIndex.get(text) ?? -1);
  // Each end point is numbered once, as first met, through the text's number in the rows.
  const endpoint = numbering();
  const endpointOfText = new Int32Array(texts.length).fill(-1);
  const endpointOf = (text: number) => {
    if (endpointOfText[text] < 0) endpointOfText[text] = endpoint.id(nodeOf.get(texts[text]) ?? texts[text]);
    return endpointOfText[text];
  };
  const n = rows.length;
  const rowOrigin = new Int32Array(n);
  const rowDest = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    rowOrigin[i] = endpointOf(rows.origin[i]);
    rowDest[i] = endpointOf(rows.dest[i]);
  }
  const endpoints = endpoint.size;
  // A flow's period and end points make one number that finds its merged flow (arrays.ts).
  const flowAt = indexMap(periods.length * endpoints * endpoints);
  const merged = {
    period: new Uint32Array(n),
    origin: new Uint32Array(n),
    dest: new Uint32Array(n),
    count: new Float64Array(n).fill(Number.NaN),
    suppressed: new Uint32Array(n),
  };
  let size = 0;
  for (let i = 0; i < n; i++) {
    const period = periodOfText[rows.period[i]];
    const key = (period * endpoints + rowOrigin[i]) * endpoints + rowDest[i];
    let at = flowAt.get(key);
    if (at < 0) {
      flowAt.set(key, (at = size++));
      merged.period[at] = period;
      merged.origin[at] = rowOrigin[i];
      merged.dest[at] = rowDest[i];
    }
    const count = rows.count[i];
    if (Number.isNaN(count)) merged.suppressed[at]++;
    else merged.count[at] = Number.isNaN(merged.count[at]) ? count : merged.count[at] + count;
  }
  // Where each period's flows start, then each period's flows (in the order met) sorted.
  const periodStart = new Uint32Array(periods.length + 1);
  for (let at = 0; at < size; at++) periodStart[merged.period[at] + 1]++;
  for (let p = 0; p < periods.length; p++) periodStart[p + 1] += periodStart[p];
  const met = new Uint32Array(size);
  const filled = periodStart.slice(0, periods.length);
  for (let at = 0; at < size; at++) met[filled[merged.period[at]]++] = at;
  const rankOf = rankById(endpoint.texts);
  const out = {
    origin: new Uint32Array(size),
    dest: new Uint32Array(size),
    count: new Float64Array(size),
    suppressedMembers: new Uint32Array(size),
  };
  for (let p = 0; p < periods.length; p++) {
    const inPeriod = met.subarray(periodStart[p], periodStart[p + 1]);
    let largest = 0;
    for (const at of inPeriod) if (merged.count[at] > largest) largest = merged.count[at];
    const byCount = new Float64Array(inPeriod.length);
    const byOrigin = new Float64Array(inPeriod.length);
    const byDest = new Float64Array(inPeriod.length);
    inPeriod.forEach((at, k) => {
      const count = merged.count[at];
      byCount[k] = Number.isNaN(count) ? largest + 1 : largest - count;
      byOrigin[k] = rankOf[merged.origin[at]];
      byDest[k] = rankOf[merged.dest[at]];
    });
    const order = sortedOrder(inPeriod.length, [byCount, byOrigin, byDest]);
    for (let k = 0; k < order.length; k++) {
      const at = inPeriod[order[k]];
      const row = periodStart[p] + k;
      out.origin[row] = merged.origin[at];
      out.dest[row] = merged.dest[at];
      out.count[row] = merged.count[at];
      out.suppressedMembers[row] = merged.suppressed[at];
    }
  }
  return {
    size,
    periods,
    periodStart,
    endpoints: endpoint.texts,
    ...out,
    // Made where the network is merged (the data worker, for an opened file): over 2.45 million
    // counts they took the page 0.2 s in the first map's task. Suppressed (NaN) counts are in neither.
    maxCount: maxOf(out.count, 0),
    countBreaks: naturalBreaks(out.count, 5),
  };
}

/** The buffers a NetworkColumns holds, to transfer rather than copy. */
export const networkBuffers = (c: NetworkColumns): ArrayBuffer[] =>
  [c.periodStart, c.origin, c.dest, c.count, c.suppressedMembers].map((array) => array.buffer as ArrayBuffer);

/** The number of merged flows in period `p`. */
export const periodSize = (columns: NetworkColumns, p: number) =>
  p >= 0 && p < columns.periods.length ? columns.periodStart[p + 1] - columns.periodStart[p] : 0;

/** Period `p`'s flows as objects, largest first: new objects each call (derive memoises them). */
export function periodFlows(network: Network, p: number): NetworkFlow[] {
  const c = network.columns;
  const flows: NetworkFlow[] = new Array(periodSize(c, p));
  for (let rank = 0; rank < flows.length; rank++) {
    const row = c.periodStart[p] + rank;
    const count = c.count[row];
    flows[rank] = {
      origin: c.endpoints[c.origin[row]],
      dest: c.endpoints[c.dest[row]],
      period: c.periods[p],
      count: Number.isNaN(count) ? null : count,
      suppressedMembers: c.suppressedMembers[row],
      originNode: network.endpointNodes[c.origin[row]],
      destNode: network.endpointNodes[c.dest[row]],
      periodIndex: p,
      rank,
    };
  }
  return flows;
}

/** Every period's flows as objects, period by period: for tools, tests and small networks. */
export function networkFlows(network: Network): NetworkFlow[] {
  const flows: NetworkFlow[] = [];
  for (let p = 0; p < network.columns.periods.length; p++) appendAll(flows, periodFlows(network, p));
  return flows;
}

export interface FlowFilter {
  periodIndex: number;
  minCount: number;
  origin?: string;
  dest?: string;
  /** Isolate one node's flows. */
  focus?: { id: string; direction: 'in' | 'out' | 'both' };
  /** Show only the N largest flows of the period (0 = all). */
  topN: number;
}

/** The same test the GPU filter applies, for panels and tests. */
export function passesFilter(flow: NetworkFlow, filter: FlowFilter): boolean {
  if (flow.periodIndex !== filter.periodIndex) return false;
  if ((flow.count ?? 0) < filter.minCount) return false;
  if (filter.topN > 0 && flow.rank >= filter.topN) return false;
  if (filter.origin && flow.origin !== filter.origin) return false;
  if (filter.dest && flow.dest !== filter.dest) return false;
  const focus = filter.focus;
  if (
    focus &&
    !((focus.direction !== 'out' && flow.dest === focus.id) || (focus.direction !== 'in' && flow.origin === focus.id))
  )
    return false;
  return true;
}

export interface Ranked {
  id: string;
  name: string;
  total: number;
  suppressed: number;
}

/**
 * How many of the dataset's flows inside `flows` are protected (not shown): every place that says
 * how many flows are not shown (summary, key, table, alt text, CSV, trend) counts with this, so
 * they agree. A merged flow counts each protected member it holds.
 */
export const protectedFlowCount = (flows: readonly NetworkFlow[]): number =>
  flows.reduce((n, f) => n + f.suppressedMembers, 0);

export interface FlowSummary {
  total: number;
  /** The dataset's flows among these that are protected (protectedFlowCount). */
  suppressedFlows: number;
  topOrigins: Ranked[];
  topDestinations: Ranked[];
}

export function summariseFlows(flows: NetworkFlow[], limit = 5): FlowSummary {
  // One pass for both ends and the total (the summary is made again on every period change); the
  // protected count is protectedFlowCount's, so that every place that says it agrees.
  const origins = new Map<string, Ranked>();
  const destinations = new Map<string, Ranked>();
  let total = 0;
  for (const f of flows) {
    const count = f.count ?? 0;
    total += count;
    addToTotal(origins, f.originNode, count, f.suppressedMembers);
    addToTotal(destinations, f.destNode, count, f.suppressedMembers);
  }
  const top = (totals: Map<string, Ranked>) =>
    firstOf(limit, totals.values(), (a, b) => b.total - a.total || a.name.localeCompare(b.name));
  return {
    total,
    suppressedFlows: protectedFlowCount(flows),
    topOrigins: top(origins),
    topDestinations: top(destinations),
  };
}

/** One flow's count into its end's total. A function of its own, not a closure made per summary. */
function addToTotal(totals: Map<string, Ranked>, node: AreaProperties, count: number, suppressed: number): void {
  const t = totals.get(node.id);
  if (t) {
    t.total += count;
    t.suppressed += suppressed;
  } else totals.set(node.id, { id: node.id, name: node.name, total: count, suppressed });
}

/** Published total per period for flows passing `filter` (its own period, if any, ignored): the trend line. */
export function trend(
  network: Network,
  periods: string[],
  filter: Omit<FlowFilter, 'periodIndex'> & { periodIndex?: number },
): { period: string; total: number /** protectedFlowCount of the period's flows. */; suppressed: number }[] {
  // passesFilter on the columns, each period's rows in turn (its top N are its first N rows), the
  // ends compared by number: no object per flow, whatever the file's size.
  const c = network.columns;
  // An end point's number; -1 (any) for no end named, -2 (none) for an end with no flow.
  const numberOf = (id: string) => {
    const number = c.endpoints.indexOf(id);
    return number < 0 ? -2 : number;
  };
  const origin = filter.origin ? numberOf(filter.origin) : -1;
  const dest = filter.dest ? numberOf(filter.dest) : -1;
  const focus = filter.focus && {
    node: numberOf(filter.focus.id),
    into: filter.focus.direction !== 'out',
    out: filter.focus.direction !== 'in',
  };
  return periods.map((period, p) => {
    const bucket = { period, total: 0, suppressed: 0 };
    const size = periodSize(c, p);
    const start = c.periodStart[p];
    const end = start + (filter.topN > 0 ? Math.min(filter.topN, size) : size);
    for (let row = start; row < end; row++) {
      const count = Number.isNaN(c.count[row]) ? 0 : c.count[row];
      if (count < filter.minCount) continue;
      if ((origin !== -1 && c.origin[row] !== origin) || (dest !== -1 && c.dest[row] !== dest)) continue;
      if (focus && !((focus.into && c.dest[row] === focus.node) || (focus.out && c.origin[row] === focus.node)))
        continue;
      bucket.total += count;
      bucket.suppressed += c.suppressedMembers[row];
    }
    return bucket;
  });
}
