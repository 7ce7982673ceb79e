/**
 * Pictures of a briefing's scenes for the presenter's window: each drawn from the scene's own
 * view by the PNG export's renderer (export/render-png.ts) in the main window, which holds the
 * data, so the presenter sees the next scene before the room does. Drawn one at a time, after the
 * room's map has drawn, and kept per scene until the briefing or the dataset changes.
 */
import type { Scene } from '../data/briefing';
import { preflight } from '../data/disclosure/preflight';
import { homeFrame } from '../derive/frame';
import { emergingRequest, hotspotRequest } from '../derive/hotspot-input';
import { datasetForMeasure } from '../derive/measure';
import { cameraBounds, renderMapPicture } from '../export/render-png';
import { hotspotKey } from '../state/analysis-slices';
import { useAtlasStore } from '../state/store';
import type { ViewChoices } from '../state/view-choices';
import { emergingResult, hotspotResult, loadIncidents } from './data-actions';

/** The picture's size in CSS pixels: 16:9, as the room's screen. */
export const PICTURE = { width: 480, height: 270 };

async function drawScene(scene: Scene): Promise<Blob> {
  const s = useAtlasStore.getState();
  let dataset = s.dataset;
  if (!dataset) throw new Error('no dataset is open');
  const { view } = scene;
  const period = view.period && dataset.periods.includes(view.period) ? view.period : dataset.periods.at(-1)!;
  const wantsCells = view.layers.hotspots || view.layers.emerging || view.layers.hexbin || view.layers.density;
  if (wantsCells && dataset.incidents.length === 0 && dataset.manifest.files.incidents && s.datasetUrl) {
    // The scene will need them when it is shown: fetching them now also makes it show sooner.
    await loadIncidents(dataset, s.datasetUrl);
    dataset = useAtlasStore.getState().dataset!;
  }
  const shown = datasetForMeasure(dataset, view.measure);
  preflight("the presenter's picture", shown);
  const key = hotspotKey(dataset, period, view.giK, view.giFdr);
  const live = useAtlasStore.getState();
  const hotspots = !view.layers.hotspots
    ? undefined
    : live.hotspots?.key === key
      ? live.hotspots
      : await hotspotResult(key, 'gi-star', hotspotRequest(dataset, period, view.giK, view.giFdr));
  const emerging = !view.layers.emerging
    ? undefined
    : live.emerging?.key === key
      ? live.emerging
      : await emergingResult(key, emergingRequest(dataset, period, view.giK, view.giFdr));
  const { camera: _camera, frame: _frame, period: _period, ...choices } = view;
  const frame = view.frame ?? (view.camera ? undefined : homeFrame(dataset));
  const bounds = frame ?? (view.camera && cameraBounds(view.camera, PICTURE.width, PICTURE.height));
  if (!bounds) throw new Error('the scene shows no place');
  return renderMapPicture({
    preset: { id: 'presenter', label: 'Presenter picture', ...PICTURE, pixelRatio: 1 },
    dataset: shown,
    view: { ...choices, period, zoom: 0 } satisfies ViewChoices,
    bounds: [
      [bounds[0], bounds[1]],
      [bounds[2], bounds[3]],
    ],
    bearing: view.camera?.bearing ?? 0,
    pitch: view.camera?.pitch ?? 0,
    hotspots,
    emerging,
    date: new Date().toISOString().slice(0, 10),
  });
}

const pictures = new Map<Scene, Promise<Blob | undefined>>();
let drawnFor: unknown;
let queue: Promise<unknown> = Promise.resolve();

/**
 * The picture of a scene, drawn once (after the room's map is ready, one at a time); undefined
 * when it could not be drawn (the presenter's window then says so, the room is unaffected).
 */
export function scenePicture(scene: Scene): Promise<Blob | undefined> {
  // Kept while the same dataset is open (its manifest survives incident cells being attached).
  const manifest = useAtlasStore.getState().dataset?.manifest;
  if (drawnFor !== manifest) {
    pictures.clear();
    drawnFor = manifest;
  }
  let picture = pictures.get(scene);
  if (!picture) {
    picture = queue.then(async () => {
      await useAtlasStore.getState().mapHandle?.whenReady();
      return drawScene(scene).catch(() => undefined);
    });
    queue = picture;
    pictures.set(scene, picture);
  }
  return picture;
}
