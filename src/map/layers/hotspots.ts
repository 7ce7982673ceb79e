/**
 * Getis-Ord Gi* hot and cold spots over the incident cells of this period (computed in the data
 * worker; src/data/analysis/hotspots.ts), in ArcGIS's confidence bins. A suppressed cell reads
 * "suppressed" when hovered: the value imputed for the statistic is never shown as a count.
 */
import { PolygonLayer } from '@deck.gl/layers';
import type { Clustering } from '../../data/analysis/hotspots';
import { memoize } from '../../derive/memo';
import type { HotspotResult } from '../../state/analysis-slices';
import { binLabel } from '../../data/analysis/gi-bins';
import { drawnColour, type KeyRow } from '../key';
import { layerModule } from '../layer-module';
import { withPicking } from '../picking';
import { GI_COLOURS, hexToRgba, type MapLook } from '../theme';
import { CELL_PICKING, cellDots, cellInView, cellOutline, outline } from './cells';

/** A k-ring's neighbours in words (k = 1: the 6 touching cells). */
const NEIGHBOURS: Record<number, string> = { 1: '6 touching', 2: '18 nearest', 3: '36 nearest' };

interface HotspotDatum {
  cell: string;
  count: number | null;
  bin: number;
  z: number;
  polygon: [number, number][];
}

/** Not significant cells recede; on a projector significant ones are filled solid (and ringed). */
const fillAlpha = (bin: number, look: MapLook) =>
  look.cells.ringSignificant ? (bin === 0 ? 40 : 255) : bin === 0 ? 90 : 230;

const BINS = [3, 2, 1, 0, -1, -2, -3];

/** One line on global clustering (Moran's I) over the same cells and rings, or why it is not defined. */
export function clusteringText(clustering: Clustering | undefined): string | undefined {
  if (!clustering) return undefined;
  if (clustering.notDefined || !Number.isFinite(clustering.moranI))
    return `Clustering: not measurable this period (${clustering.notDefined ?? 'Moran’s I is not defined for these cells'}).`;
  const significant = clustering.pSim < 0.05 && clustering.moranI > clustering.expected;
  return `Clustering over all cells this period is ${significant ? 'significant' : 'not significant'}: Moran's I = ${clustering.moranI.toFixed(3)} (expected ${clustering.expected.toFixed(3)} if random), p = ${clustering.pSim.toFixed(3)} from ${clustering.permutations} permutations.`;
}

const hotspotCells = memoize((result: HotspotResult): { result: HotspotResult; cells: HotspotDatum[] } => ({
  result,
  cells: result.cells.map((cell, i) => ({
    cell,
    count: result.counts[i],
    bin: result.bins[i],
    z: result.z[i],
    polygon: outline(cell),
  })),
}));

const significantCells = memoize((cells: HotspotDatum[]) => cells.filter((d) => d.bin !== 0));

export const hotspots = layerModule({
  id: 'hotspots',
  drawn: (ctx) => ctx.view.layers.hotspots && ctx.hotspots !== undefined,
  data: (ctx) => hotspotCells(ctx.hotspots!),
  layers: ({ cells }, ctx) => {
    const { look } = ctx;
    return [
      withPicking(
        new PolygonLayer<HotspotDatum>({
          id: 'hotspots',
          data: cells,
          pickable: true,
          getPolygon: (d) => d.polygon,
          getFillColor: (d) => hexToRgba(GI_COLOURS[d.bin], fillAlpha(d.bin, look)),
          getLineColor: [80, 80, 80, 120],
          lineWidthUnits: 'pixels',
          ...cellOutline(look),
          // On a projector a significant cell is a few pixels wide at national zoom: ring it in
          // its own colour so it reads from the back of the room, and let the rest recede.
          ...(look.cells.ringSignificant
            ? {
                stroked: true,
                getLineColor: (d: HotspotDatum) => hexToRgba(GI_COLOURS[d.bin], d.bin === 0 ? 0 : 255),
                getLineWidth: (d: HotspotDatum) => (d.bin === 0 ? 0 : 3),
              }
            : {}),
          updateTriggers: { getFillColor: [look.cells.ringSignificant] },
          parameters: { depthCompare: 'always' },
        }),
        CELL_PICKING,
      ),
      // Hot and cold spots stay visible at a national zoom; not significant cells do not need to.
      ...cellDots(
        'hotspots',
        significantCells(cells),
        ctx.view.zoom,
        (d) => hexToRgba(GI_COLOURS[d.bin], fillAlpha(d.bin, look)),
        look,
      ),
    ];
  },
  key: ({ result, cells }, ctx) => {
    const { view, look, dataset } = ctx;
    const used = new Set(cells.filter((c) => cellInView(ctx.bounds, c.polygon)).map((c) => c.bin));
    const clustering = clusteringText(result.clustering);
    const rows: KeyRow[] = [
      ...BINS.map((bin) => ({
        kind: 'swatch' as const,
        label: binLabel(bin),
        colour: drawnColour(GI_COLOURS[bin], look, fillAlpha(bin, look)),
        empty: !used.has(bin),
      })),
      {
        kind: 'note',
        method: true,
        label: `Cells where incidents cluster more (hot) or less (cold) than chance would give: each cell and its ${NEIGHBOURS[view.giK] ?? `${view.giK} rings of`} neighbours, compared with the whole map (Getis-Ord Gi*, binary weights, the cell itself included). Suppressed cells counted as ${dataset.manifest.disclosure.threshold / 2}, empty cells as 0. Correction for testing many cells at once (Benjamini–Hochberg false discovery rate): ${view.giFdr ? 'on' : 'off'}.`,
      },
    ];
    if (clustering) rows.push({ kind: 'note', label: clustering });
    return { id: 'hotspots', title: 'Hot and cold spots', rows };
  },
});
