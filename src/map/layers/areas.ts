import { GeoJsonLayer } from '@deck.gl/layers';
import type { AreaFeature } from '../../data/schema';
import { DESK_LOOK, type MapLook } from '../theme';
import { withPicking, type Picking } from '../picking';
import { PASS_ALL_FILTER } from './flow-filter';

export const AREAS_LAYER_ID = 'areas';

/** Origin and destination areas (or points): blue and orange fills, outlined; pickable for the tooltip. */
/** Hovering an area shows its totals; clicking isolates it (or the group it is merged into). */
export const AREA_PICKING: Picking<AreaFeature> = {
  toHover: (feature) => ({ kind: 'area', area: feature.properties }),
  toSelection: (feature, network) => network.nodeOf.get(feature.properties.id) ?? feature.properties.id,
};

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
