/**
 * Greedy label placement: at a given zoom, keep the highest-priority labels whose boxes do not
 * overlap. Done on the CPU in Web Mercator pixels (a few dozen labels), so the result is
 * deterministic, testable without a GPU, and the same in every export.
 */
import type { LabelDatum } from '../derive/labels';
import { toScreenWorld } from './mercator';

/** Web Mercator world pixels at `zoom` (512-px tiles, as MapLibre uses), y down. */
export function projectToPixels(lngLat: [number, number], zoom: number): [number, number] {
  const [x, y] = toScreenWorld(lngLat);
  return [x * 2 ** zoom, y * 2 ** zoom];
}

export interface PlacementOptions {
  /** Approximate advance of one character, px. */
  charWidthPx: number;
  /** Label height including halo, px. */
  heightPx: number;
  /** Space kept clear around each label, px. */
  paddingPx: number;
  /** Vertical offset of the label from its anchor, px (matches the layer's pixel offset). */
  offsetYPx: number;
}

export const DEFAULT_PLACEMENT: PlacementOptions = { charWidthPx: 7.6, heightPx: 16, paddingPx: 3, offsetYPx: -12 };

/** Placement for a label size in pixels (the defaults are for 13 px labels). */
export function placementFor(labelSizePx: number): PlacementOptions {
  const k = labelSizePx / 13;
  return {
    charWidthPx: DEFAULT_PLACEMENT.charWidthPx * k,
    heightPx: DEFAULT_PLACEMENT.heightPx * k,
    paddingPx: DEFAULT_PLACEMENT.paddingPx,
    offsetYPx: DEFAULT_PLACEMENT.offsetYPx * k,
  };
}

export function placeLabels(labels: LabelDatum[], zoom: number, options = DEFAULT_PLACEMENT): LabelDatum[] {
  const placed: { box: [number, number, number, number]; label: LabelDatum }[] = [];
  const candidates = labels
    .filter((l) => zoom >= l.minZoom)
    .sort((a, b) => b.priority - a.priority || a.text.localeCompare(b.text));
  const collides = (box: [number, number, number, number]) =>
    placed.some(({ box: b }) => box[0] < b[2] && box[2] > b[0] && box[1] < b[3] && box[3] > b[1]);
  for (const label of candidates) {
    const [x, y] = projectToPixels(label.position, zoom);
    const halfWidth = (label.text.length * options.charWidthPx) / 2 + options.paddingPx;
    const halfHeight = options.heightPx / 2 + options.paddingPx;
    // Above its place; a movable label may also go below, right or left of it.
    const spots: [number, number][] = [[0, options.offsetYPx]];
    if (label.movable) {
      // A little further out than the usual spot: clear of a neighbour's label placed above it.
      const below = -options.offsetYPx * 1.25;
      const side = halfWidth + options.heightPx / 2;
      spots.push([0, below], [side, 0], [-side, 0], [side, below], [-side, below]);
    }
    for (const [dx, dy] of spots) {
      const cx = x + dx;
      const cy = y + dy;
      const box: [number, number, number, number] = [cx - halfWidth, cy - halfHeight, cx + halfWidth, cy + halfHeight];
      if (collides(box)) continue;
      placed.push({ box, label: dy === options.offsetYPx && dx === 0 ? label : { ...label, offsetPx: [dx, dy] } });
      break;
    }
  }
  return placed.map((p) => p.label);
}
