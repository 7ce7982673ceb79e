/**
 * What a view shows, as [west, south, east, north] in degrees: the map reports it after every
 * move, the key counts what is in it ("none here"), and tests read it from `body[data-map-bounds]`.
 */
export type Bounds = [number, number, number, number];

/** Whether a point [lon, lat] is inside the bounds (all of the world when there are none). */
export const pointIn = (bounds: Bounds | undefined, [lon, lat]: readonly [number, number] | readonly number[]) =>
  !bounds || (lon >= bounds[0] && lon <= bounds[2] && lat >= bounds[1] && lat <= bounds[3]);

/** Whether a box [west, south, east, north] meets the bounds. */
export const boxMeets = (bounds: Bounds | undefined, box: Bounds) =>
  !bounds || (box[0] <= bounds[2] && box[2] >= bounds[0] && box[1] <= bounds[3] && box[3] >= bounds[1]);

/** The box around some points. */
export function boxOf(points: Iterable<readonly number[]>): Bounds {
  const box: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of points) {
    box[0] = Math.min(box[0], lon);
    box[1] = Math.min(box[1], lat);
    box[2] = Math.max(box[2], lon);
    box[3] = Math.max(box[3], lat);
  }
  return box;
}

/** "w,s,e,n" to 4 decimals: the `data-map-bounds` hook's form. */
export const boundsText = (bounds: Bounds) => bounds.map((v) => v.toFixed(4)).join(',');
