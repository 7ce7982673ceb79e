/**
 * The DataClient the page uses: each call is a message to the one data worker, started on first
 * use from a blob so that it runs under the page's CSP (net/inheriting-worker.ts).
 */
import { DataError } from '../data/problems';
import { inheritingWorkerUrl } from '../net/inheriting-worker';
import type { DataClient, Progress } from './data-client';
import dataWorkerUrl from './data-worker.ts?worker&url';
import { FIRST_REQUEST, type DataMethod, type SentArgs, type WorkerRequest, type WorkerResponse } from './protocol';
import { unpackResult } from './wire';

type Call = { [M in DataMethod]: { method: M; args: SentArgs<M> } }[DataMethod];

/**
 * What a call is about, for a message when the worker stops mid-call: its file names or address.
 * Only calls about a file are listed; any other is named by what it does.
 */
const SUBJECTS: { [M in DataMethod]?: (args: SentArgs<M>) => string } = {
  importFiles: ([files]) => files.map((f) => f.name).join(', ') || '(no files)',
  openManifest: ([url]) => url,
  loadIncidents: ([, file]) => file,
  openBriefing: ([source]) => ('url' in source ? source.url : source.name),
};

function subjectOf(call: Call): string {
  const subject = SUBJECTS[call.method] as ((args: Call['args']) => string) | undefined;
  return subject ? subject(call.args) : `the data worker (${call.method})`;
}

/** ArrayBuffers in the arguments (files' bytes): moved to the worker, not copied. */
function transferablesOf(args: readonly unknown[]): Transferable[] {
  const found: Transferable[] = [];
  const visit = (value: unknown, depth: number) => {
    if (value instanceof ArrayBuffer) found.push(value);
    else if (depth > 0 && value && typeof value === 'object')
      for (const child of Object.values(value as object)) visit(child, depth - 1);
  };
  for (const arg of args) visit(arg, 3);
  return found;
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
  function ask<T>(call: Call, onProgress?: Progress): Promise<T> {
    const id = nextId++;
    const request = { id, ...call } as WorkerRequest;
    const transfer = transferablesOf(call.args);
    // The call a page opens with (plain JSON: an address, a briefing's text) goes with a new
    // worker's start, not after it has loaded; anything with bytes to move is posted.
    const carried = !worker && transfer.length === 0;
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
        if (message.type === 'result') resolve(unpackResult(message.value) as T);
        else reject(new DataError(message.problems));
      };
      w.addEventListener('message', onMessage);
      if (!carried) w.postMessage(request, transfer);
    });
  }

  // Every DataClient method is a message of the same name: a trailing function is its progress.
  return new Proxy({} as DataClient, {
    // Not a thenable: `then` is no method, so the client can be returned from async code.
    get: (_target, method) =>
      typeof method !== 'string' || method === 'then'
        ? undefined
        : (...args: unknown[]) => {
            const last = args.at(-1);
            const onProgress = typeof last === 'function' ? (last as Progress) : undefined;
            return ask({ method, args: onProgress ? args.slice(0, -1) : args } as Call, onProgress);
          },
  });
}
