import { useAtlasStore } from '../state/store';
import { describeTotal, emptyTotals, formatCount } from '../data/format';
import { periodLabel } from '../data/periods';
import { FLOW_STYLE } from '../map/theme';
import { prepareLayerData } from '../map/layer-data';

/** Hover details as plain React text: names from data never reach raw HTML. */
export function Tooltip() {
  const hover = useAtlasStore((s) => s.hover);
  const dataset = useAtlasStore((s) => s.dataset);
  const period = useAtlasStore((s) => s.period);
  if (!hover || !dataset || !period) return null;
  const threshold = dataset.manifest.disclosure.threshold;
  const measure = dataset.manifest.flowMeasure;
  const style = { left: hover.x + 14, top: hover.y + 14 };

  if (hover.kind === 'flow') {
    const { flow } = hover;
    return (
      <div className="tooltip" role="status" data-testid="tooltip" style={style}>
        <div className="tooltip-title">
          {flow.originArea.name} → {flow.destArea.name}
        </div>
        <div>{periodLabel(flow.period)}</div>
        <div>
          <strong>{formatCount(flow.count, threshold)}</strong> {measure}
        </div>
      </div>
    );
  }

  const { area } = hover;
  const totals = prepareLayerData(dataset, period, FLOW_STYLE.maxWidthPx).totals.get(area.id) ?? emptyTotals();
  return (
    <div className="tooltip" role="status" data-testid="tooltip" style={style}>
      <div className="tooltip-title">{area.name}</div>
      <div className="tooltip-code">
        {area.id} · {area.role === 'destination' ? 'destination' : `origin${area.group ? ` (${area.group})` : ''}`}
      </div>
      <div>{periodLabel(period)}</div>
      <div>In: {describeTotal(totals.inbound, totals.suppressedInbound, threshold)}</div>
      <div>Out: {describeTotal(totals.outbound, totals.suppressedOutbound, threshold)}</div>
    </div>
  );
}
