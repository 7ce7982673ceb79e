/**
 * Web Mercator world pixels (512 wide at zoom 0, as MapLibre and deck.gl use), y down as on
 * screen. The projection itself is math.gl's, the one deck.gl draws with; only the y axis is
 * turned to screen order here.
 */
import { lngLatToWorld, worldToLngLat } from '@math.gl/web-mercator';

export const WORLD_SIZE = 512;

export function toScreenWorld(lngLat: [number, number]): [number, number] {
  const [x, y] = lngLatToWorld(lngLat);
  return [x, WORLD_SIZE - y];
}

export function fromScreenWorld([x, y]: [number, number]): [number, number] {
  const [lng, lat] = worldToLngLat([x, WORLD_SIZE - y]);
  return [lng, lat];
}

/** The area a camera shows on a `width` × `height` px screen (no bearing or pitch), [w, s, e, n]. */
export function cameraBounds(
  { center, zoom }: { center: [number, number]; zoom: number },
  width: number,
  height: number,
): [number, number, number, number] {
  const [x, y] = toScreenWorld(center);
  const half = [width / 2 / 2 ** zoom, height / 2 / 2 ** zoom];
  const [west, north] = fromScreenWorld([x - half[0], y - half[1]]);
  const [east, south] = fromScreenWorld([x + half[0], y + half[1]]);
  return [west, south, east, north];
}
