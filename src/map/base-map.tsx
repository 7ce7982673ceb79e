/**
 * The map: MapLibre draws the offline basemap, deck.gl draws the data interleaved into the same
 * WebGL context (one canvas, so exports and pixel tests see everything).
 *
 * Readiness: `<body data-map-ready="true">` once the basemap and the current layers have drawn a
 * frame; it is reset whenever what should be drawn changes. Tests and the snapshot tool wait on it.
 */
import { useEffect, useMemo, useRef } from 'react';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { PickingInfo } from '@deck.gl/core';
import { useShallow } from 'zustand/react/shallow';
import type { AreaFeature } from '../data/schema';
import { useAtlasStore } from '../state/store';
import { selectViewChoices } from '../state/view-choices';
import { basemapStyle, GREAT_BRITAIN_BOUNDS } from './basemap-style';
import { composeLayers, type ViewChoices } from './compose-layers';
import type { FlowDatum } from './layer-data';
import type { NodeTotal } from './layers/area-totals';
import { useAnalysisLayers } from './use-analysis-layers';
import { inheritingWorkerUrl } from '../net/inheriting-worker';

// Started from a blob so MapLibre's workers run under the page's CSP (see inheriting-worker.ts).
maplibregl.setWorkerUrl(inheritingWorkerUrl(workerUrl));

/** A camera in the URL as the page opened (#map=zoom/lat/lon) wins; otherwise open on Great Britain. */
const CAMERA_IN_URL = /(^#|&)map=/.test(window.location.hash);

/**
 * `data-map-ready` says whether what is drawn matches the current state; `data-map-version` counts
 * layer updates, so a caller that changed something can wait for a version newer than it saw.
 */
function setReady(ready: boolean, version?: number) {
  document.body.dataset.mapReady = String(ready);
  if (version !== undefined) document.body.dataset.mapVersion = String(version);
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

export function BaseMap() {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const overlayRef = useRef<MapLibreOverlay | null>(null);
  const renderedVersion = useRef(0);
  const wantedVersion = useRef(0);
  const pendingRef = useRef(false);
  const clickRef = useRef<(info: PickingInfo | null) => void>(() => {});

  const dataset = useAtlasStore((s) => s.dataset);
  const loading = useAtlasStore((s) => s.status === 'loading');
  const view: ViewChoices | undefined = useAtlasStore(useShallow(selectViewChoices));
  const analysis = useAnalysisLayers();

  /** Marks the map not ready until the next frame that draws the current layers has settled. */
  const awaitNextFrame = () => {
    setReady(false);
    wantedVersion.current += 1;
    mapRef.current?.triggerRepaint();
  };

  useEffect(() => {
    setReady(false);
    const map = new maplibregl.Map({
      container: container.current!,
      style: basemapStyle(document.baseURI),
      ...(CAMERA_IN_URL ? {} : { bounds: GREAT_BRITAIN_BOUNDS, fitBoundsOptions: { padding: 24 } }),
      maxBounds: [
        [-25, 43],
        [17, 65],
      ],
      hash: 'map',
      attributionControl: { compact: false },
      dragRotate: false,
      pitchWithRotate: false,
      canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
    });
    map.touchZoomRotate.disableRotation();
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
    const overlay = new MapLibreOverlay({
      interleaved: true,
      layers: [],
      onAfterRender: () => {
        renderedVersion.current = wantedVersion.current;
      },
    });
    map.addControl(overlay);
    map.on('zoomend', () => useAtlasStore.getState().setZoom(map.getZoom()));
    // Clicks are picked here from MapLibre's own click event: deck's gesture recogniser does not
    // see taps on a MapLibre 6 canvas in interleaved mode.
    map.on('click', (e) => clickRef.current(overlay.pickObject({ x: e.point.x, y: e.point.y, radius: 2 })));
    map.on('load', () => useAtlasStore.getState().setZoom(map.getZoom()));
    // 'idle' = every source loaded and no frame pending: with deck interleaved, its layers too.
    map.on('idle', () => {
      if (wantedVersion.current > 0 && renderedVersion.current === wantedVersion.current && !pendingRef.current) setReady(true, wantedVersion.current);
    });
    mapRef.current = map;
    overlayRef.current = overlay;
    window.__atlas = {
      project: ([lng, lat]) => map.project([lng, lat]),
      canvasRect: () => map.getCanvas().getBoundingClientRect(),
    };
    return () => {
      delete window.__atlas;
      map.remove();
      mapRef.current = null;
      overlayRef.current = null;
    };
  }, []);

  pendingRef.current = analysis.pending;
  const composed = useMemo(() => (dataset && view ? composeLayers(dataset, view, analysis) : undefined), [dataset, view, analysis]);

  useEffect(() => {
    const overlay = overlayRef.current;
    if (!overlay || !composed) return;
    awaitNextFrame();
    const { network } = composed.flowData;
    const store = useAtlasStore.getState();
    const onHover = (info: PickingInfo) => {
      const id = info.layer?.id ?? '';
      if (!info.object) return store.setHover(undefined);
      if (id === 'areas') store.setHover({ kind: 'area', area: (info.object as AreaFeature).properties, x: info.x, y: info.y });
      else if (id === 'area-totals') store.setHover({ kind: 'area', area: (info.object as NodeTotal).node, x: info.x, y: info.y });
      else if (id.startsWith('flow')) store.setHover({ kind: 'flow', flow: (info.object as FlowDatum).flow, x: info.x, y: info.y });
      else if ((info.object as { cell?: string }).cell) {
        const cell = info.object as { cell: string; count: number | null; bin?: number; z?: number };
        store.setHover({ kind: 'cell', cell: cell.cell, count: cell.count, bin: cell.bin, z: cell.z, x: info.x, y: info.y });
      }
    };
    clickRef.current = (info) => {
      const id = info?.layer?.id;
      if (id === 'areas') store.select(network.nodeOf.get((info!.object as AreaFeature).properties.id) ?? (info!.object as AreaFeature).properties.id);
      else if (id === 'area-totals') store.select((info!.object as NodeTotal).node.id);
      else if (!info?.object) store.clearSelection();
    };
    overlay.setProps({ layers: composed.layers, onHover });
  }, [composed]);

  // 3D arcs need a tilted view; flat curves read best from straight above.
  const style = view?.flowStyle;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !style) return;
    map.easeTo({ pitch: style === 'arcs' ? 45 : 0, duration: 0 });
  }, [style]);

  // While another dataset loads the map is not "ready"; if that load fails, what is on screen
  // stays, and one more frame confirms it.
  useEffect(() => {
    if (loading) setReady(false);
    else if (wantedVersion.current > 0) awaitNextFrame();
  }, [loading]);

  return <div ref={container} className="map" role="region" aria-label="Map of county-lines flows" onMouseLeave={() => useAtlasStore.getState().setHover(undefined)} />;
}
