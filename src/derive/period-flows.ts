/**
 * A network's flows grouped by period, once per network: a period change then filters one
 * period's flows (a thirty-sixth of them in the sample's nine years) instead of every flow of every
 * period — most of the page's JavaScript per change at 100,000 flows (bench row c).
 */
import { passesFilter, trend, type FlowFilter, type Network, type NetworkFlow } from '../data/analysis/network';
import { memoize } from './memo';

/** Each period's flows, in the network's order (indexed by period index). */
export const flowsByPeriod = memoize((network: Network): NetworkFlow[][] => {
  const out: NetworkFlow[][] = [];
  for (const flow of network.flows) (out[flow.periodIndex] ??= []).push(flow);
  return out;
}, 2);

/** The flows that pass a filter: its period's flows only, in the network's order. */
export function passingFlows(network: Network, filter: FlowFilter): NetworkFlow[] {
  return (flowsByPeriod(network)[filter.periodIndex] ?? []).filter((f) => passesFilter(f, filter));
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
