/**
 * Size limits the whole pipeline shares, each stated once so the importer can refuse a file with
 * a message before the map meets a limit it cannot draw past.
 */

/**
 * The map filters flows on the GPU by one float32 channel holding `period · stride + rank`, where
 * the stride is one more than the most flows in any period. float32 holds integers exactly below
 * 2²⁴, so periods × (most flows in a period) must stay under this.
 */
export const MAX_PERIOD_RANK_SLOTS = 2 ** 24;

/** The most flows one period may hold when a dataset has `periods` periods. */
export function maxFlowsPerPeriod(periods: number): number {
  return Math.floor(MAX_PERIOD_RANK_SLOTS / Math.max(1, periods)) - 1;
}
