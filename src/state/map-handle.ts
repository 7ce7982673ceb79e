/**
 * How briefing scenes, exports and tools drive the map without reaching into MapLibre: the map
 * component registers one of these in the store when it is created.
 */
import type { Camera } from '../data/view';

export interface MapHandle {
  /** Moves the camera smoothly; instant when the reader prefers reduced motion. */
  flyTo(camera: Camera): void;
  jumpTo(camera: Camera): void;
  /** The opening view: Great Britain fitted to the map. */
  resetCamera(): void;
  /** The map's canvas (basemap and data layers are drawn into this one canvas). */
  getCanvas(): HTMLCanvasElement;
  /** The area on screen: [[west, south], [east, north]]. */
  getBounds(): [[number, number], [number, number]];
  /** Screen position of a [lon, lat] in CSS pixels, relative to the canvas. */
  project(lngLat: [number, number]): { x: number; y: number };
  /** Resolves once everything the current state asks for has drawn (`data-map-ready`). */
  whenReady(): Promise<void>;
}
