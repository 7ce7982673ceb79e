/**
 * Imports plain boundary GeoJSON (e.g. an ONS LAD file) as areas: finds the code and name fields,
 * reprojects British National Grid, mends what can be mended (winding, swapped lon/lat) with a
 * warning, and reports every problem with file, feature index, id and field.
 */
import proj4 from 'proj4';
import turfCentroid from '@turf/centroid';
import rewind from '@turf/rewind';
import { looksSwappedForUk } from '../uk-bounds';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { DataError, type DataProblem } from '../problems';
import { parseJsonText } from './text';
import type { AreaCollection, AreaFeature, AreaRole } from '../schema';

const BNG =
  '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy +towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';
const toWgs84 = proj4(BNG, 'EPSG:4326');

export interface AreaImportOptions {
  /** Property holding the area code; auto-detected from `LADyyCD`-style names when omitted. */
  idField?: string;
  nameField?: string;
  /** Role given to every imported area (flows may refine it). Default "both". */
  role?: AreaRole;
}

export interface AreaImport {
  areas: AreaCollection;
  warnings: DataProblem[];
  /** The fields used, so the user can see what was detected. */
  idField: string;
  nameField: string;
  /** Input properties not carried over (everything but code and name): name → features. */
  dropped: Map<string, number>;
}

/** ONS-style code/name pairs: LAD19CD/LAD19NM, lad19cd, MSOA21CD…; then generic fallbacks. */
export function detectFields(properties: Record<string, unknown>): { idField?: string; nameField?: string } {
  const keys = Object.keys(properties);
  const code = keys.find((k) => /^[a-z]{2,6}\d{2}cd$/i.test(k));
  if (code) {
    const name = keys.find((k) => k.toLowerCase() === code.toLowerCase().replace(/cd$/, 'nm'));
    if (name) return { idField: code, nameField: name };
  }
  const pick = (candidates: string[]) => keys.find((k) => candidates.includes(k.toLowerCase()));
  return { idField: pick(['id', 'code', 'area_code', 'gss_code']), nameField: pick(['name', 'area_name', 'nm']) };
}

type Rings = Position[][];

function polygonsOf(geometry: Polygon | MultiPolygon): Rings[] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

function allPositions(geometry: Polygon | MultiPolygon): Position[] {
  return polygonsOf(geometry).flat(2 as 1) as unknown as Position[];
}

/**
 * What a geometry's `coordinates` should be and is not, checked before anything walks it: a
 * Polygon is a list of rings, a MultiPolygon a list of polygons, a ring a list of positions, a
 * position two or more numbers. Undefined when the shape is right.
 */
export function coordinateShapeProblem(type: 'Polygon' | 'MultiPolygon', coordinates: unknown): string | undefined {
  // Only the nesting is checked here; each position's numbers are checked ring by ring below.
  const isPosition = (v: unknown) => Array.isArray(v) && v.length >= 2 && !v.some(Array.isArray);
  const isRing = (v: unknown) => Array.isArray(v) && v.every(isPosition);
  const isPolygon = (v: unknown) => Array.isArray(v) && v.every(isRing);
  const describe = (v: unknown): string =>
    isPosition(v)
      ? 'a single position'
      : Array.isArray(v)
        ? v.length === 0
          ? 'an empty list'
          : `a list whose first item is ${describe(v[0])}`
        : (JSON.stringify(v)?.slice(0, 40) ?? 'nothing');
  if (type === 'Polygon' ? isPolygon(coordinates) : Array.isArray(coordinates) && coordinates.every(isPolygon))
    return undefined;
  const wanted =
    type === 'Polygon'
      ? 'a list of rings (each a list of [lon, lat] positions)'
      : 'a list of polygons (each a list of rings of [lon, lat] positions)';
  return `a ${type}'s coordinates must be ${wanted}; found ${describe(coordinates)}`;
}

/** Eastings 0–700 km and northings 0–1,300 km: never negative, whatever the file's numbers. */
function looksLikeBng(positions: Position[]): boolean {
  return (
    positions.length > 0 &&
    positions.every(([x, y]) => x >= 0 && x <= 7.5e5 && y >= 0 && y <= 1.3e6) &&
    positions.some(([x, y]) => Math.abs(x) > 360 || Math.abs(y) > 90)
  );
}

function mapPositions(geometry: Polygon | MultiPolygon, fn: (p: Position) => Position): Polygon | MultiPolygon {
  const rings = (r: Rings) => r.map((ring) => ring.map(fn));
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: rings(geometry.coordinates) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(rings) };
}

export function importAreasGeoJson(text: string, file: string, options: AreaImportOptions = {}): AreaImport {
  const problems: DataProblem[] = [];
  const warnings: DataProblem[] = [];
  const fail = (message: string): never => {
    throw new DataError([{ severity: 'error', file, message }]);
  };
  if (text.trim() === '') fail('is empty');
  const json = parseJsonText(text, file, warnings) as {
    type?: unknown;
    features?: unknown;
    crs?: { properties?: { name?: unknown } };
  } | null;
  if (json?.type === 'FeatureCollection' && !Array.isArray(json.features))
    fail('is a FeatureCollection with no "features" list: add "features": [ … one Feature per area … ]');
  if (json?.type === 'Feature' || json?.type === 'Polygon' || json?.type === 'MultiPolygon')
    fail(
      `is a single GeoJSON ${json.type}, not a FeatureCollection: wrap it as {"type": "FeatureCollection", "features": [ … ]}, one Feature per area with its code and name`,
    );
  if (json?.type !== 'FeatureCollection' || !Array.isArray(json.features))
    fail(`is not a GeoJSON FeatureCollection (found type ${JSON.stringify(json?.type ?? null)})`);
  const features = json!.features as Feature<Polygon | MultiPolygon, Record<string, unknown>>[];
  if (features.length === 0) fail('has no features');

  const detected = detectFields(features[0]?.properties ?? {});
  const idField = options.idField ?? detected.idField;
  const nameField = options.nameField ?? detected.nameField ?? idField;
  if (!idField || !nameField)
    fail(
      `has no code field: expected e.g. LAD23CD/LAD23NM, id/name, or an explicit mapping; found ${Object.keys(features[0]?.properties ?? {}).join(', ') || 'no properties'}`,
    );

  const crsName = String(json!.crs?.properties?.name ?? '');
  const declaredBng = /27700/.test(crsName);
  const seen = new Map<string, number>();
  const areas: AreaFeature[] = [];
  let reprojected = 0;
  let swapped = 0;

  const dropped = new Map<string, number>();
  features.forEach((feature, index) => {
    const props = feature?.properties ?? {};
    for (const key of Object.keys(props))
      if (key !== idField && key !== nameField) dropped.set(key, (dropped.get(key) ?? 0) + 1);
    const id = props[idField!];
    const name = props[nameField!];
    const label = `feature ${index}${typeof id === 'string' || typeof id === 'number' ? ` (${id}${typeof name === 'string' ? ` "${name}"` : ''})` : ''}`;
    const problem = (field: string | undefined, message: string, severity: DataProblem['severity'] = 'error') =>
      (severity === 'error' ? problems : warnings).push({ severity, file, where: label, field, message });
    if (typeof id !== 'string' && typeof id !== 'number')
      return problem(idField, `expected a code, found ${JSON.stringify(id ?? null)}`);
    if (typeof name !== 'string' || name.trim() === '')
      return problem(nameField, `expected a name, found ${JSON.stringify(name ?? null)}`);
    if (seen.has(String(id))) return problem(idField, `duplicate id "${id}" (also feature ${seen.get(String(id))})`);
    seen.set(String(id), index);
    const geometry = feature?.geometry;
    if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon'))
      return problem(
        'geometry',
        `expected Polygon or MultiPolygon, found ${(geometry as { type?: string } | null)?.type ?? 'no geometry'}`,
      );
    const shape = coordinateShapeProblem(geometry.type, (geometry as { coordinates?: unknown }).coordinates);
    if (shape) return problem('geometry.coordinates', shape);
    let ringError = false;
    polygonsOf(geometry).forEach((rings, p) =>
      rings.forEach((ring, r) => {
        const at = geometry.type === 'MultiPolygon' ? `polygon ${p} ring ${r}` : `ring ${r}`;
        if (
          !Array.isArray(ring) ||
          ring.some((pos) => !Array.isArray(pos) || pos.length < 2 || !pos.slice(0, 2).every(Number.isFinite))
        ) {
          ringError = true;
          return problem('geometry', `${at} has a position that is not two finite numbers`);
        }
        if (ring.length < 4) {
          ringError = true;
          return problem('geometry', `${at} has ${ring.length} positions; a ring needs at least 4`);
        }
        const [first, last] = [ring[0], ring[ring.length - 1]];
        if (first[0] !== last[0] || first[1] !== last[1]) {
          ringError = true;
          problem(
            'geometry',
            `${at} is not closed (first position ${JSON.stringify(first)}, last ${JSON.stringify(last)})`,
          );
        }
      }),
    );
    if (ringError) return;
    let fixed: Polygon | MultiPolygon = geometry;
    const positions = allPositions(geometry);
    if (declaredBng || looksLikeBng(positions)) {
      fixed = mapPositions(fixed, (p) => toWgs84.forward([p[0], p[1]]));
      reprojected++;
    } else if (looksSwappedForUk(positions)) {
      fixed = mapPositions(fixed, (p) => [p[1], p[0]]);
      swapped++;
    } else {
      const bad = positions.find(([x, y]) => Math.abs(x) > 180 || Math.abs(y) > 90);
      if (bad)
        return problem(
          'geometry',
          `coordinates are neither longitude/latitude nor British National Grid metres: first out-of-range position [${bad[0]}, ${bad[1]}]`,
        );
    }
    // RFC 7946 winding (outer rings counter-clockwise) is mended silently.
    fixed = (
      rewind({ type: 'Feature', properties: {}, geometry: fixed }, { reverse: false }) as Feature<
        Polygon | MultiPolygon
      >
    ).geometry;
    const lon = Number(props.long ?? props.LONG);
    const lat = Number(props.lat ?? props.LAT);
    const centroid: [number, number] =
      Number.isFinite(lon) && Number.isFinite(lat) && !reprojected && !swapped
        ? [lon, lat]
        : (turfCentroid(fixed).geometry.coordinates as [number, number]);
    areas.push({
      type: 'Feature',
      properties: { id: String(id), name: name.trim(), role: options.role ?? 'both', centroid },
      geometry: fixed as AreaFeature['geometry'],
    });
  });

  if (reprojected)
    warnings.push({
      severity: 'warning',
      file,
      message: `coordinates were British National Grid (EPSG:27700) metres; reprojected ${reprojected} feature(s) to WGS84 longitude/latitude`,
    });
  if (swapped)
    warnings.push({
      severity: 'warning',
      file,
      message: `coordinates of ${swapped} feature(s) were latitude,longitude; swapped to longitude,latitude as GeoJSON requires`,
    });
  if (problems.length) throw new DataError([...problems, ...warnings]);
  return {
    areas: { type: 'FeatureCollection', features: areas },
    warnings,
    idField: idField!,
    nameField: nameField!,
    dropped,
  };
}
