import { useDeferredValue, useMemo } from 'react';
import { summariseFlows, type Ranked } from '../data/analysis/network';
import { trendFor } from '../derive/period-flows';
import { visibleFlows } from '../derive/describe';
import { describeTotal } from '../data/format';
import { windowIndices } from '../state/analysis-slices';
import { useAtlasStore } from '../state/store';
import { TrendChart } from './trend-chart';
import { memoFlowChanges } from '../derive/flow-change';
import { ungroupedForChange } from '../derive/grouping';
import type { FlowChange } from '../data/analysis/change';
import { shortName } from '../data/format';
import { periodLabel } from '../data/periods';
import { changeText } from './tooltip';
import { useDerived } from './view-derived';

/** Totals for what is on screen, the top five each way, and the trend over the period window. */
export function SummaryPanel() {
  // Deferred: a new dataset or period draws the map and its key first, and the summary in a task
  // of its own just after (for a large file's period, 60 ms of totals and trend). Both values
  // move together, so the summary always describes one state.
  const derived = useDeferredValue(useDerived());
  const periodWindow = useDeferredValue(useAtlasStore((s) => s.periodWindow));
  const summary = useMemo(() => {
    if (!derived) return undefined;
    const { flowData, filter, dataset } = derived;
    // The flows on the map, as the key and the other panels read them (memoised once per change).
    const visible = visibleFlows(flowData.network, filter);
    const [from, to] = windowIndices(dataset.periods, periodWindow);
    return {
      ...summariseFlows(visible),
      trend: trendFor(flowData.network, dataset.periods, filter).slice(from, to + 1),
    };
  }, [derived, periodWindow]);
  if (!derived || !summary) return null;
  const { dataset, view } = derived;
  return (
    <section className="summary" aria-label="Summary" data-testid="summary">
      <h2>Summary</h2>
      <p>
        <strong>{describeTotal(summary.total, summary.suppressedFlows)}</strong> {dataset.manifest.flowMeasure} on the
        map
      </p>
      <div className="top-lists">
        <div>
          <h3>Top origins</h3>
          <RankedList items={summary.topOrigins} />
        </div>
        <div>
          <h3>Top destinations</h3>
          <RankedList items={summary.topDestinations} />
        </div>
      </div>
      {view.compareWith && dataset.periods.includes(view.compareWith) && <ChangeLists />}
      <TrendChart points={summary.trend} current={view.period} label="Published total per period" />
    </section>
  );
}

/** In change mode: the largest increases and decreases between the two periods, by route. */
function ChangeLists() {
  const derived = useDerived();
  const changes = useMemo(() => {
    if (!derived?.view.compareWith) return undefined;
    const { flowData, filter, dataset, view } = derived;
    const { periodIndex, ...rest } = filter;
    return memoFlowChanges(
      flowData.network,
      dataset.periods.indexOf(view.compareWith!),
      periodIndex,
      JSON.stringify(rest),
    );
  }, [derived]);
  if (!derived || !changes) return null;
  const increases = changes.filter((c) => c.diff !== null && c.diff > 0).slice(0, 5);
  const decreases = changes.filter((c) => c.diff !== null && c.diff < 0).slice(0, 5);
  const unknown = changes.filter((c) => c.kind === 'not-available').length;
  const ungrouped = ungroupedForChange(derived.dataset, derived.view);
  return (
    <div className="change-lists" data-testid="change-lists">
      <h3>Change since {periodLabel(derived.view.compareWith!)}</h3>
      <div className="top-lists">
        <ChangeList title="Largest increases" changes={increases} />
        <ChangeList title="Largest decreases" changes={decreases} />
      </div>
      {ungrouped && (
        <p className="muted" data-testid="change-ungrouped">
          Exporting areas are compared one by one: grouped (e.g. all of London), {ungrouped.notComparable} of{' '}
          {ungrouped.routes} routes could not be compared, because a group’s total holds a protected count.
        </p>
      )}
      {unknown > 0 && (
        <p className="muted">
          {unknown} route{unknown === 1 ? '' : 's'}: change not available (a value is protected and never differenced).
        </p>
      )}
    </div>
  );
}

/** Places with their published totals; suppressed flows are counted, never valued. */
export function RankedList({ items }: { items: Ranked[] }) {
  return (
    <ol>
      {items.map((r) => (
        <li key={r.id}>
          {r.name}: {describeTotal(r.total, r.suppressed)}
        </li>
      ))}
    </ol>
  );
}

const route = (c: FlowChange) => `${shortName(c.flow.originNode.name)} → ${shortName(c.flow.destNode.name)}`;

function ChangeList({ title, changes }: { title: string; changes: FlowChange[] }) {
  return (
    <div>
      <h4>{title}</h4>
      <ol>
        {changes.map((c) => (
          <li key={route(c)}>
            {route(c)}: {changeText(c.kind, c.diff)}
          </li>
        ))}
      </ol>
    </div>
  );
}
