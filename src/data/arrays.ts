/**
 * Array helpers safe at any length. `target.push(...items)` and `Math.max(...items)` pass every
 * item as a call argument, and engines cap arguments (V8 overflows its stack somewhere past
 * ~100k), so a 200,000-row file used to fail with "Maximum call stack size exceeded".
 */

/** Appends every item to `target` (in place) and returns it. */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest value, or `floor` when there is none or all are smaller. */
export function maxOf(values: Iterable<number>, floor = Number.NEGATIVE_INFINITY): number {
  let max = floor;
  for (const value of values) if (value > max) max = value;
  return max;
}
