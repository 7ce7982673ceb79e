/**
 * The MapLibre style: sea, land, coastline and borders from the build-time Natural Earth files;
 * from zoom 7 the United Kingdom's land and coast are the ONS districts' (scripts/basemap.ts).
 * No tiles, glyphs, sprites or fonts: every URL is relative to the page, so nothing leaves it.
 */
import type {
  BackgroundLayerSpecification,
  FillLayerSpecification,
  ExpressionSpecification,
  LineLayerSpecification,
  Map as MapLibreMap,
  StyleSpecification,
} from 'maplibre-gl';
import { DESK_LOOK, type MapLook } from './theme';

/** Paint properties of each basemap layer for a look; thin lines scale with zoom at the desk only. */
export function basemapPaint(look: MapLook): {
  sea: BackgroundLayerSpecification['paint'];
  land: FillLayerSpecification['paint'];
  coast: LineLayerSpecification['paint'];
  borders: LineLayerSpecification['paint'];
} {
  const b = look.basemap;
  return {
    sea: { 'background-color': b.sea },
    // No fill antialiasing: the coastline is drawn over the land's edge anyway, and each extra
    // program costs 100–400 ms before the first map in software WebGL (bench/README.md, row b).
    land: { 'fill-color': ['case', ['get', 'uk'], b.land, b.otherLand], 'fill-antialias': false },
    coast: {
      'line-color': b.coast,
      'line-width': b.coastWidthPx < 2 ? ['interpolate', ['linear'], ['zoom'], 4, 0.6, 10, 1.5] : b.coastWidthPx,
    },
    // Solid, in grey against the coast's blue: a dash pattern needs a shader program of its own.
    borders: { 'line-color': b.border, 'line-width': b.borderWidthPx },
  };
}

/** The style's layers that each paint applies to. */
const PAINTED_LAYERS: Record<keyof ReturnType<typeof basemapPaint>, string[]> = {
  sea: ['sea'],
  land: ['land', 'land-uk', 'land-uk-town'],
  coast: ['coast', 'coast-uk', 'coast-uk-town'],
  borders: ['borders'],
};

/** Repaints the basemap of a loaded map for `look`. */
export function applyBasemapLook(map: MapLibreMap, look: MapLook): void {
  for (const [group, paint] of Object.entries(basemapPaint(look))) {
    for (const layer of PAINTED_LAYERS[group as keyof typeof PAINTED_LAYERS])
      for (const [property, value] of Object.entries(paint ?? {}))
        map.setPaintProperty(layer, property as never, value as never);
  }
}

export const BASEMAP_ATTRIBUTION = 'Basemap: Natural Earth; ONS (OGL v3.0), © Crown copyright 2019';

/** Where the UK's land and coast change from Natural Earth's to the ONS districts'. */
export const TOWN_SCALE_ZOOM = 7;

const scale = (value: string): ExpressionSpecification => ['==', ['get', 'scale'], value];
const coast = (value: string): ExpressionSpecification => ['all', ['==', ['get', 'kind'], 'coast'], scale(value)];

/** `inline`: the basemap's GeoJSON itself (a briefing pack, where nothing can be fetched). */
export function basemapStyle(
  baseUrl: string,
  inline?: { land: GeoJSON.GeoJSON; lines: GeoJSON.GeoJSON },
): StyleSpecification {
  const url = (path: string) => new URL(path, baseUrl).href;
  return {
    version: 8,
    name: 'atlas-offline',
    sources: {
      land: { type: 'geojson', data: inline?.land ?? url('basemap/land.json'), attribution: BASEMAP_ATTRIBUTION },
      lines: { type: 'geojson', data: inline?.lines ?? url('basemap/lines.json') },
    },
    layers: [
      { id: 'sea', type: 'background', paint: basemapPaint(DESK_LOOK).sea },
      { id: 'land', type: 'fill', source: 'land', filter: scale('all'), paint: basemapPaint(DESK_LOOK).land },
      {
        id: 'land-uk',
        type: 'fill',
        source: 'land',
        filter: scale('national'),
        maxzoom: TOWN_SCALE_ZOOM,
        paint: basemapPaint(DESK_LOOK).land,
      },
      {
        id: 'land-uk-town',
        type: 'fill',
        source: 'land',
        filter: scale('town'),
        minzoom: TOWN_SCALE_ZOOM,
        paint: basemapPaint(DESK_LOOK).land,
      },
      { id: 'coast', type: 'line', source: 'lines', filter: coast('all'), paint: basemapPaint(DESK_LOOK).coast },
      {
        id: 'coast-uk',
        type: 'line',
        source: 'lines',
        filter: coast('national'),
        maxzoom: TOWN_SCALE_ZOOM,
        paint: basemapPaint(DESK_LOOK).coast,
      },
      // The ONS land's outline is its coast: it is clipped to Mean High Water, with no bounding box.
      {
        id: 'coast-uk-town',
        type: 'line',
        source: 'land',
        filter: scale('town'),
        minzoom: TOWN_SCALE_ZOOM,
        paint: basemapPaint(DESK_LOOK).coast,
      },
      {
        id: 'borders',
        type: 'line',
        source: 'lines',
        filter: ['==', ['get', 'kind'], 'border'],
        paint: basemapPaint(DESK_LOOK).borders,
      },
    ],
  };
}

/** Mainland Great Britain with the Hebrides (south-west and north-east corners), fitted on load. */
export const GREAT_BRITAIN_BOUNDS: [[number, number], [number, number]] = [
  [-7.6, 49.9],
  [1.8, 58.7],
];
