/**
 * A network's flows as objects, made period by period as something reads them and then kept for
 * the network's life (the same object for a flow wherever it is read): a period change filters one
 * period's flows (a thirty-sixth of them in the sample's nine years) instead of every flow of every
 * period, and a file of millions of flows makes objects only for the periods looked at.
 */
import {
  passesFilter,
  periodFlows,
  trend,
  type FlowFilter,
  type Network,
  type NetworkFlow,
} from '../data/analysis/network';
import { memoize } from './memo';

/** Period `periodIndex`'s flows, in the network's order (largest first). */
export const flowsInPeriod = memoize(
  (network: Network, periodIndex: number): NetworkFlow[] => periodFlows(network, periodIndex),
  Number.POSITIVE_INFINITY,
);

/** The flows that pass a filter: its period's flows only, in the network's order. */
export function passingFlows(network: Network, filter: FlowFilter): NetworkFlow[] {
  return flowsInPeriod(network, filter.periodIndex).filter((f) => passesFilter(f, filter));
}

/**
 * The trend line's totals for a filter, whatever period is on screen: memoised without the
 * period, so stepping through periods does not recount every flow.
 */
export const periodTrend = memoize((network: Network, periodsKey: string, filterKey: string) =>
  trend(network, periodsKey.split(','), JSON.parse(filterKey)),
);

/** `periodTrend` for a filter of the view (its period dropped from the key). */
export function trendFor(network: Network, periods: string[], filter: FlowFilter) {
  const { periodIndex: _shown, ...rest } = filter;
  return periodTrend(network, periods.join(','), JSON.stringify(rest));
}
