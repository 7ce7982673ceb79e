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
  for (const label of candidates) {
    const [x, y] = projectToPixels(label.position, zoom);
    const halfWidth = (label.text.length * options.charWidthPx) / 2 + options.paddingPx;
    const halfHeight = options.heightPx / 2 + options.paddingPx;
    const cy = y + options.offsetYPx;
    const box: [number, number, number, number] = [x - halfWidth, cy - halfHeight, x + halfWidth, cy + halfHeight];
    const collides = placed.some(({ box: b }) => box[0] < b[2] && box[2] > b[0] && box[1] < b[3] && box[3] > b[1]);
    if (!collides) placed.push({ box, label });
  }
  return placed.map((p) => p.label);
}
