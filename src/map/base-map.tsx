/**
 * The map: MapLibre draws the offline basemap (use-maplibre.ts), deck.gl draws the data
 * interleaved into the same canvas. This component only hands the composed layers to the overlay,
 * routes picks through each layer's own picking adapter (picking.ts), and keeps readiness honest.
 *
 * Readiness: `<body data-map-ready="true">` once the basemap and the current layers have drawn a
 * frame; it is reset whenever what should be drawn changes. Tests and the snapshot tool wait on it.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useAtlasStore } from '../state/store';
import { applyBasemapLook } from './basemap-style';
import { composeLayers, layerContext } from './compose-layers';
import { DESK_LOOK } from './theme';
import { clickOf, hoverOf } from './picking';
import { setReady, whenReady } from './readiness';
import { useMapContent } from './use-map-content';
import { rendersInSoftware } from './renderer';
import { useMapLibre } from './use-maplibre';

export function BaseMap() {
  const container = useRef<HTMLDivElement>(null);
  const runtime = useMapLibre(container);
  const loading = useAtlasStore((s) => s.status === 'loading');
  const { inputs, analysis, pending } = useMapContent();
  const look = inputs?.look ?? DESK_LOOK;
  const filterOnCpu = useAtlasStore((s) => s.filterOnCpu);
  // Before the layers' effect below: a frame drawn while something is pending is not "ready".
  // While another dataset loads, what is drawn is not what the state asks for either.
  useEffect(() => runtime?.setPending(pending || loading), [runtime, pending, loading]);

  // The first frame uploads only the flows of the periods on screen; right after it has drawn,
  // every period goes to the GPU (the same picture), so filters and period changes are uniforms.
  // Not in software WebGL, where every frame would then run the flow shaders over every period.
  // Past ALL_PERIODS_ON_GPU_LIMIT flows that upload would be one task of seconds (and hundreds of
  // MB): each period change then uploads its own period instead.
  const [allPeriods, setAllPeriods] = useState(false);
  const silentSwap = useRef(false);
  const lastInputs = useRef<unknown[]>([]);
  const onCpu = filterOnCpu ?? rendersInSoftware();
  useEffect(() => {
    if (allPeriods || onCpu) return;
    let cancelled = false;
    void whenReady().then(() => {
      if (cancelled) return;
      silentSwap.current = true;
      setAllPeriods(true);
    });
    return () => {
      cancelled = true;
    };
  }, [allPeriods, onCpu]);

  // Layer instances belong to one deck: a map rebuilt after a lost graphics context (a new
  // runtime) gets new ones.
  const composed = useMemo(() => {
    if (!runtime || !inputs) return undefined;
    const ctx = layerContext({ ...inputs, periods: allPeriods && !onCpu ? 'all' : 'shown' });
    return { layers: composeLayers(ctx, analysis), network: ctx.allFlows.network };
  }, [runtime, inputs, analysis, allPeriods, onCpu]);

  // The basemap follows the look (projector themes: stronger coast, no hairlines, dark option).
  // The style was built with the desk look, so nothing is repainted until the look changes.
  const paintedLook = useRef(DESK_LOOK);
  useEffect(() => {
    if (!runtime || paintedLook.current === look) return;
    const { map } = runtime;
    const apply = () => {
      applyBasemapLook(map, look);
      paintedLook.current = look;
      runtime.awaitNextFrame();
    };
    if (map.isStyleLoaded()) apply();
    else map.once('load', apply);
  }, [runtime, look]);

  useEffect(() => {
    if (!runtime || !composed) return;
    // Swapping in every period changes nothing on screen: what is drawn still matches the state,
    // unless something else changed in the same render.
    const drawn = [inputs, analysis];
    const onlySwapped = silentSwap.current && lastInputs.current.every((value, i) => value === drawn[i]);
    silentSwap.current = false;
    lastInputs.current = drawn;
    if (!onlySwapped) runtime.awaitNextFrame();
    const { network } = composed;
    const store = useAtlasStore.getState();
    runtime.setOnClick((picked, at) => {
      // Presenting, a click on the right third of the map is "next" (a mouse, a touch screen, a
      // trackpad); elsewhere it selects, as at the desk.
      if (useAtlasStore.getState().presenting && at.x > (at.width * 2) / 3) {
        useAtlasStore.getState().stepScene(1);
        return;
      }
      const click = clickOf(picked, network);
      if (click === 'clear') store.clearSelection();
      else if (click) store.select(click.select);
    });
    runtime.setLayers(composed.layers, (info) => store.setHover(hoverOf(info)));
  }, [runtime, composed]);

  // 3D arcs need a tilted view; flat curves read best from straight above.
  const style = inputs?.view.flowStyle;
  useEffect(() => {
    if (runtime && style) runtime.map.easeTo({ pitch: style === 'arcs' ? 45 : 0, duration: 0 });
  }, [runtime, style]);

  // While another dataset loads the map is not "ready"; if that load fails, what is on screen
  // stays, and one more frame confirms it.
  useEffect(() => {
    if (loading) setReady(false);
    else if (runtime?.hasLayers()) runtime.awaitNextFrame();
  }, [loading, runtime]);

  return (
    <>
      <div
        ref={container}
        className="map"
        role="region"
        aria-label="Map of county-lines flows"
        onMouseLeave={() => useAtlasStore.getState().setHover(undefined)}
      />
      <MapLoading />
      <MapNotices />
    </>
  );
}

/**
 * Over the map until it has first drawn its data, and while another dataset loads: what it is
 * waiting for, so a slow machine's blank seconds are never mistaken for an empty map.
 */
function MapLoading() {
  const loading = useAtlasStore((s) => (s.status === 'loading' ? (s.progress?.stage ?? 'Loading') : undefined));
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    if (drawn) return;
    let cancelled = false;
    const check = () => {
      if (cancelled) return;
      if (document.body.dataset.mapReady === 'true' && useAtlasStore.getState().dataset) setDrawn(true);
      else window.setTimeout(check, 200);
    };
    check();
    return () => {
      cancelled = true;
    };
  }, [drawn]);
  if (drawn && !loading) return null;
  return (
    <div className="map-loading" role="status" aria-live="polite" data-testid="map-loading">
      {loading ? `${loading}…` : 'Drawing the map…'}
    </div>
  );
}

/** Faults of the map itself, over its lower left corner; each can be dismissed. */
function MapNotices() {
  const notices = useAtlasStore((s) => s.mapNotices);
  const setNotice = useAtlasStore((s) => s.setMapNotice);
  const entries = Object.entries(notices);
  if (entries.length === 0) return null;
  return (
    <div className="map-notices" role="status" data-testid="map-notices">
      {entries.map(([key, text]) => (
        <p key={key}>
          {text}{' '}
          <button type="button" className="link-button" onClick={() => setNotice(key, undefined)}>
            Dismiss
          </button>
        </p>
      ))}
    </div>
  );
}
