/** Change between two periods, memoised for the map and the summary (src/data/analysis/change.ts). */
import type { Network } from '../data/analysis/network';
import { flowChanges } from '../data/analysis/change';
import { memoize } from './memo';
import { flowsInPeriod } from './period-flows';

/** Memoised per network, periods and filter (as a key): the map and the summary share it. */
export const memoFlowChanges = memoize((network: Network, baseIndex: number, currentIndex: number, filterKey: string) =>
  flowChanges(network, baseIndex, currentIndex, JSON.parse(filterKey), (p) => flowsInPeriod(network, p)),
);
