import { QUARTER_PATTERN, type Period } from './schema';

/** Sort key: quarters compare as year * 4 + quarter. */
export function periodIndex(period: Period): number {
  const match = QUARTER_PATTERN.exec(period);
  if (!match) throw new Error(`not a quarter: ${period}`);
  return Number(match[1]) * 4 + Number(match[2]) - 1;
}

/** "2024-Q3" → "Jul–Sep 2024 (Q3)": what a reader, not a database, calls it. */
export function periodLabel(period: Period): string {
  const match = QUARTER_PATTERN.exec(period);
  if (!match) return period;
  const months = ['Jan–Mar', 'Apr–Jun', 'Jul–Sep', 'Oct–Dec'][Number(match[2]) - 1];
  return `${months} ${match[1]} (Q${match[2]})`;
}

export function sortPeriods(periods: Iterable<Period>): Period[] {
  return [...new Set(periods)].sort((a, b) => periodIndex(a) - periodIndex(b));
}

/** All quarters from `first` to `last` inclusive. */
export function quarterRange(first: Period, last: Period): Period[] {
  const out: Period[] = [];
  for (let i = periodIndex(first); i <= periodIndex(last); i++) out.push(`${Math.floor(i / 4)}-Q${(i % 4) + 1}`);
  return out;
}
