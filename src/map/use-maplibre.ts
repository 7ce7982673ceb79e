/**
 * The map in React: a small hook around createAtlasMap (atlas-map.ts), made in a layout effect so
 * it starts in the same task as React's first commit, not a frame later. The store gets the
 * zoom and bounds, the notices and the MapHandle; the map opens on the view's place (or the
 * dataset's routes, once they load); a lost graphics context makes a new map.
 */
import { useLayoutEffect, useState, type RefObject } from 'react';
import { useAtlasStore } from '../state/store';
import { homeFrame } from '../derive/frame';
import type { Bounds } from '../data/bounds';
import sampleManifest from '../../data/sample/manifest.json';
import { createAtlasMap, type AtlasMap } from './atlas-map';

/** Known at build time: the first map opens on the sample's routes, with no refit when they load. */
const SAMPLE_FRAME = sampleManifest.frame as Bounds | undefined;

export function useMapLibre(container: RefObject<HTMLDivElement | null>): AtlasMap | undefined {
  const [runtime, setRuntime] = useState<AtlasMap>();
  // A new map after the graphics context comes back: deck.gl's buffers and MapLibre's do not
  // survive a lost context, and a fresh map (from the state, which survived) is the sure way back.
  const [generation, setGeneration] = useState(0);
  useLayoutEffect(() => {
    const store = useAtlasStore.getState();
    const atlas = createAtlasMap(container.current!, {
      place: { camera: store.camera, frame: store.frame },
      home: () => {
        const { dataset } = useAtlasStore.getState();
        if (dataset) return homeFrame(dataset);
        // Before any data: the bundled sample's frame, when it is the sample that will open.
        return new URLSearchParams(window.location.search).has('data') ? undefined : SAMPLE_FRAME;
      },
      onMoved: (zoom, bounds, byReader) => useAtlasStore.getState().mapMoved(zoom, bounds, byReader),
      onNotice: (key, text) => useAtlasStore.getState().setMapNotice(key, text),
      onContextRestored: () => setGeneration((g) => g + 1),
    });
    store.setMapHandle(atlas.handle);
    setRuntime(atlas);
    // A view with no place of its own looks at the routes: when they arrive, it moves to them.
    const stopRefitting = useAtlasStore.subscribe((s, before) => {
      if (s.dataset !== before.dataset) atlas.refit();
    });
    return () => {
      stopRefitting();
      atlas.dispose();
      useAtlasStore.getState().setMapHandle(undefined);
      setRuntime(undefined);
    };
  }, [container, generation]);
  return runtime;
}
