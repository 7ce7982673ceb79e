import { useMemo } from 'react';
import { passesFilter, summariseFlows, trend, type Ranked } from '../data/analysis/network';
import { describeTotal } from '../data/format';
import { windowIndices } from '../state/analysis-slices';
import { useAtlasStore } from '../state/store';
import { TrendChart } from './trend-chart';
import { useDerived } from './view-derived';

/** Totals for what is on screen, the top five each way, and the trend over the period window. */
export function SummaryPanel() {
  const derived = useDerived();
  const periodWindow = useAtlasStore((s) => s.periodWindow);
  const summary = useMemo(() => {
    if (!derived) return undefined;
    const { flowData, filter, dataset } = derived;
    const visible = flowData.network.flows.filter((f) => passesFilter(f, filter));
    const [from, to] = windowIndices(dataset.periods, periodWindow);
    return { ...summariseFlows(visible), trend: trend(flowData.network, dataset.periods, filter).slice(from, to + 1) };
  }, [derived, periodWindow]);
  if (!derived || !summary) return null;
  const { dataset, view } = derived;
  const threshold = dataset.manifest.disclosure.threshold;
  return (
    <section className="summary" aria-label="Summary" data-testid="summary">
      <h2>Summary</h2>
      <p>
        <strong>{describeTotal(summary.total, summary.suppressedFlows, threshold)}</strong>{' '}
        {dataset.manifest.flowMeasure} on the map
      </p>
      <div className="top-lists">
        <div>
          <h3>Top origins</h3>
          <RankedList items={summary.topOrigins} threshold={threshold} />
        </div>
        <div>
          <h3>Top destinations</h3>
          <RankedList items={summary.topDestinations} threshold={threshold} />
        </div>
      </div>
      <TrendChart points={summary.trend} current={view.period} label="Published total per period" />
    </section>
  );
}

/** Places with their published totals; suppressed flows are counted, never valued. */
export function RankedList({ items, threshold }: { items: Ranked[]; threshold: number }) {
  return (
    <ol>
      {items.map((r) => (
        <li key={r.id}>
          {r.name}: {describeTotal(r.total, r.suppressed, threshold)}
        </li>
      ))}
    </ol>
  );
}
