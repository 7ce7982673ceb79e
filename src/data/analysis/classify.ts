/**
 * Class breaks for choropleths. Natural breaks (Jenks, computed by ckmeans: optimal 1-D k-means)
 * over every period at once, so a colour means the same number in every period.
 */
import { ckmeans } from 'simple-statistics';

/** Upper bounds of each class, ascending; fewer classes when there are fewer distinct values. */
export function naturalBreaks(values: number[], classes: number): number[] {
  const distinct = [...new Set(values.filter(Number.isFinite))];
  if (distinct.length === 0) return [];
  const clusters = ckmeans(values.filter(Number.isFinite), Math.min(classes, distinct.length));
  return clusters.map((cluster) => cluster[cluster.length - 1]);
}

export function classOf(value: number, breaks: number[]): number {
  const i = breaks.findIndex((upper) => value <= upper);
  return i < 0 ? breaks.length - 1 : i;
}
