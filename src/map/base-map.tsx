/**
 * The map: MapLibre draws the offline basemap, deck.gl draws the data interleaved into the same
 * WebGL context (one canvas, so exports and pixel tests see everything).
 *
 * Readiness: `<body data-map-ready="true">` once the basemap and the current layers have drawn a
 * frame; it is reset whenever the dataset or period changes. Tests and the snapshot tool wait on it.
 */
import { useEffect, useMemo, useRef } from 'react';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { PickingInfo } from '@deck.gl/core';
import type { JoinedFlow } from '../data/aggregate';
import type { AreaFeature } from '../data/schema';
import { useAtlasStore } from '../state/store';
import { basemapStyle, GREAT_BRITAIN_BOUNDS } from './basemap-style';
import { prepareLayerData } from './layer-data';
import { placeLabels } from './label-placement';
import { areasLayer, AREAS_LAYER_ID } from './layers/areas';
import { flowArcsLayer, suppressedArcsLayer } from './layers/flow-arcs';
import { labelsLayer } from './layers/labels';
import { FLOW_STYLE } from './theme';

maplibregl.setWorkerUrl(workerUrl);

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

  const dataset = useAtlasStore((s) => s.dataset);
  const period = useAtlasStore((s) => s.period);
  // Label placement changes in steps of a quarter zoom level: enough, and cheap.
  const labelZoom = useAtlasStore((s) => Math.floor(s.zoom * 4) / 4);
  const setHover = useAtlasStore((s) => s.setHover);
  const loading = useAtlasStore((s) => s.status === 'loading');

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
      bounds: GREAT_BRITAIN_BOUNDS,
      fitBoundsOptions: { padding: 24 },
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
    map.on('load', () => useAtlasStore.getState().setZoom(map.getZoom()));
    // 'idle' = every source loaded and no frame pending: with deck interleaved, its layers too.
    map.on('idle', () => {
      if (wantedVersion.current > 0 && renderedVersion.current === wantedVersion.current) setReady(true, wantedVersion.current);
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

  const layerData = useMemo(() => (dataset && period ? prepareLayerData(dataset, period, FLOW_STYLE.maxWidthPx) : undefined), [dataset, period]);
  const labels = useMemo(() => (layerData ? placeLabels(layerData.labels, labelZoom) : []), [layerData, labelZoom]);

  useEffect(() => {
    const overlay = overlayRef.current;
    if (!overlay || !layerData) return;
    awaitNextFrame();
    const onHover = (info: PickingInfo) => {
      if (!info.object) return setHover(undefined);
      if (info.layer?.id === AREAS_LAYER_ID) {
        setHover({ kind: 'area', area: (info.object as AreaFeature).properties, x: info.x, y: info.y });
      } else {
        setHover({ kind: 'flow', flow: info.object as JoinedFlow, x: info.x, y: info.y });
      }
    };
    overlay.setProps({
      layers: [areasLayer(layerData.areas), suppressedArcsLayer(layerData.suppressedFlows), flowArcsLayer(layerData.flows, layerData.pixelsPerUnit), labelsLayer(labels)],
      onHover,
    });
  }, [layerData, labels, setHover]);

  // While another dataset loads the map is not "ready"; if that load fails, what is on screen
  // stays, and one more frame confirms it.
  useEffect(() => {
    if (loading) setReady(false);
    else if (wantedVersion.current > 0) awaitNextFrame();
  }, [loading]);

  return <div ref={container} className="map" role="region" aria-label="Map of county-lines flows" onMouseLeave={() => setHover(undefined)} />;
}
