/**
 * A map key as data: each drawn layer returns its own rows (layer-module.ts), built from the same
 * scale, colours and classes its layers draw with, so the key cannot disagree with the map. One
 * React renderer (ui/map-key.tsx) and one canvas renderer (export/draw-key.ts) draw these rows;
 * nothing else describes a key.
 */
import { DESK_LOOK, type MapLook, type Rgba } from './theme';

export type KeyRow =
  /** A line of a given width: a flow at a sample count, or the protected-flow line. */
  | { kind: 'width'; label: string; colour: string; widthPx: number }
  /** A filled patch: a class, a category, an area kind. `empty`: no member of it is in view. */
  | { kind: 'swatch'; label: string; colour: string; outline?: string; empty?: boolean }
  /** A continuous scale (the density view, the 3D arcs' origin-to-destination colour). */
  | { kind: 'ramp'; label: string; colours: string[]; ends: [string, string] }
  /** Circles at sample values, side by side (area totals): each as drawn, its value under it. */
  | {
      kind: 'size';
      label: string;
      colour: string;
      outline: string;
      circles: { value: string; radiusPx: number }[];
    }
  /**
   * A sentence: what the layer shows, its method, what it leaves out. `method`: how the layer is
   * made, which the desk's key folds under "How this is made" so the marks stay on screen.
   */
  | { kind: 'note'; label: string; method?: boolean };

export interface KeySection {
  /** The layer module's id; also the section's test id (`legend-<id>`). */
  id: string;
  title: string;
  rows: KeyRow[];
}

const hex2 = (n: number) =>
  Math.round(Math.min(255, Math.max(0, n)))
    .toString(16)
    .padStart(2, '0');

/** "#rrggbb" of an opaque colour. */
export const hex = ([r, g, b]: readonly number[]): string => `#${hex2(r)}${hex2(g)}${hex2(b)}`;

export function parseHex(colour: string): [number, number, number] {
  const n = Number.parseInt(colour.slice(1, 7), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * A colour as it shows on the map: a translucent fill composited over the land it is drawn on
 * (alpha blending, as WebGL draws it), as "#rrggbb". Opaque colours come back unchanged.
 */
export function drawnColour(colour: Rgba | string, look: MapLook = DESK_LOOK, alpha?: number): string {
  const [r, g, b, a = 255] = typeof colour === 'string' ? [...parseHex(colour), alpha ?? 255] : colour;
  const share = (alpha ?? a) / 255;
  const ground = parseHex(look.basemap.land);
  return hex([r, g, b].map((c, i) => c * share + ground[i] * (1 - share)));
}

/** One width for a flow of `count` everywhere it is drawn: the map, the key and the PNG. */
export const flowWidthPx = (count: number, pixelsPerUnit: number, look: MapLook): number =>
  Math.max(look.flow.minWidthPx, count * pixelsPerUnit);
