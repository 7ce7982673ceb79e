import { useMemo } from 'react';
import { summariseFlows } from '../data/analysis/network';
import { passingFlows, trendFor } from '../derive/period-flows';
import { describeTotal } from '../data/format';
import { periodLabel } from '../data/periods';
import { DIRECTIONS } from '../data/view';
import { useAtlasStore } from '../state/store';
import { TrendChart } from './trend-chart';
import { RankedList } from './summary-panel';
import { useDerived } from './view-derived';

/** The selected area: its flows isolated on the map, its totals, partners and trend here. */
export function SelectionPanel() {
  // With nothing selected the panel is not drawn, and not drawn again as the view changes.
  const selected = useAtlasStore((s) => s.selection !== undefined);
  return selected ? <SelectedArea /> : null;
}

function SelectedArea() {
  const derived = useDerived();
  const selection = useAtlasStore((s) => s.selection);
  const setDirection = useAtlasStore((s) => s.setDirection);
  const clear = useAtlasStore((s) => s.clearSelection);
  const details = useMemo(() => {
    if (!derived || !selection) return undefined;
    const { flowData, filter, dataset } = derived;
    const node = flowData.network.nodes.get(selection.id);
    if (!node) return undefined;
    const base = { ...filter, focus: undefined };
    const inbound = passingFlows(flowData.network, { ...base, focus: { id: selection.id, direction: 'in' } });
    const outbound = passingFlows(flowData.network, { ...base, focus: { id: selection.id, direction: 'out' } });
    return {
      node,
      inbound: summariseFlows(inbound),
      outbound: summariseFlows(outbound),
      trend: trendFor(flowData.network, dataset.periods, filter),
    };
  }, [derived, selection]);
  if (!derived || !selection || !details) return null;
  const { node, inbound, outbound } = details;
  return (
    <section className="selection" aria-label={`Selected area: ${node.name}`} data-testid="selection-panel">
      <h2>{node.name}</h2>
      <p className="tooltip-code">
        {node.id.startsWith('group:') ? 'all its areas together' : node.id} · {periodLabel(derived.view.period)}
      </p>
      <fieldset className="direction">
        <legend>Show flows</legend>
        {DIRECTIONS.map(([d, label]) => (
          <label key={d}>
            <input type="radio" name="direction" checked={selection.direction === d} onChange={() => setDirection(d)} />{' '}
            {label}
          </label>
        ))}
      </fieldset>
      <p data-testid="selection-totals">
        In: <strong>{describeTotal(inbound.total, inbound.suppressedFlows)}</strong>
        <br />
        Out: <strong>{describeTotal(outbound.total, outbound.suppressedFlows)}</strong>
      </p>
      {inbound.topOrigins.length > 0 && (
        <>
          <h3>Where its lines come from</h3>
          <RankedList items={inbound.topOrigins} />
        </>
      )}
      {outbound.topDestinations.length > 0 && (
        <>
          <h3>Where its lines go</h3>
          <RankedList items={outbound.topDestinations} />
        </>
      )}
      <TrendChart
        points={details.trend}
        current={derived.view.period}
        label={`${node.name}, published total per period`}
      />
      <button type="button" onClick={clear}>
        Clear selection (Esc)
      </button>
    </section>
  );
}
