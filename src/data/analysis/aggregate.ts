/**
 * Per-period views of a dataset: flows joined to their areas, and each area's totals.
 * Suppressed flows are carried as suppressed, never summed as zero or as a guess.
 */
import type { FlowColumns } from '../flow-columns';
import type { AreaProperties, Dataset, Period } from '../schema';

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

/** Each area's own totals over the flows of `period`, read from the columns (no object per flow). */
export function areaTotals(flows: FlowColumns, period: Period): Map<string, AreaTotals> {
  const totals = new Map<string, AreaTotals>();
  const get = (id: string) => {
    let t = totals.get(id);
    if (!t) totals.set(id, (t = { inbound: 0, outbound: 0, suppressedInbound: 0, suppressedOutbound: 0 }));
    return t;
  };
  const inPeriod = flows.texts.indexOf(period);
  for (let row = 0; row < flows.length; row++) {
    if (flows.period[row] !== inPeriod) continue;
    const out = get(flows.texts[flows.origin[row]]);
    const into = get(flows.texts[flows.dest[row]]);
    const count = flows.count[row];
    if (Number.isNaN(count)) {
      out.suppressedOutbound++;
      into.suppressedInbound++;
    } else {
      out.outbound += count;
      into.inbound += count;
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
