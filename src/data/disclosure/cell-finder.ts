/**
 * The H3 cell of each of many points, exactly as h3-js's `latLngToCell` finds it, at a fraction
 * of its cost per point.
 *
 * H3 finds a point's cell in two steps. First, the point's place on the nearest face of an
 * icosahedron: coordinates in a hexagonal lattice drawn on that face (a gnomonic projection, scaled
 * for the resolution). Second, from that face and lattice point alone, the cell's index: this step
 * holds H3's tables and rotations, and through h3-js it costs two allocations and a string a
 * point. Points are counted in far fewer cells than there are points, so the finder does the first
 * step for every point and asks h3-js for the index once per face and lattice point it meets.
 *
 * The lattice is built from h3-js's own answers, not from H3's tables:
 * - the icosahedron's vertices are the centres of H3's twelve resolution-0 pentagons, and each
 *   face's centre is the mean of its three vertices;
 * - at resolution 0 each vertex is two lattice steps from its face's centre, on a lattice axis;
 * - each finer resolution's step is √7 smaller, and odd (Class III) resolutions turn the lattice
 *   by atan(√3 / 5), aperture 7's rotation.
 *
 * Exact, not nearly. A point takes this path only when its face and its lattice point are clear by
 * a margin far wider than any rounding in H3's arithmetic or in this file's; any other point is
 * given to `latLngToCell`. The margins:
 * - a lattice point: the point is 1e-7 of a lattice step or more from the edge of its hexagon
 *   (the rounding here and in H3 is below 1e-10 of a step at resolution 9);
 * - a face: the point is measurably nearer one face's centre than any other;
 * - within about a kilometre of a face's centre, always h3-js: there H3 finds the distance with
 *   an `acos` of a number near 1, which loses digits as the point nears the centre.
 *
 * tests/unit/cell-finder.test.ts checks points at every allowed resolution against h3-js: spread
 * over the globe, clustered, and placed on cells' edges and corners, the faces' edges and the
 * pentagons.
 */
import { cellToLatLng, getPentagons, latLngToCell } from 'h3-js';
import { H3_RESOLUTION_RANGE } from '../schema';

/** The margin, in lattice steps, a point must keep from its hexagon's edge. */
const LATTICE_MARGIN = 1e-7;
/** How much nearer (cosine of the angle) a point must be to its face's centre than to another's. */
const FACE_MARGIN = 1e-10;
/** Cosine of the angle within which a face's centre is left to h3-js (about 1.4e-4 rad, 0.9 km). */
const NEAR_FACE_CENTRE = 1 - 1e-8;
const AP7_TURN = Math.atan(Math.sqrt(3) / 5);
const SIN60 = Math.sqrt(3) / 2;
const RADIANS = Math.PI / 180;
/** Lattice coordinates are offset by this to pack into a key: beyond H3's range at resolution 9. */
const KEY_OFFSET = 1 << 15;
const KEY_SPAN = 1 << 16;

type Vector = [number, number, number];

const unitVector = (latDegrees: number, lonDegrees: number): Vector => {
  const lat = latDegrees * RADIANS;
  const lon = lonDegrees * RADIANS;
  return [Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)];
};
const dot = (a: Vector, b: Vector) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: Vector, b: Vector): Vector => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
const scaled = (a: Vector, k: number): Vector => [a[0] * k, a[1] * k, a[2] * k];
const sum = (a: Vector, b: Vector): Vector => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];

/** The icosahedron H3 draws on: each face's centre, one of its vertices, and its three neighbours. */
interface Icosahedron {
  centres: Vector[];
  vertices: Vector[];
  neighbours: number[][];
}

let icosahedron: Icosahedron | undefined;

function h3Icosahedron(): Icosahedron {
  if (icosahedron) return icosahedron;
  const corners = getPentagons(0).map((cell) => unitVector(...cellToLatLng(cell)));
  // Neighbouring vertices are 63.4° apart (cosine 1/√5); any other pair is further.
  const adjacent = (a: number, b: number) => dot(corners[a], corners[b]) > 0.3;
  const faces: number[][] = [];
  for (let a = 0; a < corners.length; a++)
    for (let b = a + 1; b < corners.length; b++)
      for (let c = b + 1; c < corners.length; c++)
        if (adjacent(a, b) && adjacent(b, c) && adjacent(a, c)) faces.push([a, b, c]);
  if (corners.length !== 12 || faces.length !== 20) throw new Error('h3-js gave no icosahedron');
  const centres = faces.map(([a, b, c]) => {
    const mean = sum(sum(corners[a], corners[b]), corners[c]);
    return scaled(mean, 1 / Math.hypot(...mean));
  });
  // Faces that share an edge share two vertices.
  const neighbours = faces.map((face, f) =>
    faces.flatMap((other, g) => (g !== f && other.filter((v) => face.includes(v)).length === 2 ? [g] : [])),
  );
  icosahedron = { centres, vertices: faces.map(([a]) => corners[a]), neighbours };
  return icosahedron;
}

/**
 * Interns the H3 cells of points at one resolution: `idOf` gives each point's cell a small number,
 * the same for every point in that cell, and `cells[id]` is the cell's index as h3-js writes it.
 */
export class CellFinder {
  /** Each cell's index, by id. */
  readonly cells: string[] = [];
  /** Points given to h3-js's latLngToCell: new lattice points and points on the margins. */
  askedH3 = 0;
  /** Per face: its centre, then its lattice's two axes scaled to steps at this resolution. */
  private readonly frames: Float64Array;
  private readonly neighbours: Int8Array;
  private readonly idByKey = new Map<number, number>();
  private readonly idByCell = new Map<string, number>();
  /** The last point's face: the next point's face is most often the same. */
  private face = 0;

  constructor(readonly resolution: number) {
    const [coarsest, finest] = H3_RESOLUTION_RANGE;
    if (!Number.isInteger(resolution) || resolution < coarsest || resolution > finest) {
      throw new RangeError(
        `H3 resolution ${resolution} is not allowed: incident cells must be resolution ${coarsest} to ${finest}`,
      );
    }
    const { centres, vertices, neighbours } = h3Icosahedron();
    this.frames = new Float64Array(centres.length * 9);
    this.neighbours = new Int8Array(neighbours.flat());
    const turn = resolution % 2 === 1 ? -AP7_TURN : 0;
    centres.forEach((centre, f) => {
      // The vertex on the face's plane (gnomonic): two lattice steps at resolution 0.
      const vertex = vertices[f];
      const onPlane = sum(scaled(vertex, 1 / dot(vertex, centre)), scaled(centre, -1));
      const twoSteps = Math.hypot(...onPlane);
      const axisX = scaled(onPlane, 1 / twoSteps);
      const axisY = cross(centre, axisX);
      const steps = (2 / twoSteps) * Math.sqrt(7) ** resolution;
      const cos = Math.cos(turn) * steps;
      const sin = Math.sin(turn) * steps;
      this.frames.set(
        [...centre, ...sum(scaled(axisX, cos), scaled(axisY, -sin)), ...sum(scaled(axisX, sin), scaled(axisY, cos))],
        f * 9,
      );
    });
  }

  /** The id of the cell the point (degrees) is in. */
  idOf(lat: number, lon: number): number {
    const key = this.latticeKey(lat, lon);
    if (key >= 0) {
      const id = this.idByKey.get(key);
      if (id !== undefined) return id;
      const found = this.askH3(lat, lon);
      this.idByKey.set(key, found);
      return found;
    }
    return this.askH3(lat, lon);
  }

  private askH3(lat: number, lon: number): number {
    this.askedH3++;
    return this.intern(latLngToCell(lat, lon, this.resolution));
  }

  private intern(cell: string): number {
    let id = this.idByCell.get(cell);
    if (id === undefined) {
      id = this.cells.push(cell) - 1;
      this.idByCell.set(cell, id);
    }
    return id;
  }

  /** A number naming the point's face and lattice point, or -1 when either is within the margins. */
  private latticeKey(latDegrees: number, lonDegrees: number): number {
    const lat = latDegrees * RADIANS;
    const lon = lonDegrees * RADIANS;
    const cosLat = Math.cos(lat);
    const px = cosLat * Math.cos(lon);
    const py = cosLat * Math.sin(lon);
    const pz = Math.sin(lat);
    if (!Number.isFinite(px + py + pz)) return -1;
    const frames = this.frames;
    // A face's region is bounded by its three edges, so being nearer its centre than its three
    // neighbours' settles it; otherwise every face is tried. (Written out, not as a closure: one
    // made per point costs more than the rest of this function under tsx.)
    let face = this.face;
    let nearest = px * frames[face * 9] + py * frames[face * 9 + 1] + pz * frames[face * 9 + 2];
    let clear = true;
    for (let n = face * 3; n < face * 3 + 3; n++) {
      const g = this.neighbours[n] * 9;
      if (px * frames[g] + py * frames[g + 1] + pz * frames[g + 2] > nearest - FACE_MARGIN) clear = false;
    }
    if (!clear) {
      nearest = -2;
      let second = -2;
      for (let f = 0; f < 20; f++) {
        const d = px * frames[f * 9] + py * frames[f * 9 + 1] + pz * frames[f * 9 + 2];
        if (d > nearest) {
          second = nearest;
          nearest = d;
          face = f;
        } else if (d > second) second = d;
      }
      if (nearest - second < FACE_MARGIN) return -1;
      this.face = face;
    }
    if (nearest > NEAR_FACE_CENTRE) return -1;
    const o = face * 9;
    const x = (px * frames[o + 3] + py * frames[o + 4] + pz * frames[o + 5]) / nearest;
    const y = (px * frames[o + 6] + py * frames[o + 7] + pz * frames[o + 8]) / nearest;
    // Lattice coordinates on the axes at 0° and 60°; the nearest lattice point is a corner of the
    // rhombus the point is in, and it is clear when the next nearest is further by the margin.
    const b = y / SIN60;
    const a = x - b / 2;
    const a0 = Math.floor(a);
    const b0 = Math.floor(b);
    let first = Number.POSITIVE_INFINITY;
    let next = Number.POSITIVE_INFINITY;
    let ka = 0;
    let kb = 0;
    for (let corner = 0; corner < 4; corner++) {
      const la = a0 + (corner & 1);
      const lb = b0 + (corner >> 1);
      const dx = x - (la + lb / 2);
      const dy = y - lb * SIN60;
      const d = dx * dx + dy * dy;
      if (d < first) {
        next = first;
        first = d;
        ka = la;
        kb = lb;
      } else if (d < next) next = d;
    }
    // Two neighbouring lattice points are one step apart, so (next - first) / 2 is the distance
    // to the edge between them.
    if ((next - first) / 2 < LATTICE_MARGIN) return -1;
    if (Math.abs(ka) >= KEY_OFFSET || Math.abs(kb) >= KEY_OFFSET) return -1;
    return (face * KEY_SPAN + ka + KEY_OFFSET) * KEY_SPAN + kb + KEY_OFFSET;
  }
}
