/**
 * The map outside React: `createAtlasMap(container, callbacks)` makes the MapLibre map with the
 * deck.gl overlay interleaved into its WebGL context (one canvas, so exports and pixel tests see
 * everything), runs the readiness protocol (readiness.ts) and returns a handle for scenes, exports
 * and tools. It knows nothing of React or the store: the callbacks say where the camera, notices
 * and a lost graphics context go (use-maplibre.ts is the small hook around it).
 */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { MapLibreOverlay } from '@deck.gl/maplibre';
import { interleavedOverlay } from './interleaved-overlay';
import type { Layer, PickingInfo } from '@deck.gl/core';
import { inheritingWorkerUrl } from '../net/inheriting-worker';
import { embeddedPack, packWorkerUrl } from '../pack/embedded';
import type { MapHandle } from '../state/map-handle';
import type { Camera } from '../data/view';
import { boundsText, type Bounds } from '../data/bounds';
import { basemapStyle, GREAT_BRITAIN_BOUNDS } from './basemap-style';
import { setReady, whenReady } from './readiness';
import { rendersInSoftware } from './renderer';
import { allSlicesDrawn } from './sliced-layer';
import { firstViewPrograms } from './first-programs';

// Started from a blob so MapLibre's workers run under the page's CSP (see inheriting-worker.ts);
// in a briefing pack the blob holds the worker's whole source.
const pack = embeddedPack();
maplibregl.setWorkerUrl(pack ? packWorkerUrl(pack) : inheritingWorkerUrl(workerUrl));
// Start MapLibre's workers now, while the page is still rendering: fetching their script and
// cutting the basemap into tiles is the longest step before the first map (bench/README.md).
maplibregl.prewarm();
const basemapData = pack && {
  land: JSON.parse(pack.files['basemap/land.json']),
  lines: JSON.parse(pack.files['basemap/lines.json']),
};

/** Where tests and tools can ask the map a question; no app logic depends on it. */
export interface AtlasDebugHandle {
  project: (lngLat: [number, number]) => { x: number; y: number };
  canvasRect: () => DOMRect;
  /** The place names drawn now (the labels layer's texts). */
  labels: () => string[];
  /** The layers under a point of the canvas, topmost first (`depth` of them), as a click picks them. */
  layersAt: (x: number, y: number, depth?: number) => string[];
}
declare global {
  interface Window {
    __atlas?: AtlasDebugHandle;
  }
}

/** Before any dataset: Great Britain. */
const HOME_FRAME: Bounds = [...GREAT_BRITAIN_BOUNDS[0], ...GREAT_BRITAIN_BOUNDS[1]] as Bounds;
/**
 * Room around a framed view: 24 px at a desk, less on a phone's embed, where every pixel of a
 * 300 px map is wanted for the routes (3 % of the map's smaller side, at least 6 px). Measured on
 * the size the map draws at (its canvas, resized with it), not the page's layout, which can change
 * a frame before the map resizes (entering presenting): a scene refits to the same bounds.
 */
const framePadding = (drawn: HTMLElement) => ({
  padding: Math.max(6, Math.min(24, Math.round(Math.min(drawn.clientWidth, drawn.clientHeight) * 0.03))),
});
const frameBounds = ([west, south, east, north]: Bounds): [[number, number], [number, number]] => [
  [west, south],
  [east, north],
];

export interface AtlasMap {
  map: maplibregl.Map;
  overlay: MapLibreOverlay;
  /** What scenes, exports and tools drive the map with. */
  handle: MapHandle;
  /** Hands deck.gl the layers to draw (and where hovering goes). */
  setLayers: (layers: Layer[], onHover: (info: PickingInfo) => void) => void;
  /** Marks the map not ready until a frame that draws the current layers has settled. */
  awaitNextFrame: () => void;
  /** True once layers have been handed to the overlay at least once. */
  hasLayers: () => boolean;
  /** Set while the layers wait for something (a lazy module, incident cells, Gi*): not ready. */
  setPending: (pending: boolean) => void;
  /**
   * Where clicks go, picked from MapLibre's own click event (never after a drag): everything under
   * the pointer, topmost first (an arrowhead over the area it points at), and where on the map.
   */
  setOnClick: (onClick: (picked: PickingInfo[], at: MapClick) => void) => void;
  /** Fits the place being shown again (a dataset arrived), unless the reader has moved the map. */
  refit: () => void;
  /** Removes the map and everything it listens to. */
  dispose: () => void;
}

/** Where a click landed, in CSS pixels of the map's canvas. */
export interface MapClick {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where a view looks: a pinned camera, else a frame fitted to the map, else the dataset's routes. */
export interface Place {
  camera?: Camera;
  frame?: Bounds;
}

export interface AtlasMapCallbacks {
  /** Where the map opens (a link's camera or frame), or nothing: the routes once they load. */
  place: Place;
  /** The area of the dataset's routes (undefined before a dataset): where a view with no place looks. */
  home: () => Bounds | undefined;
  /** The zoom and what is on screen after each move and resize; `byReader` when the reader moved it. */
  onMoved: (zoom: number, bounds: Bounds, byReader: boolean) => void;
  /** A fault of the map itself, by key; undefined clears it. */
  onNotice: (key: string, text: string | undefined) => void;
  /** The graphics context came back after a loss: the caller makes a new map. */
  onContextRestored: () => void;
}

const reducedMotion = () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

export function createAtlasMap(container: HTMLElement, callbacks: AtlasMapCallbacks): AtlasMap {
  setReady(false);
  // Versions continue from the last map's (a map rebuilt after a lost context), so that callers
  // waiting for "newer than what I saw" are never answered by the old map's numbers.
  const startVersion = Number(document.body.dataset.mapVersion ?? 0);
  let renderedVersion = startVersion;
  let wantedVersion = startVersion;
  let layersGiven = false;
  let pending = false;
  let onClick: (picked: PickingInfo[], at: MapClick) => void = () => {};
  let drawnLayers: Layer[] = [];
  // A camera from the URL (#map=…) wins; else its frame; else Great Britain until the routes load.
  let place = callbacks.place;
  const { camera } = place;
  performance.mark('atlas:map-start');
  const map = new maplibregl.Map({
    container,
    style: basemapStyle(document.baseURI, basemapData),
    ...(camera
      ? { center: camera.center, zoom: camera.zoom, bearing: camera.bearing, pitch: camera.pitch }
      : {
          bounds: frameBounds(place.frame ?? callbacks.home() ?? HOME_FRAME),
          fitBoundsOptions: framePadding(container),
        }),
    maxBounds: [
      [-25, 43],
      [17, 65],
    ],
    attributionControl: { compact: false },
    dragRotate: false,
    pitchWithRotate: false,
    // No preserveDrawingBuffer: it slows every frame, and exports draw their own map.
    // Exports always multisample: they are drawn once, off screen, for print.
    canvasContextAttributes: { antialias: !rendersInSoftware() },
  });
  map.touchZoomRotate.disableRotation();
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
  const overlay = interleavedOverlay({
    onAfterRender: () => {
      renderedVersion = wantedVersion;
    },
  });
  map.addControl(overlay);
  // Until the first layers come, layers with no rows whose programs they will use (first-programs.ts).
  overlay.setProps({ layers: firstViewPrograms() });
  // The place shown stays fitted as the map changes size (an embed narrowed to a phone, the panel
  // hidden to present), until the reader moves the map; then the map stays where they put it.
  let following = true;
  let movedByReader = false;
  const showPlace = (animate: boolean) => {
    if (place.camera) {
      const to = { ...place.camera };
      if (animate && !reducedMotion()) map.flyTo({ ...to, essential: false });
      else map.jumpTo(to);
      return;
    }
    const frame = place.frame ?? callbacks.home() ?? HOME_FRAME;
    map.fitBounds(frameBounds(frame), {
      ...framePadding(map.getCanvas()),
      bearing: 0,
      pitch: map.getPitch(),
      animate: animate && !reducedMotion(),
    });
  };
  map.on('movestart', (e) => {
    if ((e as { originalEvent?: unknown }).originalEvent) {
      following = false;
      movedByReader = true;
    }
  });
  const resizer = new ResizeObserver(() => {
    map.resize();
    if (following && !place.camera) showPlace(false);
  });
  resizer.observe(container);
  const reportMove = () => {
    const bounds = map.getBounds().toArray().flat() as Bounds;
    // A hook for tests and tools, like data-map-ready: what is visible, "west,south,east,north".
    document.body.dataset.mapBounds = boundsText(bounds);
    callbacks.onMoved(map.getZoom(), bounds, movedByReader);
    movedByReader = false;
  };
  map.on('load', reportMove);
  map.on('moveend', reportMove);
  map.on('resize', reportMove);
  // The camera is known as soon as the map is made (the frame is fitted in its constructor):
  // reported now, the first layers (labels and grouping follow the zoom) are composed at the zoom
  // they are drawn at, not at the store's default until the map has loaded.
  reportMove();
  // Clicks are picked here from MapLibre's own click event: deck's gesture recogniser does not
  // see taps on a MapLibre 6 canvas in interleaved mode.
  map.on('click', (e) => {
    const { clientWidth: width, clientHeight: height } = map.getContainer();
    onClick(overlay.pickMultipleObjects({ x: e.point.x, y: e.point.y, radius: 2, depth: 4 }), {
      x: e.point.x,
      y: e.point.y,
      width,
      height,
    });
  });
  const notice = callbacks.onNotice;
  notice('basemap', undefined);
  // With a listener here MapLibre no longer logs its errors; each one becomes a notice instead.
  map.on('error', (e) => {
    const sourceId = (e as { sourceId?: string }).sourceId;
    if (sourceId === 'land' || sourceId === 'lines')
      notice(
        'basemap',
        `The basemap (basemap/${sourceId}.json) could not be loaded, so the land is not drawn. The data on the map is unaffected; reload to try again.`,
      );
    else notice('map', `The map reported a problem: ${e.error?.message ?? 'unknown error'}`);
  });
  const canvas = map.getCanvas();
  const onLost = (event: Event) => {
    event.preventDefault(); // asks the browser to restore the context
    setReady(false);
    // Nothing for deck to (re)initialise on the dead context; the rebuilt map gets the layers.
    overlay.setProps({ layers: [] });
    notice(
      'webgl',
      'The graphics context was lost (the GPU was reset or ran short of memory). The map is redrawn when it returns.',
    );
  };
  const onRestored = () => {
    notice('webgl', undefined);
    callbacks.onContextRestored();
  };
  canvas.addEventListener('webglcontextlost', onLost);
  canvas.addEventListener('webglcontextrestored', onRestored);
  // 'idle' = every source loaded and no frame pending: with deck interleaved, its layers too. A
  // sliced layer may go idle between slices; it is drawn when its last slice is (sliced-layer.ts).
  map.on('idle', () => {
    if (layersGiven && renderedVersion === wantedVersion && !pending && allSlicesDrawn(drawnLayers))
      setReady(true, wantedVersion);
  });

  const handle: MapHandle = {
    show: (next, animate = false) => {
      place = next;
      following = true;
      showPlace(animate);
    },
    getCanvas: () => map.getCanvas(),
    getCamera: () => {
      const { lng, lat } = map.getCenter();
      return { center: [lng, lat], zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() };
    },
    getBounds: () => map.getBounds().toArray() as [[number, number], [number, number]],
    project: ([lng, lat]) => map.project([lng, lat]),
    whenReady,
  };
  window.__atlas = {
    project: handle.project,
    canvasRect: () => map.getCanvas().getBoundingClientRect(),
    layersAt: (x, y, depth = 4) =>
      overlay.pickMultipleObjects({ x, y, radius: 2, depth }).map((info) => info.layer?.id ?? ''),
    labels: () => {
      const data = drawnLayers.find((layer) => layer.id === 'labels')?.props.data;
      return Array.isArray(data) ? data.map((d: { text: string }) => d.text) : [];
    },
  };
  return {
    map,
    overlay,
    handle,
    awaitNextFrame: () => {
      setReady(false);
      layersGiven = true;
      wantedVersion += 1;
      map.triggerRepaint();
    },
    setLayers: (layers, onHover) => {
      // Timed for the bench (row c): the app's own work per change, apart from drawing the frame.
      const started = performance.now();
      drawnLayers = layers;
      overlay.setProps({ layers, onHover });
      performance.measure('atlas:layers-update', { start: started });
    },
    hasLayers: () => layersGiven,
    refit: () => {
      if (following) showPlace(false);
    },
    setPending: (value) => {
      const was = pending;
      pending = value;
      // Ready is said only on 'idle'. If the last frame went idle while something was pending (an
      // incidents file still loading, then refused), nothing else would draw again: one more frame
      // gives the 'idle' that can say it. Without it the map stayed "not ready" for good whenever
      // the refusal came after that frame.
      if (was && !value) map.triggerRepaint();
    },
    setOnClick: (next) => {
      onClick = next;
    },
    dispose: () => {
      canvas.removeEventListener('webglcontextlost', onLost);
      canvas.removeEventListener('webglcontextrestored', onRestored);
      resizer.disconnect();
      delete window.__atlas;
      map.remove();
    },
  };
}
