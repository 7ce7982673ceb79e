/**
 * The cell finder (src/data/disclosure/cell-finder.ts) puts every point in the cell h3-js's
 * `latLngToCell` puts it in, at every allowed resolution: points spread over the globe, clustered
 * a few cells wide (around the pentagons and the faces' centres too), and placed on and a hair
 * either side of cells' edges and corners and the icosahedron's edges, where rounding decides.
 * It asks h3-js about few of them, which is what makes it fast. The incident counter built on it
 * counts what counting h3-js's cells counts.
 *
 * CELL_FINDER_POINTS=1000000 runs each resolution's spread and clustered points a hundred times
 * over (a few minutes).
 */
import { randomLcg, randomNormal } from 'd3-random';
import { cellToBoundary, cellToLatLng, getPentagons, getRes0Cells, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { CellFinder } from '../../src/data/disclosure/cell-finder';
import { IncidentCellCounter } from '../../src/data/disclosure/protect';
import { protectCount } from '../../src/data/disclosure/rules';

const POINTS = Number(process.env.CELL_FINDER_POINTS ?? 10_000);
const RESOLUTIONS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
const DEGREES = 180 / Math.PI;

/** Points where the finder and h3-js disagree: [lat, lon, finder's cell, h3-js's cell]. */
function disagreements(finder: CellFinder, points: Iterable<[number, number]>): [number, number, string, string][] {
  const out: [number, number, string, string][] = [];
  for (const [lat, lon] of points) {
    const found = finder.cells[finder.idOf(lat, lon)];
    const expected = latLngToCell(lat, lon, finder.resolution);
    if (found !== expected) out.push([lat, lon, found, expected]);
  }
  return out;
}

function* spread(n: number, random: () => number): Generator<[number, number]> {
  for (let i = 0; i < n; i++) yield [Math.asin(random() * 2 - 1) * DEGREES, random() * 360 - 180];
}

/** Points within a few cells of each centre: several points share each cell, as incidents do. */
function* clustered(n: number, resolution: number, centres: [number, number][], random: () => number) {
  const width = 40 / Math.sqrt(7) ** resolution;
  for (let i = 0; i < n; i++) {
    const [lat, lon] = centres[i % centres.length];
    yield [lat + (random() - 0.5) * width, lon + (random() - 0.5) * width] as [number, number];
  }
}

/** Points on a line from a to b (degrees), each moved by a hair (up to `hair` degrees) or not at all. */
function* along(a: [number, number], b: [number, number], steps: number, hair: number, random: () => number) {
  for (let s = 0; s <= steps; s++) {
    const t = s / steps;
    const lat = a[0] + (b[0] - a[0]) * t;
    const lon = a[1] + (b[1] - a[1]) * t;
    yield [lat, lon] as [number, number];
    for (const scale of [1e-13, 1e-11, 1e-9, 1e-7, hair])
      yield [lat + (random() - 0.5) * scale, lon + (random() - 0.5) * scale] as [number, number];
  }
}

describe('the cell finder', () => {
  const random = randomLcg(0.2026);
  const pentagons = getPentagons(0).map((cell) => cellToLatLng(cell));
  // Resolution-0 hexagons' centres include the faces' centres (one hexagon is centred on each face).
  const centres: [number, number][] = [
    ...pentagons,
    ...getRes0Cells().map((cell) => cellToLatLng(cell)),
    [51.5, -0.1],
    [50.4, -4.1],
  ];

  it.each(RESOLUTIONS)('finds h3-js’s cell for points spread and clustered, resolution %i', (resolution) => {
    const finder = new CellFinder(resolution);
    expect(disagreements(finder, spread(POINTS, random))).toEqual([]);
    expect(disagreements(finder, clustered(POINTS * 3, resolution, centres, random))).toEqual([]);
  });

  it.each(RESOLUTIONS)('finds h3-js’s cell on and beside cells’ edges and corners, resolution %i', (resolution) => {
    const finder = new CellFinder(resolution);
    const cells = new Set(
      [...clustered(300, resolution, centres, random)].map(([lat, lon]) => latLngToCell(lat, lon, resolution)),
    );
    const points: [number, number][] = [];
    for (const cell of cells) {
      const corners = cellToBoundary(cell);
      corners.forEach((corner, i) => points.push(...along(corner, corners[(i + 1) % corners.length], 4, 1e-5, random)));
    }
    expect(disagreements(finder, points)).toEqual([]);
  });

  it('finds h3-js’s cell along the icosahedron’s edges and at its corners', () => {
    const edges: [number, number][][] = [];
    const cosine = ([lat1, lon1]: [number, number], [lat2, lon2]: [number, number]) => {
      const [a, b, c, d] = [lat1, lon1, lat2, lon2].map((x) => x / DEGREES);
      return Math.sin(a) * Math.sin(c) + Math.cos(a) * Math.cos(c) * Math.cos(b - d);
    };
    for (let i = 0; i < pentagons.length; i++)
      for (let j = i + 1; j < pentagons.length; j++)
        if (cosine(pentagons[i], pentagons[j]) > 0.3 && Math.abs(pentagons[i][1] - pentagons[j][1]) < 180)
          edges.push([pentagons[i], pentagons[j]]);
    expect(edges.length).toBeGreaterThan(20);
    for (const resolution of RESOLUTIONS) {
      const finder = new CellFinder(resolution);
      // Straight in latitude and longitude, not a great circle: the points cross the edge, near it.
      const points = edges.flatMap(([a, b]) => [...along(a, b, 40, 1e-3, random)]);
      expect(disagreements(finder, points)).toEqual([]);
    }
  });

  it('asks h3-js about only a few points: once per cell and face, and on the margins', () => {
    const finder = new CellFinder(7);
    // 100,000 points over London, about 30 km across: about 260 cells.
    for (let i = 0; i < 100_000; i++) finder.idOf(51.5 + (random() - 0.5) * 0.3, -0.1 + (random() - 0.5) * 0.45);
    expect(finder.cells.length).toBeGreaterThan(200);
    expect(finder.askedH3).toBeLessThan(finder.cells.length * 1.1 + 10);
  });

  it('passes points h3-js cannot place to h3-js, which says why', () => {
    const finder = new CellFinder(7);
    expect(() => finder.idOf(Number.NaN, 0)).toThrow();
    expect(() => finder.idOf(0, Number.POSITIVE_INFINITY)).toThrow();
  });

  it('refuses a resolution it is not allowed', () => {
    expect(() => new CellFinder(10)).toThrow(/H3 resolution 10 is not allowed/);
    expect(() => new CellFinder(1.5)).toThrow(/H3 resolution 1.5 is not allowed/);
  });
});

describe('the incident counter on the cell finder', () => {
  it('counts each period’s points in the cells h3-js gives, then suppresses and rounds them', () => {
    const random = randomLcg(0.514);
    const normal = randomNormal.source(random)(0, 0.05);
    const periods = ['2024-03', '2024-01', '2024-02'];
    const counter = new IncidentCellCounter(7);
    const expected = new Map<string, number>();
    for (let i = 0; i < 60_000; i++) {
      const [lat, lon, period] = [51.5 + normal(), -0.1 + normal() * 1.6, periods[i % 3]];
      counter.add(lat, lon, period);
      const key = `${period} ${latLngToCell(lat, lon, 7)}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const settings = { threshold: 10, roundingBase: 5 };
    const cells = counter.cells(settings);
    expect(cells).toEqual(
      [...expected.keys()].sort().map((key) => {
        const [period, cell] = key.split(' ');
        return { cell, period, count: protectCount(expected.get(key)!, settings) };
      }),
    );
    expect(cells.filter((c) => c.count === null).length).toBeGreaterThan(10);
    expect(cells.filter((c) => c.count !== null).length).toBeGreaterThan(10);
  });
});
