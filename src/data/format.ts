/** Text shown to readers. Pure, so the app, exports and the CLI say the same thing. */
import type { AreaTotals } from './analysis/aggregate';

const numberFormat = new Intl.NumberFormat('en-GB');

/**
 * A name cut to `max` characters with an ellipsis: a 10,000-character area name must not fill a
 * tooltip, or overflow the map's label font atlas (WebGL's texture size).
 */
export function shortName(name: string, max = 60): string {
  const clean = name.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '');
  return clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean;
}

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

/** "young people referred" → "Young people referred": a label starting a sentence or a list item. */
export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
