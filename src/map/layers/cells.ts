/**
 * What the incident-cell layers share: H3 cell outlines (h3-js, in the lazily loaded analysis
 * chunk), each period's published cells grouped once per dataset, and the picking that shows a
 * cell's published count (never a value imputed for a statistic).
 */
import { cellToBoundary } from 'h3-js';
import { ScatterplotLayer } from '@deck.gl/layers';
import type { Dataset } from '../../data/schema';
import { memoize } from '../../derive/memo';
import { boxMeets, boxOf, type Bounds } from '../../data/bounds';
import type { MapLook } from '../theme';
import type { Picking } from '../picking';

export interface CellDatum {
  cell: string;
  periodIndex: number;
  count: number | null;
  polygon: [number, number][];
}

const boundaryCache = new Map<string, [number, number][]>();
/** Cell outline as [lng, lat] ring. */
export function outline(cell: string): [number, number][] {
  let ring = boundaryCache.get(cell);
  if (!ring) boundaryCache.set(cell, (ring = cellToBoundary(cell, true) as [number, number][]));
  return ring;
}

/** Each period's cells, grouped once per dataset, so a period change swaps arrays, nothing more. */
const cellsByPeriod = memoize((dataset: Dataset): Map<number, CellDatum[]> => {
  const byPeriod = new Map<number, CellDatum[]>();
  const index = new Map(dataset.periods.map((p, i) => [p, i]));
  for (const c of dataset.incidents) {
    const i = index.get(c.period) ?? -1;
    let list = byPeriod.get(i);
    if (!list) byPeriod.set(i, (list = []));
    list.push({ cell: c.cell, periodIndex: i, count: c.count, polygon: outline(c.cell) });
  }
  return byPeriod;
});

export const cellData = (dataset: Dataset, periodIndex: number): CellDatum[] =>
  cellsByPeriod(dataset).get(periodIndex) ?? [];

/** Whether a cell (its outline) is on screen: what the key's "none here" counts. */
export const cellInView = (bounds: Bounds | undefined, polygon: [number, number][]) => boxMeets(bounds, boxOf(polygon));

/** Incident and hot-spot cells: the tooltip shows the cell's published count and, for hot spots, its bin. */
export const CELL_PICKING: Picking<{ cell: string; count: number | null; bin?: number; z?: number }> = {
  toHover: ({ cell, count, bin, z }) => ({ kind: 'cell', cell, count, bin, z }),
};

/** Cell outlines as the look says: a thin line at a desk, none on a projector (it would be a hairline). */
export const cellOutline = (look: MapLook) =>
  look.cells.outlinePx > 0 ? { stroked: true, getLineWidth: look.cells.outlinePx } : { stroked: false };

/**
 * Below this zoom a resolution-7 cell (about 2.4 km across) is under about 6 px on screen, a
 * speck a room cannot see: the cells that matter are also drawn as dots of a fixed size.
 */
export const CELL_DOTS_BELOW_ZOOM = 7.5;

/** A cell's centre, the mean of its outline's corners (an H3 cell is a near-regular hexagon). */
export function cellCentre(polygon: [number, number][]): [number, number] {
  let x = 0;
  let y = 0;
  for (const [lng, lat] of polygon) {
    x += lng;
    y += lat;
  }
  return [x / polygon.length, y / polygon.length];
}

/**
 * Dots for cells too small to see at this zoom, in the cells' own colours (so the key's swatches
 * stay the colours drawn), or nothing once the cells are large enough to read as themselves.
 */
export function cellDots<D extends { polygon: [number, number][] }>(
  id: string,
  cells: D[],
  zoom: number,
  getColour: (d: D) => [number, number, number, number],
  look: MapLook,
): ScatterplotLayer<D>[] {
  if (zoom >= CELL_DOTS_BELOW_ZOOM || cells.length === 0) return [];
  return [
    new ScatterplotLayer<D>({
      id: `${id}-dots`,
      data: cells,
      getPosition: (d) => cellCentre(d.polygon),
      getFillColor: getColour,
      radiusUnits: 'pixels',
      // A projector's dots are larger: they are read from the back of a room.
      getRadius: look.cells.ringSignificant ? 6 : 4,
      stroked: false,
      parameters: { depthCompare: 'always' },
    }),
  ];
}
