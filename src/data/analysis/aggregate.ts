/**
 * Per-period views of a dataset: flows joined to their areas, and each area's totals.
 * Suppressed flows are carried as suppressed, never summed as zero or as a guess.
 */
import type { AreaProperties, Dataset, FlowRecord, Period } from '../schema';

export interface AreaTotals {
  /** Sum of published inbound counts. */
  inbound: number;
  /** Sum of published outbound counts. */
  outbound: number;
  /** Number of inbound flows too small to publish: their values are unknown, not zero. */
  suppressedInbound: number;
  suppressedOutbound: number;
}

export function areaIndex(dataset: Dataset): Map<string, AreaProperties> {
  return new Map(dataset.areas.features.map((f) => [f.properties.id, f.properties]));
}

/** Flows of one period, largest first. */
export function flowsForPeriod(dataset: Dataset, period: Period): FlowRecord[] {
  return dataset.flows.filter((f) => f.period === period).sort((a, b) => (b.count ?? 0) - (a.count ?? 0));
}

export function areaTotals(flows: FlowRecord[]): Map<string, AreaTotals> {
  const totals = new Map<string, AreaTotals>();
  const get = (id: string) => {
    let t = totals.get(id);
    if (!t) totals.set(id, (t = { inbound: 0, outbound: 0, suppressedInbound: 0, suppressedOutbound: 0 }));
    return t;
  };
  for (const flow of flows) {
    const out = get(flow.origin);
    const into = get(flow.dest);
    if (flow.count === null) {
      out.suppressedOutbound++;
      into.suppressedInbound++;
    } else {
      out.outbound += flow.count;
      into.inbound += flow.count;
    }
  }
  return totals;
}

/** Rounded legend sample values from the threshold up to the largest count, e.g. [10, 30, 60]. */
export function legendSamples(threshold: number, max: number): number[] {
  if (max <= threshold) return [threshold];
  const nice = (v: number) => {
    const step = v >= 100 ? 50 : v >= 20 ? 10 : 5;
    return Math.max(step, Math.round(v / step) * step);
  };
  return [...new Set([threshold, nice(Math.sqrt(threshold * max)), nice(max)])].sort((a, b) => a - b);
}
