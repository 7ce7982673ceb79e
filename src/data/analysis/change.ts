/**
 * Change between two periods, per origin–destination pair of the network as drawn: growth,
 * decline, new, ended, unchanged — or not available when either value is suppressed (or a merged
 * flow holds suppressed members), because a suppressed count is never differenced into a number.
 */
import { passesFilter, periodFlows, type FlowFilter, type Network, type NetworkFlow } from './network';

export const CHANGE_KINDS = ['new', 'growth', 'same', 'decline', 'ended', 'not-available'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface FlowChange {
  /** The flow in the later period, or the earlier one when the flow ended. */
  flow: NetworkFlow;
  base?: NetworkFlow;
  current?: NetworkFlow;
  kind: ChangeKind;
  /** current − base, null when not available. For new and ended flows: the count gained or lost. */
  diff: number | null;
}

/** A value that may be differenced: published, with no suppressed member hiding inside it. */
const exact = (flow: NetworkFlow | undefined) =>
  flow === undefined ? 0 : flow.count !== null && flow.suppressedMembers === 0 ? flow.count : null;

export function flowChanges(
  network: Network,
  baseIndex: number,
  currentIndex: number,
  filter: Omit<FlowFilter, 'periodIndex'>,
  /** A period's flows: the page passes its own, so a change holds the flows it draws and picks. */
  flowsIn: (periodIndex: number) => NetworkFlow[] = (p) => periodFlows(network, p),
): FlowChange[] {
  const pairs = new Map<string, { base?: NetworkFlow; current?: NetworkFlow }>();
  const inBase: FlowFilter = { ...filter, topN: 0, periodIndex: baseIndex };
  const inCurrent: FlowFilter = { ...filter, topN: 0, periodIndex: currentIndex };
  // The two periods' flows in period order (as the network holds them: ties keep that order).
  const periods = [...new Set([baseIndex, currentIndex])].sort((a, b) => a - b);
  for (const flow of periods.flatMap((p) => flowsIn(p))) {
    const role = passesFilter(flow, inBase) ? 'base' : passesFilter(flow, inCurrent) ? 'current' : undefined;
    if (!role) continue;
    const key = `${flow.origin}\u0000${flow.dest}`;
    const entry = pairs.get(key) ?? {};
    entry[role] = flow;
    pairs.set(key, entry);
  }
  const out: FlowChange[] = [];
  for (const { base, current } of pairs.values()) {
    const before = exact(base);
    const after = exact(current);
    const flow = (current ?? base)!;
    if (before === null || after === null) out.push({ flow, base, current, kind: 'not-available', diff: null });
    else if (!base) out.push({ flow, base, current, kind: 'new', diff: after });
    else if (!current) out.push({ flow, base, current, kind: 'ended', diff: -before });
    else {
      const diff = after - before;
      out.push({ flow, base, current, kind: diff > 0 ? 'growth' : diff < 0 ? 'decline' : 'same', diff });
    }
  }
  // Largest changes first; not available last.
  const size = (c: FlowChange) => (c.diff === null ? -1 : Math.abs(c.diff));
  return out.sort((a, b) => size(b) - size(a));
}
