/**
 * All parsing and statistics happen here, off the main thread: published datasets by URL,
 * dropped or opened files, incident cells on first use, and hot spots. A large file never freezes
 * the map, and the parsers (zod, papaparse) stay out of the first view's JavaScript. Local files
 * never leave this browser; URLs are fetched from this site only, redirects included.
 */
import { fetchSameOriginText } from '../net/same-origin';
import { localDataClient } from './data-client';
import { handleRequest } from './handle-request';
import { FIRST_REQUEST, type WorkerRequest, type WorkerResponse } from './protocol';

const client = localDataClient((url) => fetchSameOriginText(url, self.location.origin));
const post = (message: WorkerResponse, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(message, transfer);

self.onmessage = (event: MessageEvent<WorkerRequest>) => void handleRequest(client, event.data, post);

// Started with its first request (an address to open at page load), it begins before any message.
const first = (self as unknown as Record<string, WorkerRequest | undefined>)[FIRST_REQUEST];
if (first) void handleRequest(client, first, post);
