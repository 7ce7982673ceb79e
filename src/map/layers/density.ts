/**
 * The density view: published incident cells smoothed on screen (deck.gl's Gaussian heatmap,
 * which changes with zoom). It shows where incidents concentrate; it is not a hot spot statistic.
 */
import { HeatmapLayer } from '@deck.gl/aggregation-layers';
import { cellToLatLng } from 'h3-js';
import { layerModule } from '../layer-module';
import { DENSITY_COLOURS, hexToRgba } from '../theme';
import { cellData, type CellDatum } from './cells';

export const density = layerModule({
  id: 'density',
  drawn: (ctx) => ctx.view.layers.density && ctx.dataset.incidents.length > 0,
  data: (ctx) => cellData(ctx.dataset, ctx.periodIndex).filter((d) => d.count !== null),
  layers: (points) => [
    new HeatmapLayer<CellDatum>({
      id: 'density',
      data: points,
      getPosition: (d) => {
        const [lat, lng] = cellToLatLng(d.cell);
        return [lng, lat];
      },
      getWeight: (d) => d.count!,
      radiusPixels: 35,
      intensity: 1,
      threshold: 0.05,
      colorRange: DENSITY_COLOURS.map((hex) => hexToRgba(hex).slice(0, 3) as [number, number, number]),
    }),
  ],
  key: () => ({
    id: 'density',
    title: 'Density of incidents',
    rows: [
      { kind: 'ramp', label: 'fewer to more incidents nearby', colours: DENSITY_COLOURS, ends: ['fewer', 'more'] },
      {
        kind: 'note',
        method: true,
        label:
          'Incident cells smoothed on screen (Gaussian, changes with zoom). It shows where incidents concentrate; it is not a statistical hot spot. Suppressed cells are left out.',
      },
    ],
  }),
});
