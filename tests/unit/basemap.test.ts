import { describe, expect, it } from 'vitest';
import { BASEMAP_BBOX, buildBasemap } from '../../scripts/basemap';

describe('offline basemap from Natural Earth', () => {
  const basemap = buildBasemap();

  it('has the UK and its neighbours as land', () => {
    const names = basemap.land.features.map((f) => f.properties.name);
    expect(names).toEqual(expect.arrayContaining(['United Kingdom', 'Ireland', 'France', 'Isle of Man']));
    expect(basemap.land.features.filter((f) => f.properties.uk)).toHaveLength(1);
  });

  it('has coastline and borders, all inside the bounding box', () => {
    expect(basemap.lines.features.map((f) => f.properties.kind)).toEqual(['coast', 'border']);
    const [w, s, e, n] = BASEMAP_BBOX;
    for (const feature of [...basemap.lines.features, ...basemap.land.features]) {
      const flat = JSON.stringify(feature.geometry.coordinates).match(/-?\d+(\.\d+)?,-?\d+(\.\d+)?/g) ?? [];
      for (const pair of flat) {
        const [x, y] = pair.split(',').map(Number);
        expect(x >= w && x <= e && y >= s && y <= n, pair).toBe(true);
      }
    }
  });
});
