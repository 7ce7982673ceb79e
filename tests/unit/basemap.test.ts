import { readFileSync } from 'node:fs';
import { booleanPointInPolygon, pointToPolygonDistance } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { BASEMAP_BBOX, buildBasemap } from '../../scripts/basemap';
import { ukLand } from '../../scripts/make-uk-land';

describe('offline basemap from Natural Earth, and the ONS land at town scale', () => {
  const basemap = buildBasemap();
  const ukAt = (scale: string) => basemap.land.features.find((f) => f.properties.uk && f.properties.scale === scale)!;

  it('has the UK and its neighbours as land; the UK twice, national and town scale', () => {
    const names = basemap.land.features.map((f) => f.properties.name);
    expect(names).toEqual(expect.arrayContaining(['United Kingdom', 'Ireland', 'France', 'Isle of Man']));
    expect(basemap.land.features.filter((f) => f.properties.uk).map((f) => f.properties.scale)).toEqual([
      'national',
      'town',
    ]);
    expect(basemap.land.features.filter((f) => !f.properties.uk).every((f) => f.properties.scale === 'all')).toBe(true);
  });

  it('has coastline (the UK’s apart) and borders, all inside the bounding box', () => {
    expect(basemap.lines.features.map((f) => [f.properties.kind, f.properties.scale])).toEqual([
      ['coast', 'all'],
      ['coast', 'national'],
      ['border', 'all'],
    ]);
    const [w, s, e, n] = BASEMAP_BBOX;
    for (const feature of [...basemap.lines.features, ...basemap.land.features]) {
      const flat = JSON.stringify(feature.geometry.coordinates).match(/-?\d+(\.\d+)?,-?\d+(\.\d+)?/g) ?? [];
      for (const pair of flat) {
        const [x, y] = pair.split(',').map(Number);
        expect(x >= w && x <= e && y >= s && y <= n, pair).toBe(true);
      }
    }
  });

  it('at town scale the land agrees with the areas: each sample area on it, Canvey Island too', () => {
    const town = ukAt('town');
    const areas = JSON.parse(readFileSync('data/sample/areas.geojson', 'utf8')).features as Feature<
      Polygon | MultiPolygon
    >[];
    // The areas are the same ONS shapes (rounded to 4 decimals, the land to 3): every 10th vertex
    // of each is on the land or within 150 m of it.
    for (const area of areas) {
      const rings = area.geometry.type === 'Polygon' ? [area.geometry.coordinates] : area.geometry.coordinates;
      const vertices = rings.flatMap((polygon) => polygon[0]).filter((_, i) => i % 10 === 0);
      const off = vertices.filter((p) => pointToPolygonDistance(p, town.geometry, { units: 'kilometers' }) > 0.15);
      expect(off, `${area.properties?.name}: vertices off the land`).toEqual([]);
    }
    // Natural Earth's 1:10m coast cuts across the Thames estuary here; the ONS land has the island.
    expect(booleanPointInPolygon([0.56, 51.51], town.geometry)).toBe(true);
    expect(booleanPointInPolygon([0.56, 51.51], ukAt('national').geometry)).toBe(false);
  });

  it('the ONS land is the union of the districts (made by scripts/make-uk-land.ts)', () => {
    const districts = JSON.parse(readFileSync('../shared/fixtures-real/lad-uk-2019-buc.geojson', 'utf8'));
    expect(ukLand(districts)).toEqual(ukAt('town').geometry);
  });
});
