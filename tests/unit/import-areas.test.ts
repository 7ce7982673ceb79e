import { existsSync, readFileSync } from 'node:fs';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { problemMessages } from './problem-messages';
import { detectFields, importAreasGeoJson } from '../../src/data/io/import-areas';
import { formatProblem } from '../../src/data/io/parse';

const REAL = '../shared/fixtures-real';

const square = (x: number, y: number, d: number) => [
  [
    [x, y],
    [x + d, y],
    [x + d, y + d],
    [x, y + d],
    [x, y],
  ],
];
const collection = (features: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ type: 'FeatureCollection', ...extra, features });
const feature = (props: Record<string, unknown>, coordinates: unknown, type = 'Polygon') => ({
  type: 'Feature',
  properties: props,
  geometry: { type, coordinates },
});

describe('area import', () => {
  it('detects ONS code/name fields in any case and vintage', () => {
    expect(detectFields({ objectid: 1, lad19cd: 'E07000114', lad19nm: 'Thanet' })).toEqual({
      idField: 'lad19cd',
      nameField: 'lad19nm',
    });
    expect(detectFields({ LAD23CD: 'x', LAD23NM: 'y' })).toEqual({ idField: 'LAD23CD', nameField: 'LAD23NM' });
    expect(detectFields({ MSOA21CD: 'x', MSOA21NM: 'y' })).toEqual({ idField: 'MSOA21CD', nameField: 'MSOA21NM' });
  });

  it('names file, feature, id and field for each problem', () => {
    const text = collection([
      feature({ LAD23CD: 'E07000114', LAD23NM: 'Thanet' }, [
        [
          [1, 51],
          [1.1, 51],
          [1.1, 51.1],
          [1, 51.1],
        ],
      ]),
      feature({ LAD23CD: 'E07000106', LAD23NM: 'Canterbury' }, [1, 51], 'Point'),
      feature({ LAD23CD: 'E07000114', LAD23NM: 'Thanet again' }, square(1, 51, 0.1)),
      feature({ LAD23CD: 'E07000108', LAD23NM: 'Dover' }, [
        [
          [1, 51],
          [1.1, 51],
          [1, 51],
        ],
      ]),
    ]);
    expect(problemMessages(() => importAreasGeoJson(text, 'areas.geojson'))).toEqual([
      'areas.geojson: feature 0 (E07000114 "Thanet"), field "geometry": ring 0 is not closed (first position [1,51], last [1,51.1])',
      'areas.geojson: feature 1 (E07000106 "Canterbury"), field "geometry": expected Polygon or MultiPolygon, found Point',
      'areas.geojson: feature 2 (E07000114 "Thanet again"), field "LAD23CD": duplicate id "E07000114" (also feature 0)',
      'areas.geojson: feature 3 (E07000108 "Dover"), field "geometry": ring 0 has 3 positions; a ring needs at least 4',
    ]);
  });

  it('refuses empty, non-JSON and non-GeoJSON files with a clear message', () => {
    expect(problemMessages(() => importAreasGeoJson('', 'a.geojson'))).toEqual(['a.geojson: is empty']);
    expect(problemMessages(() => importAreasGeoJson('{"type":"FeatureCollection",', 'a.geojson'))[0]).toBe(
      'a.geojson: line 1, column 29: is not valid JSON: property name expected',
    );
    expect(problemMessages(() => importAreasGeoJson('{"type":"Topology"}', 'a.geojson'))).toEqual([
      'a.geojson: is not a GeoJSON FeatureCollection (found type "Topology")',
    ]);
  });

  it('swaps lat/lon for UK data, fixes winding silently, drops __proto__ keys, keeps HTML names as text', () => {
    const clockwise = [
      [
        [51, 1],
        [51.1, 1],
        [51.1, 1.1],
        [51, 1.1],
        [51, 1],
      ],
    ].map((ring) => ring.map(([a, b]) => [a, b]));
    const props = JSON.parse('{"id":"X1","name":"<img src=x onerror=alert(1)>","__proto__":{"polluted":true}}');
    const result = importAreasGeoJson(collection([feature(props, clockwise)]), 'a.geojson');
    const area = result.areas.features[0];
    expect(area.properties.name).toBe('<img src=x onerror=alert(1)>');
    expect((area.geometry as Polygon).coordinates[0][0]).toEqual([1, 51]);
    expect(result.warnings.map(formatProblem)).toEqual([
      'a.geojson: dropped 1 property key(s) named __proto__, constructor or prototype',
      'a.geojson: coordinates of 1 feature(s) were latitude,longitude; swapped to longitude,latitude as GeoJSON requires',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe.skipIf(!existsSync(REAL))('real ONS / OS boundaries (../shared/fixtures-real)', () => {
  it('loads the whole-UK LAD file, lower-case lad19cd/lad19nm, in reasonable time', () => {
    const started = performance.now();
    const result = importAreasGeoJson(
      readFileSync(`${REAL}/lad-uk-2019-buc.geojson`, 'utf8'),
      'lad-uk-2019-buc.geojson',
    );
    const ms = performance.now() - started;
    console.log(`[real] lad-uk-2019-buc.geojson: ${result.areas.features.length} areas in ${ms.toFixed(0)} ms`);
    expect(result.idField).toBe('lad19cd');
    expect(result.areas.features).toHaveLength(382);
    const thanet = result.areas.features.find((f) => f.properties.id === 'E07000114')!;
    expect(thanet.properties.name).toBe('Thanet');
    expect(thanet.properties.centroid[0]).toBeCloseTo(1.3283, 3);
  });

  it('joins every sample flow to real boundaries by ONS code', () => {
    const london = importAreasGeoJson(readFileSync(`${REAL}/lad-london.geojson`, 'utf8'), 'lad-london.geojson').areas
      .features;
    const destinations = importAreasGeoJson(
      readFileSync(`${REAL}/lad-destinations.geojson`, 'utf8'),
      'lad-destinations.geojson',
    ).areas.features;
    const uk = importAreasGeoJson(readFileSync(`${REAL}/lad-uk-2019-buc.geojson`, 'utf8'), 'lad-uk-2019-buc.geojson')
      .areas.features;
    expect(london).toHaveLength(33);
    expect(destinations.map((f) => f.properties.id)).toEqual(
      expect.arrayContaining(['E07000114', 'E07000106', 'E06000052', 'W06000015']),
    );
    const ids = new Set(uk.map((f) => f.properties.id));
    const flows = readFileSync('data/sample/flows.csv', 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    const unjoined = flows.filter(([o, d]) => !ids.has(o) || !ids.has(d));
    console.log(`[real] ${flows.length - unjoined.length} of ${flows.length} sample flows join to real LAD boundaries`);
    expect(unjoined).toEqual([]);
  });

  it('detects British National Grid, reprojects it with proj4 and says so', () => {
    const started = performance.now();
    const result = importAreasGeoJson(
      readFileSync(`${REAL}/lad-bng-sample.geojson`, 'utf8'),
      'lad-bng-sample.geojson',
      { idField: 'CODE', nameField: 'NAME' },
    );
    console.log(
      `[real] lad-bng-sample.geojson (4,518 vertices) reprojected in ${(performance.now() - started).toFixed(0)} ms`,
    );
    const bristol = result.areas.features[0];
    expect(bristol.properties).toMatchObject({ id: 'E06000023', name: 'City of Bristol (B)' });
    const [lon, lat] = bristol.properties.centroid;
    expect(lon).toBeGreaterThan(-2.8);
    expect(lon).toBeLessThan(-2.4);
    expect(lat).toBeGreaterThan(51.3);
    expect(lat).toBeLessThan(51.6);
    expect(result.warnings.map(formatProblem).join('\n')).toContain('British National Grid (EPSG:27700)');
  });
});
