/**
 * The DataClient the page uses: each call is a message to the one data worker, started on first
 * use from a blob so that it runs under the page's CSP (net/inheriting-worker.ts).
 */
import { DataError } from '../data/problems';
import { inheritingWorkerUrl } from '../net/inheriting-worker';
import type { DataClient } from './data-client';
import dataWorkerUrl from './data-worker.ts?worker&url';
import type { WorkerRequest, WorkerResponse } from './protocol';

type Call = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export function workerDataClient(): DataClient {
  let worker: Worker | undefined;
  let nextId = 1;

  /** Sends one call; progress messages go to `onProgress`; the reply resolves, or rejects with its problems. */
  function ask<T>(
    call: Call,
    transfer: Transferable[] = [],
    onProgress?: (fraction: number, stage: string) => void,
  ): Promise<T> {
    worker ??= new Worker(inheritingWorkerUrl(dataWorkerUrl), { type: 'module', name: 'atlas-data' });
    const w = worker;
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      const onMessage = (event: MessageEvent<WorkerResponse>) => {
        const message = event.data;
        if (message.id !== id) return;
        if (message.type === 'progress') return onProgress?.(message.fraction, message.stage);
        w.removeEventListener('message', onMessage);
        if (message.type === 'result') resolve(message.value as T);
        else reject(new DataError(message.problems));
      };
      w.addEventListener('message', onMessage);
      w.postMessage({ id, ...call } as WorkerRequest, transfer);
    });
  }

  return {
    openManifest: (url) => ask({ method: 'openManifest', args: [url] }),
    openBriefing: (source) => ask({ method: 'openBriefing', args: [source] }),
    importFiles: (files, options, onProgress) =>
      ask(
        { method: 'importFiles', args: [files, options] },
        files.map((f) => f.buffer),
        onProgress,
      ),
    loadIncidents: (manifestUrl, file) => ask({ method: 'loadIncidents', args: [manifestUrl, file] }),
    hotspots: (method, input) => ask({ method: 'hotspots', args: [method, input] }),
  };
}
