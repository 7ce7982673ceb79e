import { ScatterplotLayer } from '@deck.gl/layers';
import type { NodeTotal } from '../../derive/area-totals';
import { DESK_LOOK, type MapLook } from '../theme';
import { withPicking, type Picking } from '../picking';

/** Circle area ∝ total (radius ∝ √total), so the eye compares sizes fairly. */
export const totalRadius = (total: number, maxTotal: number, maxRadiusPx = 28) =>
  maxTotal > 0 ? Math.sqrt(total / maxTotal) * maxRadiusPx : 0;

const TOTAL_PICKING: Picking<NodeTotal> = {
  toHover: (total) => ({ kind: 'area', area: total.node }),
  toSelection: (total) => total.node.id,
};

export function areaTotalsLayer(totals: NodeTotal[], maxTotal: number, look: MapLook = DESK_LOOK) {
  const style = look.area;
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
        ? [...style.destination.fill.slice(0, 3), 150]
        : [...style.origin.fill.slice(0, 3), 150]) as [number, number, number, number],
    getLineColor: (t) => (t.node.role === 'destination' ? style.destination.line : style.origin.line),
    lineWidthUnits: 'pixels',
    getLineWidth: 1.5,
    parameters: { depthCompare: 'always' },
  });
  return withPicking(layer, TOTAL_PICKING);
}
