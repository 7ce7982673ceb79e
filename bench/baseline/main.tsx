/**
 * The bare page the atlas's first map is measured against (npm run bench): React renders the
 * map's container (as the app does), then the same MapLibre and deck.gl, the same basemap files,
 * the sample's areas and one period's flows as an ArcLayer, and nothing else. It sets
 * `data-map-ready` the way the app does: once the map is idle after a frame that drew the layers.
 * It opens on the same area as the app's first map (the sample's routes, its manifest's frame), so
 * both cut and draw the same basemap tiles.
 */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import { ArcLayer, GeoJsonLayer } from '@deck.gl/layers';
import { StrictMode, useEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';

import sampleManifest from '../../data/sample/manifest.json';

maplibregl.setWorkerUrl(workerUrl);
const [west, south, east, north] = sampleManifest.frame;

type Area = { properties: { id: string; centroid: [number, number] } };

async function start(container: HTMLElement) {
  const [areas, flowsText] = await Promise.all([
    fetch('data/sample/areas.geojson').then((r) => r.json()),
    fetch('data/sample/flows.csv').then((r) => r.text()),
  ]);
  const centroid = new Map((areas.features as Area[]).map((f) => [f.properties.id, f.properties.centroid]));
  const flows = flowsText
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .filter(([, , period, count]) => period === '2024-Q4' && count !== '[c]')
    .map(([origin, dest, , count]) => ({ from: centroid.get(origin)!, to: centroid.get(dest)!, count: Number(count) }));
  const map = new maplibregl.Map({
    container,
    style: {
      version: 8,
      sources: {
        land: { type: 'geojson', data: new URL('basemap/land.json', document.baseURI).href },
        lines: { type: 'geojson', data: new URL('basemap/lines.json', document.baseURI).href },
      },
      layers: [
        { id: 'sea', type: 'background', paint: { 'background-color': '#cfe0ea' } },
        { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': '#f4f2ec' } },
        { id: 'coast', type: 'line', source: 'lines', paint: { 'line-color': '#7f9cb0' } },
      ],
    },
    bounds: [
      [west, south],
      [east, north],
    ],
    fitBoundsOptions: { padding: 24 },
  });
  let drawn = false;
  const overlay = new MapLibreOverlay({
    interleaved: true,
    layers: [
      new GeoJsonLayer({
        id: 'areas',
        data: areas,
        getFillColor: [18, 67, 109, 70],
        getLineColor: [18, 67, 109],
        lineWidthMinPixels: 1,
      }),
      new ArcLayer({
        id: 'flows',
        data: flows,
        getSourcePosition: (d) => d.from,
        getTargetPosition: (d) => d.to,
        getWidth: (d) => Math.max(1.5, d.count / 20),
        getSourceColor: [18, 67, 109],
        getTargetColor: [244, 106, 37],
        parameters: { depthCompare: 'always' },
      }),
    ],
    onAfterRender: () => {
      drawn = true;
    },
  });
  map.addControl(overlay);
  map.on('idle', () => {
    if (drawn) document.body.dataset.mapReady = 'true';
  });
}

/** The map's container, as a React component mounts it: the map starts once it is in the page. */
function BareMap() {
  const ref = useRef<HTMLDivElement>(null);
  const started = useRef(false);
  useEffect(() => {
    if (!ref.current || started.current) return;
    started.current = true;
    void start(ref.current);
  }, []);
  return <div ref={ref} id="map" />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BareMap />
  </StrictMode>,
);
