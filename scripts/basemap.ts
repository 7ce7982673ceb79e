/**
 * Builds the offline basemap from Natural Earth 1:10m (the `world-atlas` package, public domain)
 * and, for the United Kingdom from zoom 7, the ONS district boundaries' land
 * (basemap-data/uk-land-ons-2019-buc.json, Open Government Licence), where the areas' own
 * coast and Natural Earth's would disagree.
 *
 * Runs at build time only (Vite plugin and the sample-data script); nothing here ships to the browser.
 * Output is plain GeoJSON so MapLibre can draw it without any tile server, glyphs or sprites.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { bboxClip, simplify } from '@turf/turf';

const require = createRequire(import.meta.url);

/** West, south, east, north in degrees: the British Isles with enough margin for a 16:9 view. */
export const BASEMAP_BBOX: [number, number, number, number] = [-20, 45, 12, 63];

/** Countries whose borders we draw (ISO 3166-1 numeric, as world-atlas names them). */
const UK_ID = '826';

type CountryProps = { name: string };

function loadCountries(): Topology<{ countries: GeometryCollection<CountryProps>; land: GeometryCollection }> {
  return require('world-atlas/countries-10m.json');
}

/**
 * Rounds to 3 decimals (~100 m, finer than the 1:10m source's ~250 m quantisation) and drops the
 * repeated positions that rounding creates: this roughly halves the file.
 */
function roundPositions(positions: unknown): unknown {
  const list = positions as unknown[];
  if (typeof list[0] === 'number') return list.map((n) => Math.round((n as number) * 1e3) / 1e3);
  const rounded = list.map(roundPositions);
  if (!Array.isArray(rounded[0]) || typeof (rounded[0] as unknown[])[0] !== 'number') return rounded;
  return (rounded as number[][]).filter((p, i, all) => i === 0 || p[0] !== all[i - 1][0] || p[1] !== all[i - 1][1]);
}

/**
 * Simplifies (Douglas–Peucker, 0.002° ≈ 150–200 m: about the 1:10m source's own resolution, and
 * under a pixel up to zoom 9) and rounds. This halves the vertices, which is what MapLibre's worker
 * spends its time tiling on first load.
 */
const SIMPLIFY_TOLERANCE_DEGREES = 0.002;

function roundGeometry<G extends Geometry>(geometry: G): G {
  if (geometry.type === 'GeometryCollection') return geometry;
  const simplified = simplify(geometry, { tolerance: SIMPLIFY_TOLERANCE_DEGREES, highQuality: false, mutate: false });
  return { ...simplified, coordinates: roundPositions((simplified as Polygon).coordinates) } as G;
}

/** bboxClip leaves empty rings and polygons behind for parts outside the box; drop them. */
export function dropEmptyParts(geometry: Polygon | MultiPolygon): MultiPolygon | null {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const kept = polygons.map((rings) => rings.filter((ring) => ring.length >= 4)).filter((rings) => rings.length > 0);
  return kept.length > 0 ? { type: 'MultiPolygon', coordinates: kept } : null;
}

/**
 * At which zooms a feature is drawn (basemap-style.ts): `all`; `national` (the UK's Natural Earth
 * land and coast, below zoom 7); `town` (the UK's ONS land, its outline the coast, from zoom 7).
 */
export type BasemapScale = 'all' | 'national' | 'town';

export interface Basemap {
  /** Land polygons, one feature per country (and the UK's ONS land), with `name`, `uk` and `scale`. */
  land: FeatureCollection<MultiPolygon, { name: string; uk: boolean; scale: BasemapScale }>;
  /** Coastline and land borders as lines, `kind` = "coast" | "border". */
  lines: FeatureCollection<MultiLineString, { kind: 'coast' | 'border'; scale: BasemapScale }>;
}

/** The UK's land from the ONS districts (made by scripts/make-uk-land.ts). */
function ukLandOns(): MultiPolygon {
  return JSON.parse(readFileSync(new URL('./basemap-data/uk-land-ons-2019-buc.json', import.meta.url), 'utf8'));
}

export function buildBasemap(bbox = BASEMAP_BBOX): Basemap {
  const topology = loadCountries();
  const countries = feature(topology, topology.objects.countries);
  const land: Basemap['land'] = { type: 'FeatureCollection', features: [] };
  for (const country of countries.features) {
    const clipped = dropEmptyParts(
      bboxClip(country as Feature<Polygon | MultiPolygon>, bbox).geometry as Polygon | MultiPolygon,
    );
    if (!clipped) continue;
    const uk = country.id === UK_ID;
    land.features.push({
      type: 'Feature',
      properties: { name: country.properties.name, uk, scale: uk ? 'national' : 'all' },
      geometry: roundGeometry(clipped),
    });
  }
  // Already generalised (500 m) and rounded: drawn as it is.
  land.features.push({
    type: 'Feature',
    properties: { name: 'United Kingdom', uk: true, scale: 'town' },
    geometry: ukLandOns(),
  });
  // Coast: arcs on one country only (land against sea), the UK's apart. Borders: arcs shared by
  // two different countries.
  const countryShapes = topology.objects.countries;
  const ukOf = (a: { id?: string | number }) => String(a.id) === UK_ID;
  const lines: Basemap['lines'] = { type: 'FeatureCollection', features: [] };
  for (const [kind, scale, geometry] of [
    ['coast', 'all', mesh(topology, countryShapes, (a, b) => a === b && !ukOf(a))],
    ['coast', 'national', mesh(topology, countryShapes, (a, b) => a === b && ukOf(a))],
    ['border', 'all', mesh(topology, countryShapes, (a, b) => a !== b)],
  ] as const) {
    const clipped = bboxClip({ type: 'Feature', properties: {}, geometry }, bbox);
    const parts = (clipped.geometry as MultiLineString).coordinates.filter((line: Position[]) => line.length > 1);
    lines.features.push({
      type: 'Feature',
      properties: { kind, scale },
      geometry: roundGeometry({ type: 'MultiLineString', coordinates: parts }),
    });
  }
  return { land, lines };
}

/** Great Britain's land (the UK feature) for clipping sample geometry. */
export function greatBritainLand(): Feature<MultiPolygon> {
  const uk = buildBasemap().land.features.find((f) => f.properties.uk && f.properties.scale === 'national');
  if (!uk) throw new Error('world-atlas has no United Kingdom feature');
  return uk;
}
