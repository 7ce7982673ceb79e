import { ScatterplotLayer } from '@deck.gl/layers';
import { legendSamples } from '../../data/analysis/aggregate';
import type { FlowFilter, Network } from '../../data/analysis/network';
import { passingFlows } from '../../derive/period-flows';
import { memoize } from '../../derive/memo';
import { pointIn } from '../../data/bounds';
import { maxNodeTotalPerPeriod, nodeTotals, type NodeTotal } from '../../derive/area-totals';
import { DESK_LOOK, type MapLook, type Rgba } from '../theme';
import { drawnColour } from '../key';
import { layerModule } from '../layer-module';
import { withPicking, type Picking } from '../picking';
import { formatNumber } from '../../data/format';

/** Circle area ∝ total (radius ∝ √total), so the eye compares sizes fairly. */
export const totalRadius = (total: number, maxTotal: number, maxRadiusPx = 28) =>
  maxTotal > 0 ? Math.sqrt(total / maxTotal) * maxRadiusPx : 0;

const TOTAL_PICKING: Picking<NodeTotal> = {
  toHover: (total) => ({ kind: 'area', area: total.node }),
  toSelection: (total) => total.node.id,
};

/** The circles' fill: the area's own hue, more opaque than the area under it. */
const circleFill = (look: MapLook, destination: boolean): Rgba =>
  [...(destination ? look.area.destination.fill : look.area.origin.fill).slice(0, 3), 150] as Rgba;

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
    getFillColor: (t) => circleFill(look, t.node.role === 'destination'),
    getLineColor: (t) => (t.node.role === 'destination' ? style.destination.line : style.origin.line),
    lineWidthUnits: 'pixels',
    getLineWidth: 1.5,
    parameters: { depthCompare: 'always' },
  });
  return withPicking(layer, TOTAL_PICKING);
}

const totalsShown = memoize((network: Network, filterKey: string) => {
  const filter = JSON.parse(filterKey) as FlowFilter;
  return { totals: nodeTotals(passingFlows(network, filter)), max: maxNodeTotalPerPeriod(network) };
});

/** Circles sized by each place's published in + out total this period. */
export const areaTotals = layerModule({
  id: 'totals',
  drawn: (ctx) => ctx.view.layers.totals,
  data: (ctx) => totalsShown(ctx.allFlows.network, JSON.stringify(ctx.filter)),
  layers: ({ totals, max }, ctx) => [areaTotalsLayer(totals, max, ctx.look)],
  key: ({ totals: all, max }, ctx) => {
    const { look } = ctx;
    const totals = all.filter((t) => pointIn(ctx.bounds, t.node.centroid));
    const colour = drawnColour(circleFill(look, true), look);
    const outline = drawnColour(look.area.destination.line, look);
    const hasOrigins = totals.some((t) => t.node.role !== 'destination');
    return {
      id: 'totals',
      title: 'Total in + out, this period',
      rows: [
        {
          kind: 'size',
          label: 'circle area: the total',
          colour,
          outline,
          circles: legendSamples(ctx.dataset.manifest.disclosure.threshold, max).map((value) => ({
            value: formatNumber(value),
            radiusPx: Math.max(3, totalRadius(value, max)),
          })),
        },
        {
          kind: 'swatch',
          label: 'a destination’s total',
          colour,
          outline,
          empty: !totals.some((t) => t.node.role === 'destination'),
        },
        {
          kind: 'swatch',
          label: 'an exporting area’s total',
          colour: drawnColour(circleFill(look, false), look),
          outline: drawnColour(look.area.origin.line, look),
          empty: !hasOrigins,
        },
        {
          kind: 'note',
          method: true,
          label: 'Circle area is proportional to the published total; protected flows are not counted.',
        },
      ],
    };
  },
});
