import { ScatterplotLayer } from '@deck.gl/layers';
import type { NodeTotal } from '../../derive/area-totals';
import { AREA_STYLE } from '../theme';
import { withPicking, type Picking } from '../picking';

/** Circle area ∝ total (radius ∝ √total), so the eye compares sizes fairly. */
export const totalRadius = (total: number, maxTotal: number, maxRadiusPx = 28) =>
  maxTotal > 0 ? Math.sqrt(total / maxTotal) * maxRadiusPx : 0;

const TOTAL_PICKING: Picking<NodeTotal> = {
  toHover: (total) => ({ kind: 'area', area: total.node }),
  toSelection: (total) => total.node.id,
};

export function areaTotalsLayer(totals: NodeTotal[], maxTotal: number) {
  const layer = new ScatterplotLayer<NodeTotal>({
    id: 'area-totals',
    data: totals,
    pickable: true,
    getPosition: (t) => t.node.centroid,
    getRadius: (t) => Math.max(3, totalRadius(t.inbound + t.outbound, maxTotal)),
    radiusUnits: 'pixels',
    stroked: true,
    getFillColor: (t) =>
      (t.node.role === 'destination'
        ? [...AREA_STYLE.destination.fill.slice(0, 3), 150]
        : [...AREA_STYLE.origin.fill.slice(0, 3), 150]) as [number, number, number, number],
    getLineColor: (t) => (t.node.role === 'destination' ? AREA_STYLE.destination.line : AREA_STYLE.origin.line),
    lineWidthUnits: 'pixels',
    getLineWidth: 1.5,
    parameters: { depthCompare: 'always' },
  });
  return withPicking(layer, TOTAL_PICKING);
}
