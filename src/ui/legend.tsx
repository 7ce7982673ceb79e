import { useAtlasStore } from '../state/store';
import { legendSamples, maxFlowCount } from '../data/aggregate';
import { AREA_STYLE, FLOW_STYLE, PALETTE, rgbaCss } from '../map/theme';

/** Key to every mark on the map: widths at sample values, the colour ramp, areas, suppression. */
export function Legend() {
  const dataset = useAtlasStore((s) => s.dataset);
  if (!dataset) return null;
  const { threshold, roundingBase } = dataset.manifest.disclosure;
  const max = maxFlowCount(dataset);
  const pixelsPerUnit = FLOW_STYLE.maxWidthPx / Math.max(1, max);
  return (
    <section className="legend" aria-label="Legend">
      <h2>Legend</h2>
      <h3>Flow width: {dataset.manifest.flowMeasure}</h3>
      <ul className="legend-widths">
        {legendSamples(threshold, max).map((value) => (
          <li key={value}>
            <svg width="56" height="18" aria-hidden="true">
              <line x1="2" x2="54" y1="9" y2="9" stroke={PALETTE.darkBlue} strokeWidth={value * pixelsPerUnit} />
            </svg>
            <span>{value}</span>
          </li>
        ))}
        <li>
          <svg width="56" height="18" aria-hidden="true">
            <line x1="2" x2="54" y1="9" y2="9" stroke={rgbaCss(FLOW_STYLE.suppressed)} strokeWidth={FLOW_STYLE.suppressedWidthPx} />
          </svg>
          <span>fewer than {threshold}: suppressed</span>
        </li>
      </ul>
      <h3>Flow direction</h3>
      <div className="legend-ramp">
        <span>origin</span>
        <span className="ramp" style={{ background: `linear-gradient(to right, ${PALETTE.darkBlue}, ${PALETTE.orange})` }} aria-hidden="true" />
        <span>destination</span>
      </div>
      <p className="legend-note">Arcs bend clockwise from origin to destination.</p>
      <h3>Areas (schematic shapes)</h3>
      <ul className="legend-areas">
        <li>
          <span className="swatch" style={{ background: rgbaCss(AREA_STYLE.origin.fill), borderColor: rgbaCss(AREA_STYLE.origin.line) }} aria-hidden="true" />
          Exporting area (origin)
        </li>
        <li>
          <span className="swatch" style={{ background: rgbaCss(AREA_STYLE.destination.fill), borderColor: rgbaCss(AREA_STYLE.destination.line) }} aria-hidden="true" />
          Destination area
        </li>
      </ul>
      <p className="legend-note">
        Counts under {threshold} are suppressed; the rest are rounded to the nearest {roundingBase}.
      </p>
    </section>
  );
}
