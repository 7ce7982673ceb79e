import { selectShownDataset, useAtlasStore, type HoverTarget } from '../state/store';
import { capitalise, describeTotal, emptyTotals, formatCount, PROTECTED, shortName } from '../data/format';
import { periodLabel } from '../data/periods';
import type { AreaTotals } from '../data/analysis/aggregate';
import type { Dataset } from '../data/schema';
import { areaTotalsForPeriod, nodeTotals } from '../derive/area-totals';
import { flowNetworkData } from '../derive/flow-network';
import { flowsInPeriod } from '../derive/period-flows';
import { binLabel } from '../data/analysis/gi-bins';
import { categoryLabel, EMERGING_MEANINGS } from '../data/analysis/emerging-categories';
import type { ChangeKind } from '../data/analysis/change';

/** Totals for an area, or for a merged group (e.g. all of London) from the merged network. */
function totalsFor(dataset: Dataset, period: string, id: string): AreaTotals {
  if (!id.startsWith('group:')) return areaTotalsForPeriod(dataset, period).get(id) ?? emptyTotals();
  const index = dataset.periods.indexOf(period);
  const flows = flowsInPeriod(flowNetworkData(dataset, true).network, index);
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
  const dataset = useAtlasStore(selectShownDataset);
  const period = useAtlasStore((s) => s.period);
  if (!hover || !dataset || !period) return null;
  const style = { left: hover.x + 14, top: hover.y + 14 };

  if (hover.kind === 'flow') {
    const { flow } = hover;
    const value =
      flow.count !== null && flow.suppressedMembers > 0
        ? describeTotal(flow.count, flow.suppressedMembers)
        : formatCount(flow.count);
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
          {hover.count === null ? (
            <>
              {capitalise(dataset.manifest.incidentMeasure)}: <strong>suppressed</strong> ({PROTECTED})
            </>
          ) : (
            <>
              <strong>{formatCount(hover.count)}</strong> {dataset.manifest.incidentMeasure}
            </>
          )}
        </div>
        {hover.bin !== undefined && (
          <div>
            {capitalise(binLabel(hover.bin))} (Getis-Ord Gi*{hover.z !== undefined && `, z = ${hover.z.toFixed(2)}`})
          </div>
        )}
      </div>
    );
  }

  if (hover.kind === 'emerging') return <EmergingTooltip hover={hover} style={style} />;

  if (hover.kind === 'change') {
    const { change } = hover;
    const value = (flow: typeof change.base) =>
      flow === undefined ? 'none' : flow.count === null ? PROTECTED : describeTotal(flow.count, flow.suppressedMembers);
    const compareWith = useAtlasStore.getState().compareWith;
    return (
      <div className="tooltip" role="status" data-testid="tooltip" style={style}>
        <div className="tooltip-title">
          {shortName(change.flow.originNode.name)} → {shortName(change.flow.destNode.name)}
        </div>
        <div>
          {compareWith ? periodLabel(compareWith) : 'Before'}: {value(change.base)}
        </div>
        <div>
          {periodLabel(period)}: {value(change.current)}
        </div>
        <div>
          <strong>{changeText(change.kind, change.diff)}</strong>
        </div>
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
      {hover.shaded && (
        <div>
          <strong>{hover.shaded}</strong>
        </div>
      )}
      <div>In: {describeTotal(totals.inbound, totals.suppressedInbound)}</div>
      <div>Out: {describeTotal(totals.outbound, totals.suppressedOutbound)}</div>
    </div>
  );
}

/** An emerging hot-spot cell: its category, what that means, and its Gi* z-score over time. */
function EmergingTooltip({
  hover,
  style,
}: {
  hover: Extract<HoverTarget, { kind: 'emerging' }>;
  style: { left: number; top: number };
}) {
  const { z, periods } = hover;
  const width = 180;
  const height = 54;
  const max = Math.max(3, ...z.map(Math.abs));
  const x = (i: number) => (z.length < 2 ? width / 2 : (i / (z.length - 1)) * width);
  const y = (v: number) => height / 2 - (v / max) * (height / 2 - 3);
  const line = z.map((v, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  return (
    <div className="tooltip" role="status" data-testid="tooltip" style={style}>
      <div className="tooltip-title">{categoryLabel(hover.category)}</div>
      <div>{EMERGING_MEANINGS[hover.category]}</div>
      <div className="tooltip-code">H3 {hover.cell}</div>
      <svg
        width={width}
        height={height}
        role="img"
        aria-label={`Gi* z-score from ${periods[0]} to ${periods.at(-1)}, trend z = ${hover.trendZ.toFixed(2)}`}
        data-testid="emerging-chart"
      >
        {/* The 90 % band: inside it a period is neither hot nor cold. */}
        <rect x={0} y={y(1.65)} width={width} height={y(-1.65) - y(1.65)} fill="#eeeeee" />
        <line x1={0} x2={width} y1={y(0)} y2={y(0)} stroke="#999" strokeWidth={0.5} />
        <path d={line} fill="none" stroke="#333" strokeWidth={1.5} />
      </svg>
      <div>
        {trendWords(hover.trendZ, hover.trendP)} (Mann–Kendall z = {hover.trendZ.toFixed(2)}, p{' '}
        {hover.trendP < 0.001 ? '< 0.001' : `= ${hover.trendP.toFixed(3)}`})
      </div>
      <div className="muted">
        {periodLabel(periods[0])} to {periodLabel(periods.at(-1)!)}
      </div>
    </div>
  );
}

/** The trend test's answer in words first: significant at 90 %, as the categories use it. */
const trendWords = (z: number, p: number) =>
  p >= 0.1 ? 'No clear trend' : z > 0 ? 'Getting hotter over time' : 'Getting colder over time';

/** "+15 (growth)", "new route, 10", "change not available: a value is not shown (protected)". */
export function changeText(kind: ChangeKind, diff: number | null): string {
  if (kind === 'not-available' || diff === null) return `change not available: a value is ${PROTECTED}`;
  if (kind === 'new') return `new route (+${diff})`;
  if (kind === 'ended') return `route ended (${diff})`;
  if (kind === 'same') return 'no change';
  return `${diff > 0 ? '+' : ''}${diff} (${kind})`;
}
