/**
 * How briefing scenes, exports and tools drive the map without reaching into MapLibre: the map
 * component registers one of these in the store when it is created.
 */
import type { Bounds } from '../data/bounds';
import type { Camera } from '../data/view';

export interface MapHandle {
  /**
   * Shows a view's place: its pinned camera, else its frame fitted to the map's size, else the
   * dataset's routes; and keeps fitting it as the map changes size, until the reader moves the
   * map. Smoothly when `animate` (instant when the reader prefers reduced motion).
   */
  show(place: { camera?: Camera; frame?: Bounds }, animate?: boolean): void;
  /** The map's canvas (basemap and data layers are drawn into this one canvas). */
  getCanvas(): HTMLCanvasElement;
  /** Where the map looks now. */
  getCamera(): Camera;
  /** The area on screen: [[west, south], [east, north]]. */
  getBounds(): [[number, number], [number, number]];
  /** Screen position of a [lon, lat] in CSS pixels, relative to the canvas. */
  project(lngLat: [number, number]): { x: number; y: number };
  /** Resolves once everything the current state asks for has drawn (`data-map-ready`). */
  whenReady(): Promise<void>;
}
