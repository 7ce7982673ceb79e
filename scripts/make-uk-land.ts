/**
 * Writes scripts/basemap-data/uk-land-ons-2019-buc.json: the United Kingdom's land, the union of
 * the ONS Local Authority Districts (April 2019) Boundaries UK BUC (clipped to Mean High Water,
 * generalised to 500 m), which the basemap draws from zoom 7 so that the coast agrees with the
 * areas at town scale (Natural Earth's 1:10m coast misses Sheppey and cuts the Thames estuary).
 *
 *   npx tsx scripts/make-uk-land.ts [path to lad-uk-2019-buc.geojson]
 *
 * The districts share their boundaries exactly, so a topology merges them without slivers.
 * Source: Office for National Statistics licensed under the Open Government Licence v3.0;
 * contains OS data © Crown copyright and database right 2019. Provenance: scripts/basemap-data/README.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { FeatureCollection, MultiPolygon, Position } from 'geojson';
import { merge } from 'topojson-client';
import { topology } from 'topojson-server';
import type { GeometryCollection, Topology } from 'topojson-specification';

export const UK_LAND_FILE = new URL('./basemap-data/uk-land-ons-2019-buc.json', import.meta.url);

/** 3 decimals: about 100 m, a fifth of the source's 500 m generalisation. */
const round = (ring: Position[]): Position[] =>
  ring
    .map(([lon, lat]) => [Math.round(lon * 1e3) / 1e3, Math.round(lat * 1e3) / 1e3])
    .filter((p, i, all) => i === 0 || p[0] !== all[i - 1][0] || p[1] !== all[i - 1][1]);

export function ukLand(districts: FeatureCollection): MultiPolygon {
  // Quantised to 1e6 steps (~1 m over the UK): identical shared vertices stay identical arcs.
  const topo = topology({ districts }, 1e6) as unknown as Topology<{ districts: GeometryCollection }>;
  const land = merge(topo, topo.objects.districts.geometries as never);
  const coordinates = land.coordinates
    .map((polygon) => polygon.map(round).filter((ring) => ring.length >= 4))
    .filter((polygon) => polygon.length > 0);
  return { type: 'MultiPolygon', coordinates };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const source =
    process.argv[2] ?? new URL('../../shared/fixtures-real/lad-uk-2019-buc.geojson', import.meta.url).pathname;
  const land = ukLand(JSON.parse(readFileSync(source, 'utf8')));
  writeFileSync(UK_LAND_FILE, `${JSON.stringify(land)}\n`);
  console.log(`${UK_LAND_FILE.pathname}: ${land.coordinates.length} polygons`);
}
