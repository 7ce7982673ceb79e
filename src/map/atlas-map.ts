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
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { PickingInfo } from '@deck.gl/core';
import { inheritingWorkerUrl } from '../net/inheriting-worker';
import { embeddedPack, packWorkerUrl } from '../pack/embedded';
import type { MapHandle } from '../state/map-handle';
import type { Camera } from '../data/view';
import { boundsText, type Bounds } from '../data/bounds';
import { basemapStyle, GREAT_BRITAIN_BOUNDS } from './basemap-style';
import { setReady, whenReady } from './readiness';

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

/**
 * Whether to multisample (antialias) the map's canvas. On a graphics card it costs next to nothing;
 * in software WebGL (a PC whose GPU is blocklisted or virtual: SwiftShader, llvmpipe, Microsoft's
 * Basic Render Driver) it was the largest cost of the first map: 4.1 s with it, 2.9 s without,
 * against 3.0 s for a bare page (bench/README.md). Browsers do not report software rendering as a
 * "major performance caveat" reliably, so the renderer's name decides, asked once of a throwaway
 * context. Exports always multisample: they are drawn once, off screen, for print.
 */
let multisample: boolean | undefined;
function multisampling(): boolean {
  if (multisample === undefined) {
    const gl = document.createElement('canvas').getContext('webgl2');
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    const renderer = info ? String(gl!.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
    multisample = !/swiftshader|llvmpipe|softpipe|software|basic render/i.test(renderer);
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
  }
  return multisample;
}

/** Where tests and tools can ask the map a question; no app logic depends on it. */
export interface AtlasDebugHandle {
  project: (lngLat: [number, number]) => { x: number; y: number };
  canvasRect: () => DOMRect;
}
declare global {
  interface Window {
    __atlas?: AtlasDebugHandle;
  }
}

const HOME = { bounds: GREAT_BRITAIN_BOUNDS, fitBoundsOptions: { padding: 24 } };

export interface AtlasMap {
  map: maplibregl.Map;
  overlay: MapLibreOverlay;
  /** What scenes, exports and tools drive the map with. */
  handle: MapHandle;
  /** Marks the map not ready until a frame that draws the current layers has settled. */
  awaitNextFrame: () => void;
  /** True once layers have been handed to the overlay at least once. */
  hasLayers: () => boolean;
  /** Set while the layers wait for something (a lazy module, incident cells, Gi*): not ready. */
  setPending: (pending: boolean) => void;
  /** Where clicks go, picked from MapLibre's own click event. */
  setOnClick: (onClick: (info: PickingInfo | null) => void) => void;
  /** Removes the map and everything it listens to. */
  dispose: () => void;
}

export interface AtlasMapCallbacks {
  /** Where the map opens: a camera from a link, or undefined for Great Britain. */
  camera?: Camera;
  /** The camera and what is on screen, after each move and resize (and once loaded). */
  onCamera: (camera: Camera, bounds: Bounds) => void;
  /** A fault of the map itself, by key; undefined clears it. */
  onNotice: (key: string, text: string | undefined) => void;
  /** The graphics context came back after a loss: the caller makes a new map. */
  onContextRestored: () => void;
}

const cameraOf = (map: maplibregl.Map): Camera => {
  const { lng, lat } = map.getCenter();
  return { center: [lng, lat], zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() };
};

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
  let onClick: (info: PickingInfo | null) => void = () => {};
  // A camera from the URL (#map=…) wins; otherwise open on Great Britain.
  const { camera } = callbacks;
  performance.mark('atlas:map-start');
  const map = new maplibregl.Map({
    container,
    style: basemapStyle(document.baseURI, basemapData),
    ...(camera ? { center: camera.center, zoom: camera.zoom, bearing: camera.bearing, pitch: camera.pitch } : HOME),
    maxBounds: [
      [-25, 43],
      [17, 65],
    ],
    attributionControl: { compact: false },
    dragRotate: false,
    pitchWithRotate: false,
    // No preserveDrawingBuffer: it slows every frame, and exports draw their own map.
    canvasContextAttributes: { antialias: multisampling() },
  });
  map.touchZoomRotate.disableRotation();
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
  const overlay = new MapLibreOverlay({
    interleaved: true,
    layers: [],
    onAfterRender: () => {
      renderedVersion = wantedVersion;
    },
  });
  map.addControl(overlay);
  // The opening view keeps Great Britain in frame as the map changes size (an embed narrowed to
  // a phone), until the reader or a scene moves the camera.
  let followHome = !camera;
  map.on('movestart', (e) => {
    if ((e as { originalEvent?: unknown }).originalEvent) followHome = false;
  });
  // The container changes size without the window doing so (presenting hides the panel).
  const resizer = new ResizeObserver(() => {
    map.resize();
    if (followHome) map.fitBounds(HOME.bounds, { ...HOME.fitBoundsOptions, animate: false });
  });
  resizer.observe(container);
  const reportCamera = () => {
    const bounds = map.getBounds().toArray().flat() as Bounds;
    // A hook for tests and tools, like data-map-ready: what is visible, "west,south,east,north".
    document.body.dataset.mapBounds = boundsText(bounds);
    callbacks.onCamera(cameraOf(map), bounds);
  };
  map.on('load', reportCamera);
  map.on('moveend', reportCamera);
  map.on('resize', reportCamera);
  // Clicks are picked here from MapLibre's own click event: deck's gesture recogniser does not
  // see taps on a MapLibre 6 canvas in interleaved mode.
  map.on('click', (e) => onClick(overlay.pickObject({ x: e.point.x, y: e.point.y, radius: 2 })));
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
  // 'idle' = every source loaded and no frame pending: with deck interleaved, its layers too.
  map.on('idle', () => {
    if (layersGiven && renderedVersion === wantedVersion && !pending) setReady(true, wantedVersion);
  });

  const handle: MapHandle = {
    flyTo: (to) => {
      followHome = false;
      if (reducedMotion()) map.jumpTo(to);
      else map.flyTo({ ...to, essential: false });
    },
    jumpTo: (to) => {
      followHome = false;
      map.jumpTo(to);
    },
    resetCamera: () => {
      followHome = true;
      map.fitBounds(HOME.bounds, { ...HOME.fitBoundsOptions, pitch: map.getPitch(), bearing: 0, animate: false });
    },
    getCanvas: () => map.getCanvas(),
    getBounds: () => map.getBounds().toArray() as [[number, number], [number, number]],
    project: ([lng, lat]) => map.project([lng, lat]),
    whenReady,
  };
  window.__atlas = { project: handle.project, canvasRect: () => map.getCanvas().getBoundingClientRect() };
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
    hasLayers: () => layersGiven,
    setPending: (value) => {
      pending = value;
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
