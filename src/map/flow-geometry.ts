/**
 * Curved flow lines: a quadratic Bézier in Web Mercator, bending to the right of the direction of
 * travel (so A→B and B→A never overlap), ending a little short of the destination where an
 * arrowhead sits. Computed once per network, independent of zoom.
 */
import { fromScreenWorld as toLngLat, toScreenWorld as toWorld } from './mercator';

export interface FlowCurve {
  /**
   * Longitude, latitude of each point in turn, flat: deck.gl's PathLayer takes it as it is
   * (`_pathType: 'open'`, FLAT_PATH) instead of flattening and checking every path of every upload.
   */
  path: Float64Array;
  /** Where the arrowhead sits, and its heading in degrees counter-clockwise from east (screen). */
  arrow: { position: [number, number]; angle: number };
}

/** Bend as a share of the chord; the curve stops at `END` of the way so the arrow is visible. */
const BEND = 0.18;
const END = 0.93;
const STEPS = 12;

export function flowCurve(source: [number, number], target: [number, number]): FlowCurve {
  const a = toWorld(source);
  const b = toWorld(target);
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  // Right-hand normal in screen space (y down): (−dy, dx) turns clockwise.
  const control: [number, number] = [(a[0] + b[0]) / 2 - dy * BEND, (a[1] + b[1]) / 2 + dx * BEND];
  const at = (t: number): [number, number] => [
    (1 - t) ** 2 * a[0] + 2 * (1 - t) * t * control[0] + t ** 2 * b[0],
    (1 - t) ** 2 * a[1] + 2 * (1 - t) * t * control[1] + t ** 2 * b[1],
  ];
  const path = new Float64Array((STEPS + 1) * 2);
  for (let i = 0; i <= STEPS; i++) path.set(toLngLat(at((i / STEPS) * END)), i * 2);
  const tip = at(END);
  const tangent = [
    2 * (1 - END) * (control[0] - a[0]) + 2 * END * (b[0] - control[0]),
    2 * (1 - END) * (control[1] - a[1]) + 2 * END * (b[1] - control[1]),
  ];
  const angle = (-Math.atan2(tangent[1], tangent[0]) * 180) / Math.PI;
  return { path, arrow: { position: toLngLat(tip), angle } };
}

/** Point `k` of a curve's path, as [longitude, latitude]. */
export const pointOnCurve = (curve: FlowCurve, k: number): [number, number] => [
  curve.path[k * 2],
  curve.path[k * 2 + 1],
];

/** How a PathLayer reads FlowCurve paths: flat, open, two numbers a point (no normalising pass). */
export const FLAT_PATH = { _pathType: 'open', positionFormat: 'XY' } as const;

type Point = [number, number];
const curvesFrom = new WeakMap<Point, WeakMap<Point, FlowCurve>>();

/**
 * The curve between two end points (nodes' centroid arrays), made once and shared by every
 * period's flow between them and by change mode. Keyed by the two arrays themselves, not by a
 * string per flow (a large file has millions), and held weakly, so the curves go with the dataset
 * whose nodes they join. (derive/memo's `memoize` keys by one object and primitives; this is a pair.)
 */
export function curveBetween(source: Point, target: Point): FlowCurve {
  let toTargets = curvesFrom.get(source);
  if (!toTargets) curvesFrom.set(source, (toTargets = new WeakMap()));
  let curve = toTargets.get(target);
  if (!curve) toTargets.set(target, (curve = flowCurve(source, target)));
  return curve;
}
