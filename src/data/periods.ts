/**
 * Periods are strings whose lexical order is their time order: "2024" (year), "2024-Q3"
 * (quarter), "2024-07" (month), "2024-07-15" (day), or "all" — the single period of data that has
 * no time column (one snapshot). One dataset uses one granularity.
 */
export type Granularity = 'all' | 'year' | 'quarter' | 'month' | 'day';

const PATTERNS: Record<Granularity, RegExp> = {
  all: /^all$/,
  year: /^(\d{4})$/,
  quarter: /^(\d{4})-Q([1-4])$/,
  month: /^(\d{4})-(0[1-9]|1[0-2])$/,
  day: /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
};

export const GRANULARITIES = Object.keys(PATTERNS) as Granularity[];

export const PERIOD_EXAMPLES: Record<Granularity, string> = {
  all: 'all',
  year: '2024',
  quarter: '2024-Q3',
  month: '2024-07',
  day: '2024-07-15',
};

export function granularityOf(period: string): Granularity | undefined {
  return GRANULARITIES.find((g) => PATTERNS[g].test(period));
}

export function isPeriod(value: string, granularity?: Granularity): boolean {
  return granularity ? PATTERNS[granularity].test(value) : granularityOf(value) !== undefined;
}

/**
 * Reads a flowmap.blue `time` (YYYY, YYYY-MM, YYYY-MM-DD, optionally with " HH:MM[:SS]") and quarter
 * strings. A clock time is dropped (flows are counted per day at finest): `truncated` says so.
 */
export function normaliseTime(value: string): { period: string; truncated: boolean } | undefined {
  const text = value.trim();
  const clock = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(:\d{2})?$/.exec(text);
  if (clock && isPeriod(clock[1], 'day') && Number(clock[2]) < 24 && Number(clock[3]) < 60)
    return { period: clock[1], truncated: true };
  return isPeriod(text) ? { period: text, truncated: false } : undefined;
}

/** Sort key for quarters: year * 4 + quarter − 1. */
export function periodIndex(period: string): number {
  const match = PATTERNS.quarter.exec(period);
  if (!match) throw new Error(`not a quarter: ${period}`);
  return Number(match[1]) * 4 + Number(match[2]) - 1;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** What a reader, not a database, calls a period: "Jul–Sep 2024 (Q3)", "Jul 2024", "15 Jul 2024". */
export function periodLabel(period: string): string {
  const g = granularityOf(period);
  const m = g && PATTERNS[g].exec(period);
  if (!g || !m) return period;
  if (g === 'all') return 'All periods';
  if (g === 'quarter') return `${['Jan–Mar', 'Apr–Jun', 'Jul–Sep', 'Oct–Dec'][Number(m[2]) - 1]} ${m[1]} (Q${m[2]})`;
  if (g === 'month') return `${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  if (g === 'day') return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  return period;
}

export function sortPeriods(periods: Iterable<string>): string[] {
  return [...new Set(periods)].sort();
}

/** All quarters from `first` to `last` inclusive. */
export function quarterRange(first: string, last: string): string[] {
  const out: string[] = [];
  for (let i = periodIndex(first); i <= periodIndex(last); i++) out.push(`${Math.floor(i / 4)}-Q${(i % 4) + 1}`);
  return out;
}
