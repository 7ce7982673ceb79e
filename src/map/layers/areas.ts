import { GeoJsonLayer } from '@deck.gl/layers';
import type { AreaFeature, Dataset } from '../../data/schema';
import { boxMeets, boxOf, type Bounds } from '../../data/bounds';
import { DESK_LOOK, type MapLook } from '../theme';
import { drawnColour, type KeyRow } from '../key';
import type { Network } from '../../data/analysis/network';
import { memoize } from '../../derive/memo';
import { layerModule } from '../layer-module';
import { withPicking, type Picking } from '../picking';
import { PASS_ALL_FILTER } from './flow-filter';

export const AREAS_LAYER_ID = 'areas';

/** Hovering an area shows its totals; clicking isolates it (or the group it is merged into). */
export const AREA_PICKING: Picking<AreaFeature> = {
  toHover: (feature) => ({ kind: 'area', area: feature.properties }),
  toSelection: (feature, network) => network.nodeOf.get(feature.properties.id) ?? feature.properties.id,
};

/** Origin and destination areas (or points): blue and neutral grey fills, outlined; pickable for the tooltip. */
export function areasLayer(areas: AreaFeature[], selected: ReadonlySet<string> = new Set(), look: MapLook = DESK_LOOK) {
  const style = look.area;
  const layer = new GeoJsonLayer<AreaFeature['properties']>({
    id: AREAS_LAYER_ID,
    data: areas as never,
    pickable: true,
    ...PASS_ALL_FILTER,
    stroked: true,
    filled: true,
    getFillColor: (f) => (f.properties.role === 'destination' ? style.destination.fill : style.origin.fill),
    getLineColor: (f) =>
      selected.has(f.properties.id)
        ? style.highlight.line
        : f.properties.role === 'destination'
          ? style.destination.line
          : style.origin.line,
    lineWidthUnits: 'pixels',
    getLineWidth: (f) => (selected.has(f.properties.id) ? style.lineWidthPx + 2 : style.lineWidthPx),
    updateTriggers: {
      getLineWidth: [...selected].join(','),
      getLineColor: [...selected].join(','),
      getFillColor: look,
    },
    // Locations known only as points (flowmap.blue, coordinate CSVs) draw as small circles.
    pointType: 'circle',
    pointRadiusUnits: 'pixels',
    getPointRadius: 5,
    autoHighlight: true,
    highlightColor: [0, 0, 0, 40],
  });
  return withPicking(layer, AREA_PICKING);
}

/** The areas a selection isolates: the area itself, or every area of the group it names. */
const selectedAreas = memoize((network: Network, id: string | undefined): Set<string> => {
  const selected = new Set<string>();
  if (id) for (const [area, node] of network.nodeOf) if (node === id) selected.add(area);
  return selected;
});

/** Each area's box, [west, south, east, north]: what decides whether it is in view. */
export const areaBoxes = memoize(
  (dataset: Dataset): Map<string, Bounds> =>
    new Map(dataset.areas.features.map((f) => [f.properties.id, boxOf(coordinatesOf(f.geometry))])),
);

/**
 * The roles of the areas whose box meets the view (none given: all of them). Memoised on the view's
 * edges: the key asks on every period change, and the areas on screen change only as the map moves.
 */
const rolesInView = memoize((dataset: Dataset, ...edges: (number | undefined)[]) => {
  const bounds = edges.length === 4 ? (edges as Bounds) : undefined;
  const boxes = areaBoxes(dataset);
  return new Set(
    dataset.areas.features.filter((f) => boxMeets(bounds, boxes.get(f.properties.id)!)).map((f) => f.properties.role),
  );
}, 4);

/** Every position of a geometry (a point area is its one position). */
function* coordinatesOf(geometry: AreaFeature['geometry']): Iterable<readonly number[]> {
  const walk = function* (value: unknown): Iterable<readonly number[]> {
    if (Array.isArray(value) && typeof value[0] === 'number') yield value as number[];
    else if (Array.isArray(value)) for (const child of value) yield* walk(child);
  };
  yield* walk((geometry as { coordinates: unknown }).coordinates);
}

/** Area outlines and fills, under everything else. The choropleth, when on, shades destinations instead. */
export const areas = layerModule({
  id: 'areas',
  drawn: () => true,
  data: (ctx) => selectedAreas(ctx.allFlows.network, ctx.view.selection?.id),
  layers: (selected, ctx) => [areasLayer(ctx.dataset.areas.features, selected, ctx.look)],
  key: (_selected, ctx) => {
    const { origin, destination } = ctx.look.area;
    const swatch = (label: string, style: typeof origin): KeyRow => ({
      kind: 'swatch',
      label,
      colour: drawnColour(style.fill, ctx.look),
      outline: drawnColour(style.line, ctx.look),
    });
    const roles = rolesInView(ctx.dataset, ...(ctx.bounds ?? []));
    const rows: KeyRow[] = [];
    if (roles.has('origin') || roles.has('both')) rows.push(swatch('Exporting area (origin)', origin));
    // Under the choropleth, destinations are drawn in its classes: its key says what they mean.
    if (!ctx.view.layers.choropleth && roles.has('destination')) rows.push(swatch('Destination area', destination));
    return { id: 'areas', title: 'Areas', rows };
  },
});
