/**
 * The data worker's whole message loop, as a function of its client and its `post`: every
 * request gets exactly one reply, a result or an error, even for a bug (a throw that is not a
 * DataError, a method that does not exist). Nothing is left waiting for ever.
 */
import type { DataClient } from './data-client';
import { problemsOf } from '../data/problems';
import { callClient, type WorkerRequest, type WorkerResponse } from './protocol';

export async function handleRequest(
  client: DataClient,
  request: WorkerRequest,
  post: (message: WorkerResponse) => void,
): Promise<void> {
  const { id } = request;
  try {
    const call = callClient(client, request, (fraction, stage) => post({ id, type: 'progress', fraction, stage }));
    if (call === undefined) throw new Error(`the data worker has no method "${String(request.method)}"`);
    const value = await call;
    post({ id, type: 'result', value });
  } catch (error) {
    post({ id, type: 'error', problems: problemsOf(error, `data worker (${String(request.method)})`) });
  }
}
