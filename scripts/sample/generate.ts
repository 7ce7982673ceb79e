/**
 * Generates the illustrative sample dataset, deterministically from a seed.
 *
 * Geometry is real: the ONS local authority district boundaries (2019, BUC). Counts are
 * synthetic: a seeded model shaped like the public figures, then passed through disclosure control
 * exactly as a real release would be. See data/sample/README.md.
 */
import { randomLcg, randomLogNormal, randomNormal, randomPoisson } from 'd3-random';
import { cellToLatLng, latLngToCell } from 'h3-js';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { dropEmptyParts, greatBritainLand } from '../basemap';
import { protectCount } from '../../src/data/disclosure/rules';
import { protectFlows } from '../../src/data/disclosure/protect';
import type { RawFlow } from '../../src/data/disclosure/raw-flows';
import { routesFrame } from '../../src/data/analysis/frame';
import { quarterRange, periodIndex } from '../../src/data/periods';
import {
  SUPPRESSED_TOKEN,
  type AreaCollection,
  type AreaGeometry,
  type AreaFeature,
  type DisclosureSettings,
  type Manifest,
  type Measure,
} from '../../src/data/schema';
import { writeCsv } from '../../src/data/io/csv-cells';
import { publishedFlowsTable } from '../../src/data/io/published-flows';
import { flowsToColumns } from '../../src/data/flow-columns';
import { DESTINATION_PROFILE, EXPORTER_SHARE, SAMPLE_AREAS, type SampleArea } from './areas';
import ladBoundaries from './lad-2019-buc.json';

export const DEFAULT_SEED = 20161;
export const FIRST_PERIOD = '2016-Q1';
export const LAST_PERIOD = '2024-Q4';
export const H3_RESOLUTION = 7;
const LONDON_RUNNERS_PER_DESTINATION = 3;
/** Tunes the whole sample to the public national range (see areas.ts). */
const LINES_SCALE = 1.5;
const DISCLOSURE: DisclosureSettings = { threshold: 10, roundingBase: 5 };

export interface SampleFiles {
  'manifest.json': string;
  'areas.geojson': string;
  'flows.csv': string;
  'incidents.csv': string;
}

/** Rounds every coordinate to 4 decimals (~10 m): finer than the 500 m generalisation, and stable text. */
function round4<T>(value: T): T {
  if (typeof value === 'number') return (Math.round(value * 1e4) / 1e4) as T;
  if (Array.isArray(value)) return value.map(round4) as T;
  return value;
}

/** Land of England and Wales south of 54.5°N: all the sample needs, and far quicker to clip against. */
function sampleLand(): Feature<Polygon | MultiPolygon> {
  const clipped = dropEmptyParts(
    turf.bboxClip(greatBritainLand(), [-6.5, 49.8, 2.2, 54.5]).geometry as Polygon | MultiPolygon,
  );
  if (!clipped) throw new Error('no land in the sample area');
  return turf.feature(clipped);
}

/**
 * The areas' real boundaries: ONS "Local Authority Districts (April 2019) Boundaries UK BUC"
 * (generalised to 500 m, clipped to Mean High Water), the sample's 55 features copied unchanged
 * into lad-2019-buc.json (provenance in data/sample/README.md), wound as RFC 7946 asks.
 */
function realGeometry(areas: SampleArea[]): Map<string, AreaGeometry> {
  const byCode = new Map(
    (ladBoundaries as FeatureCollection<Polygon | MultiPolygon, { lad19cd: string }>).features.map((f) => [
      f.properties.lad19cd,
      f,
    ]),
  );
  const out = new Map<string, AreaGeometry>();
  for (const area of areas) {
    const feature = byCode.get(area.id);
    if (!feature) throw new Error(`no boundary for ${area.id} (${area.name}) in lad-2019-buc.json`);
    out.set(area.id, round4((turf.rewind(feature, { reverse: false }) as typeof feature).geometry) as AreaGeometry);
  }
  return out;
}

/** National trend: rising to the 2019 peak, then falling under the County Lines Programme. */
function trend(period: string): number {
  const t = periodIndex(period) - periodIndex(FIRST_PERIOD);
  const peak = periodIndex('2019-Q1') - periodIndex(FIRST_PERIOD);
  const last = periodIndex(LAST_PERIOD) - periodIndex(FIRST_PERIOD);
  return t <= peak ? 0.55 + 0.45 * (t / peak) : 1 - 0.4 * ((t - peak) / (last - peak));
}

/** Two further measures, as a force's return might carry them. */
export const SAMPLE_MEASURES: Measure[] = [
  { id: 'referrals', label: 'young people referred' },
  { id: 'cuckooing', label: 'cuckooing cases' },
];
/** Mean of each measure per active line on a route (illustrative, not from any statistic). */
const MEASURE_PER_LINE: Record<string, number> = { referrals: 1.6, cuckooing: 0.7 };

const flowsTable = (flows: ReturnType<typeof protectFlows>) => {
  const { header, rows } = publishedFlowsTable(flows, SAMPLE_MEASURES);
  return [header, rows] as const;
};

export function generateSample(seed = DEFAULT_SEED): SampleFiles {
  const source = randomLcg(seed / 2 ** 32);
  const normal = randomNormal.source(source);
  const logNormal = randomLogNormal.source(source)(0, 1);
  const poisson = (mean: number) => (mean > 0 ? randomPoisson.source(source)(mean)() : 0);
  // The further measures draw from a stream of their own, so adding them left every other number
  // of the sample as it was.
  const measureSource = randomLcg(((seed + 1) % 2 ** 32) / 2 ** 32);
  const measurePoisson = (mean: number) => (mean > 0 ? randomPoisson.source(measureSource)(mean)() : 0);

  const areas = SAMPLE_AREAS;
  const land = sampleLand();
  const geometry = realGeometry(areas);
  const areaCollection: AreaCollection = {
    type: 'FeatureCollection',
    features: areas.map(
      (a): AreaFeature => ({
        type: 'Feature',
        properties: {
          id: a.id,
          name: a.name,
          role: a.role,
          group: a.group,
          population: a.population,
          centroid: a.centroid,
        },
        geometry: geometry.get(a.id)!,
      }),
    ),
  };

  const origins = areas.filter((a) => a.role === 'origin');
  const destinations = areas.filter((a) => a.role === 'destination');
  // A few boroughs run most of London's lines into any one place: heavy-tailed weights per borough
  // and per route, fixed for the whole run so that established routes persist from period to period.
  const boroughWeight = new Map(origins.map((o) => [o.id, logNormal() * (o.population / 300_000)]));
  const routeWeight = new Map<string, number>();
  for (const d of destinations) {
    const london = origins
      .filter((o) => o.group === 'London')
      .map((o) => [o.id, boroughWeight.get(o.id)! * logNormal()] as const);
    // Only a handful of boroughs run lines into any one destination.
    const runners = new Set(
      [...london]
        .sort((a, b) => b[1] - a[1])
        .slice(0, LONDON_RUNNERS_PER_DESTINATION)
        .map(([id]) => id),
    );
    for (const [id, weight] of london) routeWeight.set(`${id}>${d.id}`, runners.has(id) ? weight : 0);
    for (const o of origins) if (o.group !== 'London') routeWeight.set(`${o.id}>${d.id}`, 1);
  }
  const shareOf = (origin: SampleArea, dest: SampleArea): number => {
    const groupShare = EXPORTER_SHARE[dest.region as keyof typeof EXPORTER_SHARE][origin.group] ?? 0;
    const peers = origins.filter((o) => o.group === origin.group);
    const total = peers.reduce((sum, o) => sum + routeWeight.get(`${o.id}>${dest.id}`)!, 0);
    return (groupShare * routeWeight.get(`${origin.id}>${dest.id}`)!) / total;
  };

  const periods = quarterRange(FIRST_PERIOD, LAST_PERIOD);
  const rawFlows: RawFlow[] = [];
  const incidentRows: string[] = ['cell,period,count'];
  const landCells = new Map<string, boolean>();
  for (const period of periods) {
    for (const dest of destinations) {
      const profile = DESTINATION_PROFILE[dest.id];
      const lines = profile.peakLines * LINES_SCALE * trend(period);
      for (const origin of origins) {
        const raw = poisson(lines * shareOf(origin, dest));
        if (raw === 0) continue;
        const measures = Object.fromEntries(
          SAMPLE_MEASURES.map((m) => [m.id, measurePoisson(raw * MEASURE_PER_LINE[m.id])]),
        );
        rawFlows.push({ origin: origin.id, dest: dest.id, period, count: raw, measures });
      }
      // Incidents: points scattered around the destination's towns, coarsened to H3 cells.
      const rawCells = new Map<string, number>();
      const incidents = poisson(lines * profile.incidentsPerLine);
      const weightSum = profile.towns.reduce((sum, t) => sum + t[2], 0);
      for (let i = 0; i < incidents; i++) {
        let pick = source() * weightSum;
        const town = profile.towns.find((t) => (pick -= t[2]) < 0) ?? profile.towns[0];
        const lat = town[1] + normal(0, 0.008)();
        const lon = town[0] + normal(0, 0.008 / Math.cos((town[1] * Math.PI) / 180))();
        const cell = latLngToCell(lat, lon, H3_RESOLUTION);
        rawCells.set(cell, (rawCells.get(cell) ?? 0) + 1);
      }
      for (const [cell, raw] of [...rawCells].sort(([a], [b]) => a.localeCompare(b))) {
        if (!landCells.has(cell)) landCells.set(cell, turf.booleanPointInPolygon(cellCentre(cell), land));
        if (!landCells.get(cell)) continue; // an incident "at sea" is the scatter's artefact, not data
        const count = protectCount(raw, DISCLOSURE);
        incidentRows.push(`${cell},${period},${count ?? SUPPRESSED_TOKEN}`);
      }
    }
  }

  const publishedFlows = protectFlows(rawFlows, DISCLOSURE);
  const manifest: Manifest = {
    title: 'County lines: where supply routes run',
    subtitle: 'Active county lines by exporting borough or city and destination area, per quarter, 2016–2024',
    source:
      'Illustrative synthetic data generated by scripts/make-sample.ts (seed ' + seed + '). Not police or NCA figures.',
    licence:
      'Synthetic counts: CC0 1.0. Area names, codes, centroids and boundaries: ONS, Open Government Licence v3.0.',
    attribution:
      'Source: Office for National Statistics licensed under the Open Government Licence v3.0; contains OS data © Crown copyright and database right 2019',
    synthetic: true,
    notice: 'Illustrative synthetic data: the places are real, the numbers are not.',
    periodGranularity: 'quarter',
    flowMeasure: 'active county lines',
    measures: SAMPLE_MEASURES,
    incidentMeasure: 'drug supply incidents',
    disclosure: DISCLOSURE,
    frame: routesFrame(areaCollection.features, flowsToColumns(publishedFlows)),
    h3Resolution: H3_RESOLUTION,
    files: { areas: 'areas.geojson', flows: 'flows.csv', incidents: 'incidents.csv' },
  };

  return {
    'manifest.json': JSON.stringify(manifest, null, 2) + '\n',
    'areas.geojson': JSON.stringify(areaCollection) + '\n',
    'flows.csv': writeCsv(...flowsTable(publishedFlows)),
    'incidents.csv': incidentRows.join('\n') + '\n',
  };
}

function cellCentre(cell: string): Feature<Point> {
  // h3-js returns [lat, lng]; GeoJSON wants [lng, lat].
  const [lat, lng] = cellToLatLng(cell);
  return turf.point([lng, lat]);
}
