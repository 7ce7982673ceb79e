/**
 * Curved flow lines: a quadratic Bézier in Web Mercator, bending to the right of the direction of
 * travel (so A→B and B→A never overlap), ending a little short of the destination where an
 * arrowhead sits. Computed once per network, independent of zoom.
 */
import { fromScreenWorld as toLngLat, toScreenWorld as toWorld } from './mercator';

export interface FlowCurve {
  path: [number, number][];
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
  const path: [number, number][] = [];
  for (let i = 0; i <= STEPS; i++) path.push(toLngLat(at((i / STEPS) * END)));
  const tip = at(END);
  const tangent = [
    2 * (1 - END) * (control[0] - a[0]) + 2 * END * (b[0] - control[0]),
    2 * (1 - END) * (control[1] - a[1]) + 2 * END * (b[1] - control[1]),
  ];
  const angle = (-Math.atan2(tangent[1], tangent[0]) * 180) / Math.PI;
  return { path, arrow: { position: toLngLat(tip), angle } };
}
