import { legendSamples } from '../data/analysis/aggregate';
import { useAtlasStore } from '../state/store';
import { COUNT_COLOURS, GROUP_COLOURS } from '../map/flow-colours';
import { lookFor, rgbaCss } from '../map/theme';
import { useDerived } from './view-derived';
import { Swatch } from './analysis-legend';
import { CHANGE_KINDS, type ChangeKind } from '../data/analysis/change';
import { CHANGE_COLOURS } from '../map/layers/flow-change';
import { periodLabel } from '../data/periods';
import { PROTECTED } from '../data/format';

/** Key to every flow mark: widths at sample values, the colour in use, areas, suppression. */
export function Legend() {
  const derived = useDerived();
  const style = useAtlasStore((s) => s.flowStyle);
  // The same colours and widths as the map: the desk look, or the projector theme while presenting.
  const look = lookFor(
    useAtlasStore((s) => s.presenting),
    useAtlasStore((s) => s.theme),
  );
  const FLOW_STYLE = look.flow;
  const AREA_STYLE = look.area;
  if (!derived) return null;
  const { dataset, flowData, view } = derived;
  const { threshold, roundingBase } = dataset.manifest.disclosure;
  const max = flowData.maxCount;
  // The same scale as the flow layers: the largest flow is FLOW_STYLE.maxWidthPx wide.
  const pixelsPerUnit = FLOW_STYLE.maxWidthPx / Math.max(1, max);
  const swatch = rgbaCss(look.flow.source);
  return (
    <section className="legend" aria-label="Legend" data-testid="legend">
      <h2>Legend</h2>
      {view.compareWith && dataset.periods.includes(view.compareWith) && (
        <ChangeKey from={view.compareWith} to={view.period} />
      )}
      <h3>Flow width: {dataset.manifest.flowMeasure}</h3>
      <ul className="legend-widths">
        {legendSamples(threshold, max).map((value) => (
          <li key={value}>
            <svg width="56" height="18" aria-hidden="true">
              <line
                x1="2"
                x2="54"
                y1="9"
                y2="9"
                stroke={swatch}
                strokeWidth={Math.max(FLOW_STYLE.minWidthPx, value * pixelsPerUnit)}
              />
            </svg>
            <span>{value}</span>
          </li>
        ))}
        <li>
          <svg width="56" height="18" aria-hidden="true">
            <line
              x1="2"
              x2="54"
              y1="9"
              y2="9"
              stroke={rgbaCss(FLOW_STYLE.suppressed)}
              strokeWidth={FLOW_STYLE.suppressedWidthPx}
            />
          </svg>
          <span>{PROTECTED}</span>
        </li>
      </ul>
      {view.flowColour === 'direction' && (
        <>
          <h3>Flow direction</h3>
          <div className="legend-ramp">
            <span>origin</span>
            <span
              className="ramp"
              style={{
                background: `linear-gradient(to right, ${rgbaCss(look.flow.source)}, ${rgbaCss(look.flow.target)})`,
              }}
              aria-hidden="true"
            />
            <span>destination</span>
          </div>
          <p className="legend-note">
            {style === 'curved'
              ? 'Lines bend clockwise and end in an orange arrowhead at the destination.'
              : 'Arcs run from blue at the origin to orange at the destination.'}
          </p>
        </>
      )}
      {view.flowColour === 'group' && (
        <>
          <h3>Exporting area</h3>
          <ul className="legend-areas">
            {flowData.groups.slice(0, 6).map((g, i) => (
              <li key={g}>
                <span
                  className="swatch"
                  style={{ background: rgbaCss(GROUP_COLOURS[i]), borderColor: rgbaCss(GROUP_COLOURS[i]) }}
                  aria-hidden="true"
                />
                {g}
              </li>
            ))}
            {flowData.groups.length > 6 && <li>Others: dark grey</li>}
          </ul>
        </>
      )}
      {view.flowColour === 'count' && (
        <>
          <h3>Count (natural breaks)</h3>
          <ul className="legend-areas">
            {flowData.countBreaks.map((upper, i) => (
              <li key={i}>
                <span
                  className="swatch"
                  style={{ background: rgbaCss(COUNT_COLOURS[i]), borderColor: rgbaCss(COUNT_COLOURS[i]) }}
                  aria-hidden="true"
                />
                {i === 0 ? `up to ${upper}` : `${flowData.countBreaks[i - 1]}–${upper}`}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>Areas (schematic shapes)</h3>
      <ul className="legend-areas">
        <li>
          <span
            className="swatch"
            style={{ background: rgbaCss(AREA_STYLE.origin.fill), borderColor: rgbaCss(AREA_STYLE.origin.line) }}
            aria-hidden="true"
          />
          Exporting area (origin)
        </li>
        <li>
          <span
            className="swatch"
            style={{
              background: rgbaCss(AREA_STYLE.destination.fill),
              borderColor: rgbaCss(AREA_STYLE.destination.line),
            }}
            aria-hidden="true"
          />
          Destination area
        </li>
      </ul>
      <p className="legend-note">
        Counts under {threshold} are not shown, nor any other count a total could give one back from; the rest are
        rounded to the nearest {roundingBase}. Merged flows (e.g. all of London) add published counts only and say how
        many protected flows they also hold. Click an area to isolate its flows.
      </p>
    </section>
  );
}

const CHANGE_MEANINGS: Record<ChangeKind, string> = {
  new: 'new route (none before)',
  growth: 'more than before',
  same: 'no change',
  decline: 'fewer than before',
  ended: 'route ended (none now)',
  'not-available': `not available: a value is ${PROTECTED}, and is never differenced`,
};

/** Change mode's key: what each colour says; widths are the size of the change. */
function ChangeKey({ from, to }: { from: string; to: string }) {
  return (
    <div className="change-key" data-testid="legend-change">
      <h3>
        Change from {periodLabel(from)} to {periodLabel(to)}
      </h3>
      <ul className="classes">
        {CHANGE_KINDS.map((kind) => (
          <li key={kind}>
            <Swatch colour={CHANGE_COLOURS[kind]} />
            <span>{CHANGE_MEANINGS[kind]}</span>
          </li>
        ))}
      </ul>
      <p className="legend-note">
        Line width: the size of the change, on the same scale as the counts below. A merged flow (e.g. all of London)
        that holds a protected member has no exact total, so its change is not available: choose “Never group” under
        Origins to compare single areas.
      </p>
    </div>
  );
}
