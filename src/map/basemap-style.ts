/**
 * The MapLibre style: sea, land, coastline and borders from the build-time Natural Earth files.
 * No tiles, glyphs, sprites or fonts: every URL is relative to the page, so nothing leaves it.
 */
import type { StyleSpecification } from 'maplibre-gl';
import { BASEMAP_COLOURS } from './theme';

export const BASEMAP_ATTRIBUTION = 'Basemap: Natural Earth (public domain)';

export function basemapStyle(baseUrl: string): StyleSpecification {
  const url = (path: string) => new URL(path, baseUrl).href;
  return {
    version: 8,
    name: 'atlas-offline',
    sources: {
      land: { type: 'geojson', data: url('basemap/land.json'), attribution: BASEMAP_ATTRIBUTION },
      lines: { type: 'geojson', data: url('basemap/lines.json') },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': BASEMAP_COLOURS.sea } },
      {
        id: 'land',
        type: 'fill',
        source: 'land',
        paint: {
          'fill-color': ['case', ['get', 'uk'], BASEMAP_COLOURS.land, BASEMAP_COLOURS.otherLand],
          'fill-antialias': true,
        },
      },
      {
        id: 'coast',
        type: 'line',
        source: 'lines',
        filter: ['==', ['get', 'kind'], 'coast'],
        paint: {
          'line-color': BASEMAP_COLOURS.coast,
          'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.6, 10, 1.5],
        },
      },
      {
        id: 'borders',
        type: 'line',
        source: 'lines',
        filter: ['==', ['get', 'kind'], 'border'],
        paint: { 'line-color': BASEMAP_COLOURS.border, 'line-width': 1, 'line-dasharray': [3, 2] },
      },
    ],
  };
}

/** Mainland Great Britain with the Hebrides (south-west and north-east corners), fitted on load. */
export const GREAT_BRITAIN_BOUNDS: [[number, number], [number, number]] = [
  [-7.6, 49.9],
  [1.8, 58.7],
];
