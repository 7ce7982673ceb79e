/**
 * Emerging hot spots: each incident cell classed by how its hot or cold spot has changed up to
 * the period shown (src/data/analysis/emerging.ts). Cells with no pattern are not drawn, and the
 * key lists only the categories on the map, each with its number of cells.
 */
import { PolygonLayer } from '@deck.gl/layers';
import {
  categoryLabel,
  EMERGING_CATEGORIES,
  EMERGING_MEANINGS,
  type EmergingCategory,
} from '../../data/analysis/emerging-categories';
import { memoize } from '../../derive/memo';
import type { EmergingHotspots } from '../../state/analysis-slices';
import { drawnColour } from '../key';
import { layerModule } from '../layer-module';
import { withPicking, type Picking } from '../picking';
import { EMERGING_COLOURS, hexToRgba } from '../theme';
import { cellDots, cellInView, cellOutline, outline } from './cells';

interface EmergingDatum {
  cell: string;
  category: EmergingCategory;
  z: number[];
  trendZ: number;
  trendP: number;
  polygon: [number, number][];
}

export const EMERGING_ALPHA = 235;
const ALPHA = EMERGING_ALPHA;

/** Emerging cells: the tooltip shows the category, the trend and the z-series as a chart. */
function emergingPicking(periods: string[]): Picking<EmergingDatum> {
  return {
    toHover: ({ cell, category, z, trendZ, trendP }) => ({
      kind: 'emerging',
      cell,
      category,
      z,
      periods,
      trendZ,
      trendP,
    }),
  };
}

/** The cells with a pattern (those with none are left out: the layer shows what is changing or lasting). */
const emergingCells = memoize((result: EmergingHotspots) => {
  const cells: EmergingDatum[] = result.results.flatMap((r, i) =>
    r.category === 'no-pattern'
      ? []
      : [
          {
            cell: result.cells[i],
            category: r.category,
            z: r.z,
            trendZ: r.trendZ,
            trendP: r.trendP,
            polygon: outline(result.cells[i]),
          },
        ],
  );
  return { cells, periods: result.periods };
});

export const emerging = layerModule({
  id: 'emerging',
  drawn: (ctx) => ctx.view.layers.emerging && ctx.emerging !== undefined,
  data: (ctx) => emergingCells(ctx.emerging!),
  layers: ({ cells, periods }, ctx) => [
    withPicking(
      new PolygonLayer<EmergingDatum>({
        id: 'emerging',
        data: cells,
        pickable: true,
        getPolygon: (d) => d.polygon,
        getFillColor: (d) => hexToRgba(EMERGING_COLOURS[d.category], ALPHA),
        getLineColor: [60, 60, 60, 150],
        lineWidthUnits: 'pixels',
        ...cellOutline(ctx.look),
        parameters: { depthCompare: 'always' },
      }),
      emergingPicking(periods),
    ),
    ...cellDots('emerging', cells, ctx.view.zoom, (d) => hexToRgba(EMERGING_COLOURS[d.category], ALPHA), ctx.look),
  ],
  key: ({ cells, periods }, ctx) => {
    const counts = new Map<EmergingCategory, number>();
    const inView = new Set<EmergingCategory>();
    for (const c of cells) {
      counts.set(c.category, (counts.get(c.category) ?? 0) + 1);
      if (cellInView(ctx.bounds, c.polygon)) inView.add(c.category);
    }
    const shown = EMERGING_CATEGORIES.filter((c) => counts.has(c));
    const { view, dataset } = ctx;
    const span = periods.length ? ` from ${periods[0]} to ${periods.at(-1)} (the period shown)` : '';
    return {
      id: 'emerging',
      title: 'Emerging hot and cold spots',
      rows: [
        ...shown.map((c) => {
          const n = counts.get(c)!;
          return {
            kind: 'swatch' as const,
            label: `${categoryLabel(c)} (${n} cell${n === 1 ? '' : 's'}): ${EMERGING_MEANINGS[c]}`,
            colour: drawnColour(EMERGING_COLOURS[c], ctx.look, ALPHA),
            empty: !inView.has(c),
          };
        }),
        ...(shown.length === 0 ? [{ kind: 'note' as const, label: 'No cell shows a pattern up to this period.' }] : []),
        {
          kind: 'note',
          method: true,
          label: `Each incident cell classed by how its hot or cold spot has changed${span}: whether it is one now and in earlier periods (space-time Getis-Ord Gi* over its ring${view.giK === 1 ? '' : 's'} of neighbours in this and the previous period, 90 % confidence${view.giFdr ? ', with false-discovery-rate correction' : ''}), and whether it is getting hotter or colder (Mann–Kendall trend). Suppressed cells counted as ${dataset.manifest.disclosure.threshold / 2}. Cells with no pattern are not drawn; other categories are not on the map.`,
        },
      ],
    };
  },
});
