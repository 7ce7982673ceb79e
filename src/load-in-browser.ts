/**
 * Browser side of loading data: same-origin published datasets by URL, and local files through the
 * data worker. Results go to the store; on failure the dataset already on screen stays.
 */
import { loadDataset, resolveRelative } from './data/load';
import { parseIncidentsCsv } from './data/parse';
import type { Dataset } from './data/schema';
import { DataError, type DataProblem } from './data/problems';
import { useAtlasStore } from './state/store';
import type { WorkerRequest, WorkerResponse } from './worker/protocol';

export const SAMPLE_MANIFEST = 'data/sample/manifest.json';

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
  return response.text();
}

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
  if (url.origin !== page.origin) return { refused: `?data= must name a dataset on this site (${page.origin}); refused ${url.origin}` };
  return { url: url.href };
}

export async function openDataset(manifestUrl = SAMPLE_MANIFEST): Promise<void> {
  const store = useAtlasStore.getState();
  store.startLoading('Loading dataset');
  try {
    const absolute = new URL(manifestUrl, document.baseURI).href;
    store.setDataset(await loadDataset(absolute, fetchText), manifestUrl);
  } catch (error) {
    const problems: DataProblem[] = error instanceof DataError ? error.problems : [{ severity: 'error', file: manifestUrl, message: (error as Error).message }];
    store.setProblems(problems);
  }
}

let worker: Worker | undefined;
let nextId = 1;

/** One data worker for the page, started on first use (it is not part of the first view). */
function dataWorker(): Worker {
  worker ??= new Worker(new URL('./worker/data-worker.ts', import.meta.url), { type: 'module', name: 'atlas-data' });
  return worker;
}

/** Gi* in the data worker: the main thread never stalls on the statistics. */
export function computeHotspots(cells: string[], values: number[], k: number, fdr: boolean): Promise<{ z: number[]; bins: number[] }> {
  const id = nextId++;
  const w = dataWorker();
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent<WorkerResponse>) => {
      if (event.data.id !== id || event.data.type !== 'gi') return;
      w.removeEventListener('message', onMessage);
      resolve({ z: event.data.z, bins: event.data.bins });
    };
    w.addEventListener('message', onMessage);
    w.postMessage({ id, kind: 'gi', cells, values, k, fdr } satisfies WorkerRequest);
  });
}

/** Incident cells of a published dataset, fetched on first use of a layer that needs them. */
export async function loadIncidents(dataset: Dataset, manifestUrl: string): Promise<void> {
  const file = dataset.manifest.files.incidents;
  if (!file || dataset.incidents.length > 0) return;
  const url = resolveRelative(new URL(manifestUrl, document.baseURI).href, file);
  try {
    useAtlasStore.getState().attachIncidents(dataset, parseIncidentsCsv(await fetchText(url), file));
  } catch (error) {
    const problems: DataProblem[] = error instanceof DataError ? error.problems : [{ severity: 'error', file, message: (error as Error).message }];
    useAtlasStore.getState().setProblems(problems);
  }
}

/** Reads the files locally (never uploaded) and imports them in the data worker. */
export async function openLocalFiles(files: File[]): Promise<void> {
  const store = useAtlasStore.getState();
  if (files.length === 0) return;
  store.startLoading(`Reading ${files.length === 1 ? files[0].name : `${files.length} files`}`);
  const id = nextId++;
  const request: WorkerRequest = { id, kind: 'import', files: await Promise.all(files.map(async (f) => ({ name: f.name, buffer: await f.arrayBuffer() }))), options: {} };
  const worker = dataWorker();
  await new Promise<void>((resolve) => {
    const onMessage = (event: MessageEvent<WorkerResponse>) => {
      const message = event.data;
      if (message.id !== id) return;
      if (message.type === 'progress') {
        useAtlasStore.getState().setProgress(message.fraction, message.stage);
        return;
      }
      worker.removeEventListener('message', onMessage);
      if (message.type === 'done') useAtlasStore.getState().setDataset(message.dataset, files.map((f) => f.name).join(', '), message.warnings, message.report);
      else if (message.type === 'error') useAtlasStore.getState().setProblems(message.problems);
      resolve();
    };
    worker.addEventListener('message', onMessage);
    worker.postMessage(request, request.files.map((f) => f.buffer));
  });
}
