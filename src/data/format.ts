/** Text shown to readers. Pure, so the app, exports and the CLI say the same thing. */
import type { AreaTotals } from './analysis/aggregate';

const numberFormat = new Intl.NumberFormat('en-GB');

/**
 * A number as readers here write it (12,345). One formatter for every call: `toLocaleString('en-GB')`
 * builds a new one each time, a third of a millisecond, and the key calls it on every period change.
 */
export const formatNumber = (n: number): string => numberFormat.format(n);

/**
 * A name cut to `max` characters with an ellipsis: a 10,000-character area name must not fill a
 * tooltip, or overflow the map's label font atlas (WebGL's texture size).
 */
export function shortName(name: string, max = 60): string {
  const clean = name.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '');
  return clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean;
}

/**
 * What a suppressed value is called, wherever it is shown: one wording for a count under the
 * threshold and for one hidden to protect it (secondary suppression). Saying "fewer than 10" of
 * the second kind would be untrue, and saying which kind a value is would tell which are small.
 */
export const PROTECTED = 'not shown (protected)';

export function formatCount(count: number | null): string {
  return count === null ? PROTECTED : numberFormat.format(count);
}

/** "120 + 3 flows not shown (protected)", "1 flow not shown (protected)": protected flows are counted as flows, never as values. */
export function describeTotal(total: number, protectedFlows: number): string {
  const published = numberFormat.format(total);
  if (protectedFlows === 0) return published;
  // "0 + 1 flow not shown" reads as a sum to do: with nothing published, say what there is.
  if (total === 0) return `${protectedFlows} ${protectedFlows === 1 ? 'flow' : 'flows'} ${PROTECTED}`;
  return `${published} + ${protectedFlows} ${protectedFlows === 1 ? 'flow' : 'flows'} ${PROTECTED}`;
}

export function emptyTotals(): AreaTotals {
  return { inbound: 0, outbound: 0, suppressedInbound: 0, suppressedOutbound: 0 };
}

/** "young people referred" → "Young people referred": a label starting a sentence or a list item. */
export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
