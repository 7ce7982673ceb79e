/**
 * Bench row d, run by scripts/bench.ts in a subprocess with a time limit: the incident pipeline
 * in Node on synthetic points (lat, lon, period) around London, seeded.
 *
 *   fast:  the atlas's own path, as the police-uk importer runs it: points → H3 cells (the cell
 *          finder, src/data/disclosure/cell-finder.ts, which gives h3-js's cells) → suppression
 *          and rounding → Gi* over k-rings (k = 1) for every period.
 *   naive: what one would write without a spatial index: a turf hex grid of the same cell size,
 *          point-in-polygon of each point against every hexagon, then all-pairs centroid distances
 *          for neighbours, then Gi*. It is stopped at the time limit and its total is extrapolated
 *          from the points it managed, which it reports.
 *
 * Prints one JSON line: { ms, points, processed, extrapolated, peakRssMb }.
 */
import { randomLcg, randomNormal } from 'd3-random';
import { booleanPointInPolygon, hexGrid, centroid, distance } from '@turf/turf';
import { getisOrdGiStar, HOTSPOT_METHODS } from '../src/data/analysis/hotspots.ts';
import { IncidentCellCounter, type RawIncidentPoint } from '../src/data/disclosure/protect.ts';

const [mode = 'fast', countText = '100000', limitText = '60'] = process.argv.slice(2);
const count = Number(countText);
const limitMs = Number(limitText) * 1000;
const PERIODS = ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'];

/** Points clustered around a few London centres, like incident records. */
function points(n: number): RawIncidentPoint[] {
  const seed = randomLcg(0.2026);
  const centres: [number, number][] = [
    [51.515, -0.09],
    [51.46, -0.115],
    [51.545, -0.055],
    [51.42, 0.02],
    [51.57, -0.2],
  ];
  const normal = randomNormal.source(seed)(0, 0.03);
  const out: RawIncidentPoint[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const [lat, lon] = centres[Math.floor(seed() * centres.length)];
    out[i] = { lat: lat + normal(), lon: lon + normal() * 1.6, period: PERIODS[Math.floor(seed() * PERIODS.length)] };
  }
  return out;
}

const settings = { threshold: 10, roundingBase: 5 };

function fast(data: RawIncidentPoint[]): number {
  const counter = new IncidentCellCounter(7);
  for (const p of data) counter.add(p.lat, p.lon, p.period);
  const cells = counter.cells(settings);
  const all = [...new Set(cells.map((c) => c.cell))].sort();
  const index = new Map(all.map((c, i) => [c, i]));
  for (const period of PERIODS) {
    const values = new Array<number>(all.length).fill(0);
    for (const c of cells) if (c.period === period) values[index.get(c.cell)!] = c.count ?? settings.threshold / 2;
    HOTSPOT_METHODS['gi-star'].compute({ cells: all, values, k: 1, fdr: false });
  }
  return data.length;
}

function naive(data: RawIncidentPoint[], deadline: number): number {
  // H3 resolution 7 hexagons have edges of about 1.2 km; turf's cellSide is that edge.
  const bbox: [number, number, number, number] = [-0.45, 51.3, 0.3, 51.7];
  const grid = hexGrid(bbox, 1.22, { units: 'kilometers' });
  const hexes = grid.features;
  const counts = PERIODS.map(() => new Array<number>(hexes.length).fill(0));
  let processed = 0;
  for (const p of data) {
    if ((processed & 255) === 0 && performance.now() > deadline) break;
    const at: [number, number] = [p.lon, p.lat];
    for (let h = 0; h < hexes.length; h++) {
      if (booleanPointInPolygon(at, hexes[h])) {
        counts[PERIODS.indexOf(p.period)][h]++;
        break;
      }
    }
    processed++;
  }
  if (processed === data.length) {
    const centres = hexes.map((h) => centroid(h));
    const neighbours = centres.map((a, i) =>
      centres.flatMap((b, j) => (i !== j && distance(a, b, { units: 'kilometers' }) < 2.2 ? [j] : [])),
    );
    for (const values of counts) getisOrdGiStar(values, neighbours);
  }
  return processed;
}

const data = points(count);
const started = performance.now();
const processed = mode === 'naive' ? naive(data, started + limitMs) : fast(data);
const elapsed = performance.now() - started;
const extrapolated = processed < count;
console.log(
  JSON.stringify({
    ms: extrapolated ? (elapsed / Math.max(1, processed)) * count : elapsed,
    points: count,
    processed,
    extrapolated,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
