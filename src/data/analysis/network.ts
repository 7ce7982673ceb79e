/**
 * The flow network the map draws: flows over every period joined to their end points, optionally
 * with origins merged into their exporting area ("all London boroughs" → "London"), ranked within
 * each period. Suppressed values are never summed: a merged flow carries how many suppressed
 * members it has, and is itself suppressed only when none of its members was published.
 */
import { firstOf, indexMap, numbering, typedFrom } from '../arrays';
import type { AreaProperties, Dataset } from '../schema';
import { rankById, sortByColumns } from '../text-order';

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

export interface Network {
  /** End points by id: areas, plus merged groups (id `group:<name>`). */
  nodes: Map<string, AreaProperties>;
  /** For each area id, the node that stands for it (itself, or its group). */
  nodeOf: Map<string, string>;
  flows: NetworkFlow[];
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
  const nodes = new Map<string, AreaProperties>();
  const nodeOf = new Map<string, string>();
  for (const { properties: a } of dataset.areas.features) {
    nodes.set(a.id, a);
    nodeOf.set(a.id, a.id);
  }
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
      for (const m of members) nodeOf.set(m.id, groupNodeId(name));
    }
  }
  const periodIndex = new Map(dataset.periods.map((p, i) => [p, i]));
  // Millions of rows in an opened file: each end point is numbered once (as first met), and a
  // flow's period and end points make one number that finds its merged flow (arrays.ts).
  const endpoint = numbering();
  const rows = dataset.flows.length;
  const rowPeriod = new Int32Array(rows);
  const rowOrigin = new Int32Array(rows);
  const rowDest = new Int32Array(rows);
  dataset.flows.forEach((f, i) => {
    rowPeriod[i] = periodIndex.get(f.period)!;
    rowOrigin[i] = endpoint.id(nodeOf.get(f.origin) ?? f.origin);
    rowDest[i] = endpoint.id(nodeOf.get(f.dest) ?? f.dest);
  });
  const endpoints = endpoint.size;
  const endpointIds = endpoint.texts;
  const flowAt = indexMap(dataset.periods.length * endpoints * endpoints);
  const created = dataset.periods.map((): { flow: NetworkFlow; origin: number; dest: number }[] => []);
  dataset.flows.forEach((f, i) => {
    const period = rowPeriod[i];
    const o = rowOrigin[i];
    const d = rowDest[i];
    const key = (period * endpoints + o) * endpoints + d;
    const at = flowAt.get(key);
    let flow: NetworkFlow;
    if (at < 0) {
      const origin = endpointIds[o];
      const dest = endpointIds[d];
      flow = {
        origin,
        dest,
        period: f.period,
        count: null,
        suppressedMembers: 0,
        originNode: nodes.get(origin)!,
        destNode: nodes.get(dest)!,
        periodIndex: period,
        rank: 0,
      };
      flowAt.set(key, created[period].length);
      created[period].push({ flow, origin: o, dest: d });
    } else flow = created[period][at].flow;
    if (f.count === null) flow.suppressedMembers++;
    else flow.count = (flow.count ?? 0) + f.count;
  });
  const rankOf = rankById(endpointIds);
  // Each period's flows by count (largest first, suppressed last), then origin and destination
  // by id: sorted period by period, so that the keys pack into numbers (text-order.ts).
  const flows: NetworkFlow[] = [];
  for (const list of created) {
    let largest = 0;
    for (const { flow } of list) if (flow.count !== null && flow.count > largest) largest = flow.count;
    const byCount = typedFrom(Float64Array, list, ({ flow }) =>
      flow.count === null ? largest + 1 : largest - flow.count,
    );
    const byOrigin = typedFrom(Float64Array, list, (c) => rankOf[c.origin]);
    const byDest = typedFrom(Float64Array, list, (c) => rankOf[c.dest]);
    for (const { flow } of sortByColumns(list, [byCount, byOrigin, byDest])) flows.push(flow);
  }
  let period = -1;
  let rank = 0;
  for (const flow of flows) {
    rank = flow.periodIndex === period ? rank + 1 : 0;
    period = flow.periodIndex;
    flow.rank = rank;
  }
  return { nodes, nodeOf, flows };
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
  const add = (totals: Map<string, Ranked>, node: AreaProperties, flow: NetworkFlow) => {
    let t = totals.get(node.id);
    if (!t) totals.set(node.id, (t = { id: node.id, name: node.name, total: 0, suppressed: 0 }));
    t.total += flow.count ?? 0;
    t.suppressed += flow.suppressedMembers;
  };
  let total = 0;
  for (const f of flows) {
    total += f.count ?? 0;
    add(origins, f.originNode, f);
    add(destinations, f.destNode, f);
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

/** Published total per period for flows passing `filter` (its own period, if any, ignored): the trend line. */
export function trend(
  network: Network,
  periods: string[],
  filter: Omit<FlowFilter, 'periodIndex'> & { periodIndex?: number },
): { period: string; total: number /** protectedFlowCount of the period's flows. */; suppressed: number }[] {
  // One pass over the flows, each tested against the filter in its own period (a pass per
  // period was 36 × the flows on every period change: most of a change's main-thread time).
  const out = periods.map((period) => ({ period, total: 0, suppressed: 0 }));
  const inPeriod: FlowFilter = { ...filter, periodIndex: 0 };
  for (const flow of network.flows) {
    const bucket = out[flow.periodIndex];
    inPeriod.periodIndex = flow.periodIndex;
    if (!bucket || !passesFilter(flow, inPeriod)) continue;
    bucket.total += flow.count ?? 0;
    bucket.suppressed += flow.suppressedMembers;
  }
  return out;
}
