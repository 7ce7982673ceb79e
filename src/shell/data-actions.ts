/**
 * What the app does with data, between the store and the data worker: open a published dataset
 * by (same-origin) URL, import local files (never uploaded), fetch incident cells on first use,
 * compute hot spots. Results go to the store; on failure the problems are shown and the dataset
 * already on screen stays.
 */
import type { HotspotInput, HotspotMethodId } from '../data/analysis/hotspots';
import { preflight } from '../data/disclosure/preflight';
import { buildLabels } from '../derive/labels';
import { DataError, type DataProblem } from '../data/problems';
import type { Dataset } from '../data/schema';
import { useAtlasStore } from '../state/store';
import type { EmergingHotspots, HotspotResult } from '../state/analysis-slices';
import { problemsOf } from '../data/problems';
import type { DataClient, EmergingInput, LoadedDataset } from '../worker/data-client';
import { workerDataClient } from '../worker/worker-data-client';

export const SAMPLE_MANIFEST = 'data/sample/manifest.json';

let client: DataClient | undefined;
/** The page's data client (the worker); tests of the actions may set another. */
export const dataClient = (): DataClient => (client ??= workerDataClient());
export const setDataClient = (next: DataClient) => {
  client = next;
};

/**
 * `?data=` may only name a dataset on this site: anything else would send the reader's browser to
 * another server (and let a link make the atlas show someone else's numbers under our name).
 */
export function resolveDataParam(value: string, pageUrl: string): { url: string } | { refused: string } {
  let url: URL;
  try {
    url = new URL(value, pageUrl);
  } catch {
    return { refused: `?data=${value} is not a valid address` };
  }
  const page = new URL(pageUrl);
  if (url.origin !== page.origin)
    return { refused: `?data= must name a dataset on this site (${page.origin}); refused ${url.origin}` };
  return { url: url.href };
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Shows what was loaded, or the problems; returns the problems when it could not be opened. */
async function settle(loading: Promise<LoadedDataset>, source: string): Promise<DataProblem[] | undefined> {
  const store = useAtlasStore.getState();
  try {
    const { dataset, warnings, report } = await loading;
    // The map is an output too: the same pre-flight as every export, before anything is drawn.
    preflight('the map', dataset);
    // React's render of a new dataset runs as a task of its own, not in the task that received
    // the worker's message: for a large file each was 0.1–0.2 s, together over the 0.2 s that a
    // page may keep its reader waiting.
    await nextTask();
    // The labels rank places by their flows over the whole file, one pass over every row (40 ms
    // for 2.45 million): made here, in a task of its own, so that the render finds it made.
    buildLabels(dataset);
    await nextTask();
    store.setDataset(dataset, source, warnings, report);
    return undefined;
  } catch (error) {
    const problems = problemsOf(error, source);
    store.setProblems(problems);
    return problems;
  }
}

/** Opens a published dataset; returns its problems when it could not be opened. */
export async function openDataset(manifestUrl = SAMPLE_MANIFEST): Promise<DataProblem[] | undefined> {
  useAtlasStore.getState().startLoading('Loading dataset');
  return settle(dataClient().openManifest(new URL(manifestUrl, document.baseURI).href), manifestUrl);
}

/** Reads the files locally (never uploaded) and imports them in the data worker. */
export async function openLocalFiles(files: File[]): Promise<void> {
  if (files.length === 0) return;
  useAtlasStore.getState().startLoading(`Reading ${files.length === 1 ? files[0].name : `${files.length} files`}`);
  const payload = await Promise.all(files.map(async (f) => ({ name: f.name, buffer: await f.arrayBuffer() })));
  const progress = (fraction: number, stage: string) => useAtlasStore.getState().setProgress(fraction, stage);
  await settle(dataClient().importFiles(payload, {}, progress), files.map((f) => f.name).join(', '));
}

/** Incident cells of a published dataset, fetched on first use of a layer that needs them. */
export async function loadIncidents(dataset: Dataset, manifestUrl: string): Promise<void> {
  const file = dataset.manifest.files.incidents;
  if (!file || dataset.incidents.length > 0) return;
  try {
    useAtlasStore
      .getState()
      .attachIncidents(
        dataset,
        await dataClient().loadIncidents(new URL(manifestUrl, document.baseURI).href, file, dataset.manifest),
      );
  } catch (error) {
    useAtlasStore.getState().setProblems(problemsOf(error, file));
    // The layers that wanted them draw without cells rather than wait for ever.
    useAtlasStore.getState().markIncidentsUnavailable(dataset);
  }
}

/** Emerging hot spots for a cube of periods, from the data worker, stored nowhere. */
export async function emergingResult(
  key: string,
  input: EmergingInput & { periods: string[] },
): Promise<EmergingHotspots> {
  const { periods, ...cube } = input;
  const results = await dataClient().emerging(cube);
  return { key, cells: input.cells, periods, results };
}

/** Emerging hot spots for the cube up to the period on screen, in the data worker, stored for the map. */
export async function computeEmerging(key: string, input: EmergingInput & { periods: string[] }): Promise<void> {
  useAtlasStore.getState().setHotspotStatus('Computing emerging hot spots…');
  try {
    useAtlasStore.getState().setEmerging(await emergingResult(key, input));
  } catch (error) {
    useAtlasStore
      .getState()
      .setProblems(error instanceof DataError ? error.problems : problemsOf(error, 'emerging hot spots'));
    useAtlasStore.getState().setEmerging({ key, cells: [], periods: input.periods, results: [] });
  }
}

/** Hot spots from the data worker under `key`, stored nowhere. */
export async function hotspotResult(
  key: string,
  method: HotspotMethodId,
  { counts, ...input }: HotspotInput & { counts: (number | null)[] },
): Promise<HotspotResult> {
  const result = await dataClient().hotspots(method, input);
  return { key, cells: input.cells, counts, z: result.z, bins: result.bins, clustering: result.clustering };
}

/**
 * Hot spots in the data worker (the main thread never stalls on the statistics), stored under
 * `key`. A failure is shown, and stored as an empty result so the map stops waiting for it.
 */
export async function computeHotspots(
  key: string,
  method: HotspotMethodId,
  input: HotspotInput & { counts: (number | null)[] },
): Promise<void> {
  const store = useAtlasStore.getState();
  store.setHotspotStatus('Computing hot spots…');
  try {
    useAtlasStore.getState().setHotspots(await hotspotResult(key, method, input));
  } catch (error) {
    useAtlasStore.getState().setProblems(error instanceof DataError ? error.problems : problemsOf(error, 'hot spots'));
    useAtlasStore.getState().setHotspots({ key, cells: [], counts: [], z: [], bins: [] });
  }
}
