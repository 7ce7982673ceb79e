/**
 * Messages between the page and the data worker, derived from the DataClient interface: a request
 * is a method name with its arguments (all but a trailing progress callback, which stays on the
 * page), answered by progress messages and then exactly one result or error, whatever happens in
 * the worker. Adding a request is adding a method to DataClient: nothing here names one.
 */
import type { DataProblem } from '../data/problems';
import type { DataClient, Progress } from './data-client';

export type DataMethod = keyof DataClient;

/** The arguments without a trailing progress callback (functions cannot travel to a worker). */
type WithoutProgress<A extends unknown[]> = A extends [...infer Head, (Progress | undefined)?] ? Head : A;

/** A method's arguments as they travel. */
export type SentArgs<M extends DataMethod> = WithoutProgress<Parameters<DataClient[M]>>;

export type WorkerRequest = { [M in DataMethod]: { id: number; method: M; args: SentArgs<M> } }[DataMethod];

/** The global a worker's first request arrives in, set before its script runs (worker-data-client.ts). */
export const FIRST_REQUEST = 'atlasFirstRequest';

export type WorkerResponse =
  | { id: number; type: 'progress'; fraction: number; stage: string }
  | { id: number; type: 'result'; value: unknown }
  | { id: number; type: 'error'; problems: DataProblem[] };

/** The call a request stands for, made on `client` (progress goes to `onProgress`); undefined for no such method. */
export function callClient(
  client: DataClient,
  request: WorkerRequest,
  onProgress: Progress,
): Promise<unknown> | undefined {
  const method = (client as unknown as Record<string, unknown>)[request.method];
  if (typeof method !== 'function' || !Object.hasOwn(client, request.method)) return undefined;
  return (method as (...args: unknown[]) => Promise<unknown>).call(client, ...request.args, onProgress);
}
