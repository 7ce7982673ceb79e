/** Text shown to readers. Pure, so the app, exports and the CLI say the same thing. */
import type { AreaTotals } from './analysis/aggregate';

const numberFormat = new Intl.NumberFormat('en-GB');

export function formatCount(count: number | null, threshold: number): string {
  return count === null ? `fewer than ${threshold} (suppressed)` : numberFormat.format(count);
}

/** "120 in, plus 3 suppressed flows" — suppressed flows are counted as flows, never as values. */
export function describeTotal(total: number, suppressedFlows: number, threshold: number): string {
  const published = numberFormat.format(total);
  if (suppressedFlows === 0) return published;
  const plural = suppressedFlows === 1 ? 'flow' : 'flows';
  return `${published} + ${suppressedFlows} ${plural} of fewer than ${threshold}`;
}

export function emptyTotals(): AreaTotals {
  return { inbound: 0, outbound: 0, suppressedInbound: 0, suppressedOutbound: 0 };
}
