/**
 * Incident cells: each H3 cell's published count this period, in natural-break classes over all
 * periods; suppressed cells grey. (The view's layer name is `hexbin`.)
 */
import { PolygonLayer } from '@deck.gl/layers';
import { classOf } from '../../data/analysis/classify';
import { cellBreaks } from '../../derive/choropleth';
import { drawnColour } from '../key';
import { layerModule } from '../layer-module';
import { withPicking } from '../picking';
import { CELL_COLOURS, hexToRgba, SUPPRESSED_CELL } from '../theme';
import { CELL_PICKING, cellData, cellDots, cellInView, cellOutline, type CellDatum } from './cells';
import { formatNumber } from '../../data/format';

const ALPHA = 220;

const fmt = (v: number) => formatNumber(Math.round(v));

export const incidentCells = layerModule({
  id: 'hexbin',
  drawn: (ctx) => ctx.view.layers.hexbin && ctx.dataset.incidents.length > 0,
  data: (ctx) => ({ cells: cellData(ctx.dataset, ctx.periodIndex), breaks: cellBreaks(ctx.dataset) }),
  layers: ({ cells, breaks }, ctx) => {
    const colourOf = (d: CellDatum) =>
      d.count === null ? SUPPRESSED_CELL : hexToRgba(CELL_COLOURS[classOf(d.count, breaks)], ALPHA);
    return [
      withPicking(
        new PolygonLayer<CellDatum>({
          id: 'incident-cells',
          data: cells,
          pickable: true,
          getPolygon: (d) => d.polygon,
          getFillColor: colourOf,
          getLineColor: [90, 60, 40, 160],
          lineWidthUnits: 'pixels',
          ...cellOutline(ctx.look),
          parameters: { depthCompare: 'always' },
        }),
        CELL_PICKING,
      ),
      // Where a cell is a speck (the opening zoom), a dot in its colour shows where incidents are.
      ...cellDots('incident-cells', cells, ctx.view.zoom, colourOf, ctx.look),
    ];
  },
  key: ({ cells, breaks }, ctx) => {
    const { manifest } = ctx.dataset;
    const used = new Set(
      cells
        .filter((c) => cellInView(ctx.bounds, c.polygon))
        .map((c) => (c.count === null ? -1 : classOf(c.count, breaks))),
    );
    return {
      id: 'hexbin',
      title: `${manifest.incidentMeasure} per cell`,
      rows: [
        ...breaks.map((upper, i) => ({
          kind: 'swatch' as const,
          label: i === 0 ? `up to ${fmt(upper)}` : `${fmt(breaks[i - 1])}–${fmt(upper)}`,
          colour: drawnColour(CELL_COLOURS[i], ctx.look, ALPHA),
          empty: !used.has(i),
        })),
        {
          kind: 'swatch',
          label: `fewer than ${manifest.disclosure.threshold} (suppressed)`,
          colour: drawnColour(SUPPRESSED_CELL, ctx.look),
          empty: !used.has(-1),
        },
        {
          kind: 'note',
          method: true,
          label: `${manifest.incidentMeasure} per H3 cell (resolution ${manifest.h3Resolution}), natural breaks over all periods.`,
        },
      ],
    };
  },
});
