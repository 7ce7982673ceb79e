/**
 * The analysis layers, loaded on first use: destination choropleth, incident cells (H3 hexagons),
 * the density view and Gi* hot spots. Cell outlines come from h3-js; nothing here is a point.
 */
import type { Layer } from '@deck.gl/core';
import { GeoJsonLayer, PolygonLayer } from '@deck.gl/layers';
import { HeatmapLayer } from '@deck.gl/aggregation-layers';
import { cellToBoundary, cellToLatLng } from 'h3-js';
import { classOf } from '../data/analysis/classify';
import type { AreaFeature, Dataset } from '../data/schema';
import type { EmergingHotspots, HotspotResult } from '../state/analysis-slices';
import type { EmergingCategory } from '../data/analysis/emerging-categories';
import type { LayerName } from '../data/view';
import { cellBreaks, changeClass, choroplethChange, choroplethData } from '../derive/choropleth';
import {
  CELL_COLOURS,
  CHOROPLETH_CHANGE_COLOURS,
  CHOROPLETH_COLOURS,
  DESK_LOOK,
  NOT_AVAILABLE_COLOUR,
  EMERGING_COLOURS,
  GI_COLOURS,
  hexToRgba,
  type MapLook,
  type Rgba,
} from './theme';
import { AREA_PICKING } from './layers/areas';
import { withPicking, type Picking } from './picking';

interface CellDatum {
  cell: string;
  periodIndex: number;
  count: number | null;
  polygon: [number, number][];
}

const boundaryCache = new Map<string, [number, number][]>();
/** Cell outline as [lng, lat] ring. */
function outline(cell: string): [number, number][] {
  let ring = boundaryCache.get(cell);
  if (!ring) boundaryCache.set(cell, (ring = cellToBoundary(cell, true) as [number, number][]));
  return ring;
}

const cellCache = new WeakMap<Dataset, Map<number, CellDatum[]>>();
/** Cells of one period (grouped once per dataset, so a period change swaps arrays, nothing more). */
function cellData(dataset: Dataset, periodIndex: number): CellDatum[] {
  let byPeriod = cellCache.get(dataset);
  if (!byPeriod) {
    byPeriod = new Map();
    const index = new Map(dataset.periods.map((p, i) => [p, i]));
    for (const c of dataset.incidents) {
      const i = index.get(c.period) ?? -1;
      let list = byPeriod.get(i);
      if (!list) byPeriod.set(i, (list = []));
      list.push({ cell: c.cell, periodIndex: i, count: c.count, polygon: outline(c.cell) });
    }
    cellCache.set(dataset, byPeriod);
  }
  return byPeriod.get(periodIndex) ?? [];
}

const SUPPRESSED_CELL: Rgba = [150, 150, 150, 110];

/** Incident and hot-spot cells: the tooltip shows the cell's count and, for hot spots, its Gi* bin. */
const CELL_PICKING: Picking<{ cell: string; count: number | null; bin?: number; z?: number }> = {
  toHover: ({ cell, count, bin, z }) => ({ kind: 'cell', cell, count, bin, z }),
};

interface EmergingDatum {
  cell: string;
  category: EmergingCategory;
  z: number[];
  trendZ: number;
  trendP: number;
  polygon: [number, number][];
}

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

export interface AnalysisInput {
  dataset: Dataset;
  periodIndex: number;
  layers: Record<LayerName, boolean>;
  hotspots?: HotspotResult;
  emerging?: EmergingHotspots;
  /** Line widths and outline colour follow the look (no hairlines on a projector). */
  look?: MapLook;
  /** Change mode: the base period's index; the choropleth then shows change since it. */
  baseIndex?: number;
}

/** Each destination's fill: its class this period, or its change since the base period. */
function choroplethFill(dataset: Dataset, periodIndex: number, baseIndex: number | undefined) {
  if (baseIndex !== undefined && baseIndex >= 0) {
    const change = choroplethChange(dataset, baseIndex, periodIndex);
    return (id: string) => {
      const value = change.changes.get(id);
      return value === null || value === undefined
        ? NOT_AVAILABLE_COLOUR
        : CHOROPLETH_CHANGE_COLOURS[changeClass(value, change.breaks)];
    };
  }
  const data = choroplethData(dataset);
  return (id: string) =>
    CHOROPLETH_COLOURS[classOf(data.values.get(id)?.[periodIndex] ?? 0, data.breaks)] ?? CHOROPLETH_COLOURS[0];
}

/** The switched-on analysis layers, drawn under the flows. */
export function analysisLayers({
  dataset,
  periodIndex,
  layers,
  hotspots,
  emerging,
  look = DESK_LOOK,
  baseIndex,
}: AnalysisInput): Layer[] {
  // On a projector cell outlines would be hairlines: cells go without, areas get the look's width.
  const cellOutline = look === DESK_LOOK ? { stroked: true, getLineWidth: 0.5 } : { stroked: false };
  const below: Layer[] = [];
  if (layers.choropleth) {
    const fill = choroplethFill(dataset, periodIndex, baseIndex);
    below.push(
      // The choropleth sits above the areas layer and takes its picks: it picks as the areas do.
      withPicking(
        new GeoJsonLayer<AreaFeature['properties']>({
          id: 'choropleth',
          data: dataset.areas.features.filter((f) => f.properties.role !== 'origin') as never,
          pickable: true,
          getFillColor: (f) => hexToRgba(fill(f.properties.id), 230),
          getLineColor: look === DESK_LOOK ? [60, 60, 60, 255] : look.label.colour,
          lineWidthUnits: 'pixels',
          getLineWidth: look.area.lineWidthPx,
          updateTriggers: { getFillColor: [periodIndex, baseIndex] },
          parameters: { depthCompare: 'always' },
        }),
        AREA_PICKING,
      ),
    );
  }
  if (layers.hexbin && dataset.incidents.length) {
    const breaks = cellBreaks(dataset);
    below.push(
      withPicking(
        new PolygonLayer<CellDatum>({
          id: 'incident-cells',
          data: cellData(dataset, periodIndex),
          pickable: true,
          getPolygon: (d) => d.polygon,
          getFillColor: (d) =>
            d.count === null ? SUPPRESSED_CELL : hexToRgba(CELL_COLOURS[classOf(d.count, breaks)], 220),
          getLineColor: [90, 60, 40, 160],
          lineWidthUnits: 'pixels',
          ...cellOutline,
          parameters: { depthCompare: 'always' },
        }),
        CELL_PICKING,
      ),
    );
  }
  if (layers.density && dataset.incidents.length) {
    const points = cellData(dataset, periodIndex).filter((d) => d.count !== null);
    below.push(
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
        colorRange: ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#f03b20', '#bd0026'].map(
          (hex) => hexToRgba(hex).slice(0, 3) as [number, number, number],
        ),
      }),
    );
  }
  if (layers.hotspots && hotspots) {
    const data = hotspots.cells.map((cell, i) => ({
      cell,
      count: hotspots.counts[i],
      bin: hotspots.bins[i],
      z: hotspots.z[i],
      polygon: outline(cell),
    }));
    below.push(
      withPicking(
        new PolygonLayer({
          id: 'hotspots',
          data,
          pickable: true,
          getPolygon: (d: (typeof data)[number]) => d.polygon,
          getFillColor: (d: (typeof data)[number]) => hexToRgba(GI_COLOURS[d.bin], d.bin === 0 ? 90 : 230),
          getLineColor: [80, 80, 80, 120],
          lineWidthUnits: 'pixels',
          ...cellOutline,
          // On a projector a significant cell is a few pixels wide at national zoom: ring it in
          // its own colour so it reads from the back of the room, and let the rest recede.
          ...(look === DESK_LOOK
            ? {}
            : {
                stroked: true,
                getLineColor: (d: (typeof data)[number]) => hexToRgba(GI_COLOURS[d.bin], d.bin === 0 ? 0 : 255),
                getLineWidth: (d: (typeof data)[number]) => (d.bin === 0 ? 0 : 3),
                getFillColor: (d: (typeof data)[number]) => hexToRgba(GI_COLOURS[d.bin], d.bin === 0 ? 40 : 255),
              }),
          parameters: { depthCompare: 'always' },
        }),
        CELL_PICKING,
      ),
    );
  }
  if (layers.emerging && emerging) {
    // Cells with no pattern are left out: the layer shows only what is changing or lasting.
    const data: EmergingDatum[] = emerging.results.flatMap((r, i) =>
      r.category === 'no-pattern'
        ? []
        : [
            {
              cell: emerging.cells[i],
              category: r.category,
              z: r.z,
              trendZ: r.trendZ,
              trendP: r.trendP,
              polygon: outline(emerging.cells[i]),
            },
          ],
    );
    below.push(
      withPicking(
        new PolygonLayer<EmergingDatum>({
          id: 'emerging',
          data,
          pickable: true,
          getPolygon: (d) => d.polygon,
          getFillColor: (d) => hexToRgba(EMERGING_COLOURS[d.category], 235),
          getLineColor: [60, 60, 60, 150],
          lineWidthUnits: 'pixels',
          ...cellOutline,
          parameters: { depthCompare: 'always' },
        }),
        emergingPicking(emerging.periods),
      ),
    );
  }
  return below;
}
