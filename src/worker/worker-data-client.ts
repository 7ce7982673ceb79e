/**
 * The DataClient the page uses: each call is a message to the one data worker, started on first
 * use from a blob so that it runs under the page's CSP (net/inheriting-worker.ts).
 */
import { DataError } from '../data/problems';
import { inheritingWorkerUrl } from '../net/inheriting-worker';
import type { DataClient } from './data-client';
import dataWorkerUrl from './data-worker.ts?worker&url';
import { FIRST_REQUEST, type WorkerRequest, type WorkerResponse } from './protocol';

type Call = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** What a call was about, for a message: its file names or address. */
function subjectOf(call: Call): string {
  if (call.method === 'importFiles') return call.args[0].map((f) => f.name).join(', ') || '(no files)';
  if (call.method === 'openManifest') return call.args[0];
  if (call.method === 'loadIncidents') return call.args[1];
  if (call.method === 'openBriefing') {
    const source = call.args[0];
    return 'url' in source ? source.url : source.name;
  }
  return call.method === 'emerging' ? 'emerging hot spots' : 'hot-spot analysis';
}

export function workerDataClient(): DataClient {
  let worker: Worker | undefined;
  let nextId = 1;
  /** Calls awaiting a reply, so that a worker that dies fails them instead of leaving them hanging. */
  const waiting = new Map<number, { call: Call; reject: (error: unknown) => void }>();

  /** A fresh worker; `first`, its first request, travels with its start (net/inheriting-worker.ts). */
  function start(first?: WorkerRequest): Worker {
    const w = new Worker(inheritingWorkerUrl(dataWorkerUrl, first && { [FIRST_REQUEST]: first }), {
      type: 'module',
      name: 'atlas-data',
    });
    // An uncaught error in the worker (a crash mid-parse, a script that failed to load, memory
    // exhausted): every open call fails with a message, the map keeps what it shows, and the next
    // call starts a fresh worker.
    w.addEventListener('error', (event) => {
      event.preventDefault();
      w.terminate();
      if (worker === w) worker = undefined;
      const reason = event.message ? ` (${event.message})` : '';
      for (const [id, { call, reject }] of waiting) {
        waiting.delete(id);
        reject(
          new DataError([
            {
              severity: 'error',
              file: subjectOf(call),
              message: `could not be read: the data worker stopped${reason}. The map still shows the data it had; try again.`,
            },
          ]),
        );
      }
    });
    return w;
  }

  /** Sends one call; progress messages go to `onProgress`; the reply resolves, or rejects with its problems. */
  function ask<T>(
    call: Call,
    transfer: Transferable[] = [],
    onProgress?: (fraction: number, stage: string) => void,
  ): Promise<T> {
    const id = nextId++;
    const request = { id, ...call } as WorkerRequest;
    // The calls a page opens with (plain JSON: an address, a briefing's text) go with a new
    // worker's start; everything else is posted.
    const carried = !worker && (call.method === 'openManifest' || call.method === 'openBriefing');
    worker ??= start(carried ? request : undefined);
    const w = worker;
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, { call, reject });
      const onMessage = (event: MessageEvent<WorkerResponse>) => {
        const message = event.data;
        if (message.id !== id) return;
        if (message.type === 'progress') return onProgress?.(message.fraction, message.stage);
        w.removeEventListener('message', onMessage);
        waiting.delete(id);
        if (message.type === 'result') resolve(message.value as T);
        else reject(new DataError(message.problems));
      };
      w.addEventListener('message', onMessage);
      if (!carried) w.postMessage(request, transfer);
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
    loadIncidents: (manifestUrl, file, rules) => ask({ method: 'loadIncidents', args: [manifestUrl, file, rules] }),
    hotspots: (method, input) => ask({ method: 'hotspots', args: [method, input] }),
    emerging: (input) => ask({ method: 'emerging', args: [input] }),
  };
}
