import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { getResolution, isValidCell } from 'h3-js';
import { DEFAULT_SEED, generateSample, type SampleFiles } from '../../scripts/sample/generate';
import { assembleDataset, parseAreas, parseFlowsCsv, parseManifest } from '../../src/data/io/parse';
import { checkCells, parseIncidentsCsv } from '../../src/data/io/incident-cells';
import { quarterRange } from '../../src/data/periods';
import type { Dataset } from '../../src/data/schema';

let files: SampleFiles;
let dataset: Dataset;

beforeAll(() => {
  files = generateSample(DEFAULT_SEED);
  dataset = assembleDataset(
    parseManifest(files['manifest.json']),
    parseAreas(files['areas.geojson']),
    parseFlowsCsv(files['flows.csv']),
    parseIncidentsCsv(files['incidents.csv']),
    checkCells,
  );
});

describe('sample generator', () => {
  it('is deterministic: the same seed gives byte-identical files, and they are the committed ones', () => {
    expect(generateSample(DEFAULT_SEED)).toEqual(files);
    for (const [name, text] of Object.entries(files)) {
      expect(readFileSync(`data/sample/${name}`, 'utf8'), `data/sample/${name} is stale: run npm run data:sample`).toBe(
        text,
      );
    }
  });

  it('changes with the seed', () => {
    expect(generateSample(DEFAULT_SEED + 1)['flows.csv']).not.toBe(files['flows.csv']);
  });

  it('passes the published-dataset schema and is labelled synthetic', () => {
    expect(dataset.manifest.synthetic).toBe(true);
    expect(dataset.manifest.notice).toMatch(/illustrative synthetic/i);
    expect(dataset.periods).toEqual(quarterRange('2016-Q1', '2024-Q4'));
  });

  it('has the required origins and destinations with real ONS codes', () => {
    const byId = new Map(dataset.areas.features.map((f) => [f.properties.id, f.properties]));
    const london = dataset.areas.features.filter((f) => /^E090000(0[1-9]|[12]\d|3[0-3])$/.test(f.properties.id));
    expect(london.length).toBeGreaterThanOrEqual(19);
    expect(london.every((f) => f.properties.role === 'origin' && f.properties.group === 'London')).toBe(true);
    for (const [id, name] of [
      ['E08000012', 'Liverpool'],
      ['E08000025', 'Birmingham'],
      ['E08000003', 'Manchester'],
    ])
      expect(byId.get(id)).toMatchObject({ name, role: 'origin' });
    for (const [id, name] of [
      ['E07000114', 'Thanet'],
      ['E07000106', 'Canterbury'],
      ['E06000052', 'Cornwall'],
      ['W06000015', 'Cardiff'],
      ['W06000011', 'Swansea'],
      ['W06000022', 'Newport'],
      ['W06000012', 'Neath Port Talbot'],
      ['W06000013', 'Bridgend'],
    ])
      expect(byId.get(id)).toMatchObject({ name, role: 'destination' });
  });

  const ONS = '../shared/fixtures-real/lad-uk-2019-buc.geojson';
  it.skipIf(!existsSync(ONS))('each area is its ONS Local Authority District (April 2019, BUC) boundary', () => {
    const ons = new Map<string, GeoJSON.Polygon | GeoJSON.MultiPolygon>(
      JSON.parse(readFileSync(ONS, 'utf8')).features.map((f: GeoJSON.Feature) => [f.properties!.lad19cd, f.geometry]),
    );
    /** Every vertex, rounded as the generator rounds (4 decimals), in a set: winding does not matter. */
    const vertices = (geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon) =>
      new Set(
        (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates)
          .flat(2)
          .map(([x, y]) => `${x.toFixed(4)},${y.toFixed(4)}`),
      );
    for (const { properties, geometry } of dataset.areas.features) {
      const source = ons.get(properties.id);
      expect(source, `${properties.id} ${properties.name} in the ONS file`).toBeDefined();
      if (geometry.type === 'Point' || !source) continue;
      expect(vertices(geometry), properties.name).toEqual(vertices(source));
    }
  });

  it('has real geometry around each public centroid, wound counter-clockwise', () => {
    for (const { properties, geometry } of dataset.areas.features) {
      expect(geometry.type).not.toBe('Point');
      if (geometry.type === 'Point') continue;
      const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
      for (const [outer] of polygons) {
        // Shoelace: positive area = counter-clockwise in lon/lat.
        const signedArea = outer.slice(1).reduce((sum, p, i) => sum + (outer[i][0] * p[1] - p[0] * outer[i][1]), 0);
        expect(signedArea, properties.name).toBeGreaterThan(0);
      }
      const xs = polygons.flatMap(([outer]) => outer.map((p) => p[0]));
      const ys = polygons.flatMap(([outer]) => outer.map((p) => p[1]));
      expect(Math.min(...xs) - 0.01).toBeLessThan(properties.centroid[0]);
      expect(Math.max(...xs) + 0.01).toBeGreaterThan(properties.centroid[0]);
      expect(Math.min(...ys) - 0.01).toBeLessThan(properties.centroid[1]);
      expect(Math.max(...ys) + 0.01).toBeGreaterThan(properties.centroid[1]);
    }
  });

  it('has passed suppression: no published count under 10, all rounded to 5, suppressed ones present', () => {
    const published = dataset.flows.filter((f) => f.count !== null).map((f) => f.count!);
    expect(published.every((c) => c >= 10 && c % 5 === 0)).toBe(true);
    expect(dataset.flows.some((f) => f.count === null)).toBe(true);
    const cells = dataset.incidents.filter((c) => c.count !== null).map((c) => c.count!);
    expect(cells.length).toBeGreaterThan(100);
    expect(cells.every((c) => c >= 10 && c % 5 === 0)).toBe(true);
  });

  it('follows public scale: hundreds of lines a quarter, tens per destination, London dominant for Kent', () => {
    const perPeriod = dataset.periods.map((p) =>
      dataset.flows.filter((f) => f.period === p).reduce((s, f) => s + (f.count ?? 5), 0),
    );
    expect(Math.max(...perPeriod)).toBeGreaterThan(600);
    expect(Math.max(...perPeriod)).toBeLessThan(2000);
    const thanet = dataset.flows.filter((f) => f.dest === 'E07000114' && f.period === '2019-Q1');
    const thanetTotal = thanet.reduce((s, f) => s + (f.count ?? 0), 0);
    expect(thanetTotal).toBeGreaterThanOrEqual(10);
    expect(thanetTotal).toBeLessThan(100);
    const kent = dataset.flows.filter(
      (f) => ['E07000114', 'E07000106', 'E07000108', 'E07000113', 'E06000035'].includes(f.dest) && f.count !== null,
    );
    const fromLondon = kent.filter((f) => f.origin.startsWith('E09')).reduce((s, f) => s + f.count!, 0);
    expect(fromLondon / kent.reduce((s, f) => s + f.count!, 0)).toBeGreaterThan(0.8);
  });

  it('has incidents only as H3 cells at the manifest resolution', () => {
    for (const { cell } of dataset.incidents) {
      expect(isValidCell(cell)).toBe(true);
      expect(getResolution(cell)).toBe(dataset.manifest.h3Resolution);
    }
  });
});
