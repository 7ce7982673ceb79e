/**
 * The data worker's whole message loop, as a function of its client and its `post`: every
 * request gets exactly one reply, a result or an error, even for a bug (a throw that is not a
 * DataError, a method that does not exist). Nothing is left waiting for ever. A result goes as
 * wire.ts packs it (a dataset's flows as transferred columns).
 */
import type { DataClient } from './data-client';
import { problemsOf } from '../data/problems';
import { callClient, type WorkerRequest, type WorkerResponse } from './protocol';
import { packResult } from './wire';

export async function handleRequest(
  client: DataClient,
  request: WorkerRequest,
  post: (message: WorkerResponse, transfer?: Transferable[]) => void,
): Promise<void> {
  const { id } = request;
  try {
    const call = callClient(client, request, (fraction, stage) => post({ id, type: 'progress', fraction, stage }));
    if (call === undefined) throw new Error(`the data worker has no method "${String(request.method)}"`);
    const { message, transfer } = packResult(await call);
    post({ id, type: 'result', value: message }, transfer);
  } catch (error) {
    post({ id, type: 'error', problems: problemsOf(error, `data worker (${String(request.method)})`) });
  }
}
