/**
 * Browser side of loading data. Everything is parsed in the data worker: published datasets by
 * (same-origin) URL, local files (never uploaded), incident cells on first use, and Gi*.
 * Results go to the store; on failure the dataset already on screen stays.
 */
import type { DataProblem } from './data/problems';
import type { Dataset } from './data/schema';
import { useAtlasStore } from './state/store';
import type { WorkerRequest, WorkerResponse } from './worker/protocol';
import dataWorkerUrl from './worker/data-worker.ts?worker&url';
import { inheritingWorkerUrl } from './net/inheriting-worker';

export const SAMPLE_MANIFEST = 'data/sample/manifest.json';

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

let worker: Worker | undefined;
let nextId = 1;

/** One data worker for the page, started on first use. */
function dataWorker(): Worker {
  worker ??= new Worker(inheritingWorkerUrl(dataWorkerUrl), { type: 'module', name: 'atlas-data' });
  return worker;
}

type Reply = Exclude<WorkerResponse, { type: 'progress' }>;

/** Sends one request; progress messages go to `onProgress`, the final reply resolves. */
function ask(request: WorkerRequest, transfer: Transferable[] = [], onProgress?: (fraction: number, stage: string) => void): Promise<Reply> {
  const w = dataWorker();
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent<WorkerResponse>) => {
      const message = event.data;
      if (message.id !== request.id) return;
      if (message.type === 'progress') return onProgress?.(message.fraction, message.stage);
      w.removeEventListener('message', onMessage);
      resolve(message);
    };
    w.addEventListener('message', onMessage);
    w.postMessage(request, transfer);
  });
}

/** Shows the dataset, or the problems; returns the problems when it could not be opened. */
function settle(reply: Reply, source: string): DataProblem[] | undefined {
  const store = useAtlasStore.getState();
  if (reply.type === 'done') store.setDataset(reply.dataset, source, reply.warnings, reply.report);
  else if (reply.type === 'error') {
    store.setProblems(reply.problems);
    return reply.problems;
  }
  return undefined;
}

/** Opens a published dataset; returns its problems when it could not be opened. */
export async function openDataset(manifestUrl = SAMPLE_MANIFEST): Promise<DataProblem[] | undefined> {
  useAtlasStore.getState().startLoading('Loading dataset');
  const absolute = new URL(manifestUrl, document.baseURI).href;
  return settle(await ask({ id: nextId++, kind: 'url', url: absolute }), manifestUrl);
}

/** Reads the files locally (never uploaded) and imports them in the data worker. */
export async function openLocalFiles(files: File[]): Promise<void> {
  if (files.length === 0) return;
  const store = useAtlasStore.getState();
  store.startLoading(`Reading ${files.length === 1 ? files[0].name : `${files.length} files`}`);
  const payload = await Promise.all(files.map(async (f) => ({ name: f.name, buffer: await f.arrayBuffer() })));
  const reply = await ask({ id: nextId++, kind: 'import', files: payload, options: {} }, payload.map((f) => f.buffer), (fraction, stage) => useAtlasStore.getState().setProgress(fraction, stage));
  settle(reply, files.map((f) => f.name).join(', '));
}

/** Gi* in the data worker: the main thread never stalls on the statistics. */
export async function computeHotspots(cells: string[], values: number[], k: number, fdr: boolean): Promise<{ z: number[]; bins: number[] }> {
  const reply = await ask({ id: nextId++, kind: 'gi', cells, values, k, fdr });
  return reply.type === 'gi' ? { z: reply.z, bins: reply.bins } : { z: [], bins: [] };
}

/** Incident cells of a published dataset, fetched on first use of a layer that needs them. */
export async function loadIncidents(dataset: Dataset, manifestUrl: string): Promise<void> {
  const file = dataset.manifest.files.incidents;
  if (!file || dataset.incidents.length > 0) return;
  const reply = await ask({ id: nextId++, kind: 'incidents', manifestUrl: new URL(manifestUrl, document.baseURI).href, file });
  if (reply.type === 'incidents') useAtlasStore.getState().attachIncidents(dataset, reply.incidents);
  else if (reply.type === 'error') {
    useAtlasStore.getState().setProblems(reply.problems);
    // The layers that wanted them draw without cells rather than wait for ever.
    useAtlasStore.getState().markIncidentsUnavailable(dataset);
  }
}
