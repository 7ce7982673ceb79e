import { useAtlasStore } from '../state/store';
import { describeTotal, emptyTotals, formatCount, shortName } from '../data/format';
import { periodLabel } from '../data/periods';
import type { AreaTotals } from '../data/analysis/aggregate';
import type { Dataset } from '../data/schema';
import { areaTotalsForPeriod, nodeTotals } from '../derive/area-totals';
import { flowNetworkData } from '../derive/flow-network';
import { binLabel } from './hotspot-text';

/** Totals for an area, or for a merged group (e.g. all of London) from the merged network. */
function totalsFor(dataset: Dataset, period: string, id: string): AreaTotals {
  if (!id.startsWith('group:')) return areaTotalsForPeriod(dataset, period).get(id) ?? emptyTotals();
  const index = dataset.periods.indexOf(period);
  const flows = flowNetworkData(dataset, true).network.flows.filter((f) => f.periodIndex === index);
  const node = nodeTotals(flows).find((t) => t.node.id === id);
  const suppressedOut = flows.filter((f) => f.origin === id).reduce((s, f) => s + f.suppressedMembers, 0);
  return {
    inbound: node?.inbound ?? 0,
    outbound: node?.outbound ?? 0,
    suppressedInbound: 0,
    suppressedOutbound: suppressedOut,
  };
}

/** Hover details as plain React text: names from data never reach raw HTML. */
export function Tooltip() {
  const hover = useAtlasStore((s) => s.hover);
  const dataset = useAtlasStore((s) => s.dataset);
  const period = useAtlasStore((s) => s.period);
  if (!hover || !dataset || !period) return null;
  const threshold = dataset.manifest.disclosure.threshold;
  const style = { left: hover.x + 14, top: hover.y + 14 };

  if (hover.kind === 'flow') {
    const { flow } = hover;
    const value =
      flow.count !== null && flow.suppressedMembers > 0
        ? describeTotal(flow.count, flow.suppressedMembers, threshold)
        : formatCount(flow.count, threshold);
    return (
      <div className="tooltip" role="status" data-testid="tooltip" style={style}>
        <div className="tooltip-title">
          {shortName(flow.originNode.name)} → {shortName(flow.destNode.name)}
        </div>
        <div>{periodLabel(flow.period)}</div>
        <div>
          <strong>{value}</strong> {dataset.manifest.flowMeasure}
        </div>
      </div>
    );
  }

  if (hover.kind === 'cell') {
    return (
      <div className="tooltip" role="status" data-testid="tooltip" style={style}>
        <div className="tooltip-title">Incident cell</div>
        <div className="tooltip-code">H3 {hover.cell}</div>
        <div>{periodLabel(period)}</div>
        <div>
          <strong>{formatCount(hover.count, threshold)}</strong> {dataset.manifest.incidentMeasure}
        </div>
        {hover.bin !== undefined && (
          <div>
            Gi*: {binLabel(hover.bin)}
            {hover.z !== undefined && ` (z = ${hover.z.toFixed(2)})`}
          </div>
        )}
      </div>
    );
  }

  const { area } = hover;
  const totals = totalsFor(dataset, period, area.id);
  const code = area.id.startsWith('group:') ? 'all its areas together' : area.id;
  return (
    <div className="tooltip" role="status" data-testid="tooltip" style={style}>
      <div className="tooltip-title">{shortName(area.name)}</div>
      <div className="tooltip-code">
        {code} ·{' '}
        {area.role === 'destination'
          ? 'destination'
          : `origin${area.group && area.group !== area.name ? ` (${area.group})` : ''}`}
      </div>
      <div>{periodLabel(period)}</div>
      <div>In: {describeTotal(totals.inbound, totals.suppressedInbound, threshold)}</div>
      <div>Out: {describeTotal(totals.outbound, totals.suppressedOutbound, threshold)}</div>
    </div>
  );
}
