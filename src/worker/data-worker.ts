/**
 * All parsing and statistics happen here, off the main thread: published datasets by URL,
 * dropped or opened files, incident cells on first use, and Gi*. A large file never freezes the
 * map, and the parsers (zod, papaparse) stay out of the first view's JavaScript. Calls src/data
 * only; local files never leave this browser.
 */
import { importFiles, type ImportOptions, type InputFile } from '../data/io/import';
import { loadDataset, resolveRelative } from '../data/io/load';
import { parseIncidentsCsv } from '../data/io/parse';
import { DataError, type DataProblem } from '../data/problems';
import { confidenceBins, getisOrdGiStar, h3Neighbours } from '../data/analysis/hotspots';
import { fetchSameOriginText } from '../net/same-origin';
import type { WorkerRequest, WorkerResponse } from './protocol';

const post = (message: WorkerResponse) => (self as unknown as Worker).postMessage(message);

/** Same-origin only, redirects included: the page refuses other origins before asking, and this checks again. */
const fetchText = (url: string) => fetchSameOriginText(url, self.location.origin);

function problemsOf(error: unknown, file: string): DataProblem[] {
  return error instanceof DataError ? error.problems : [{ severity: 'error', file, message: `could not be read: ${(error as Error).message}` }];
}

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  const { id } = request;
  if (request.kind === 'gi') {
    const result = getisOrdGiStar(request.values, h3Neighbours(request.cells, request.k));
    post({ id, type: 'gi', z: result.z, p: result.p, bins: confidenceBins(result, request.fdr) });
    return;
  }
  if (request.kind === 'url') {
    try {
      post({ id, type: 'done', dataset: await loadDataset(request.url, fetchText), warnings: [], recognised: [request.url] });
    } catch (error) {
      post({ id, type: 'error', problems: problemsOf(error, request.url.split('/').pop() ?? request.url) });
    }
    return;
  }
  if (request.kind === 'incidents') {
    try {
      post({ id, type: 'incidents', incidents: parseIncidentsCsv(await fetchText(resolveRelative(request.manifestUrl, request.file)), request.file) });
    } catch (error) {
      post({ id, type: 'error', problems: problemsOf(error, request.file) });
    }
    return;
  }
  const inputs: InputFile[] = request.files.map((f) => ({ name: f.name, bytes: new Uint8Array(f.buffer) }));
  const importOptions: ImportOptions = { ...request.options, onProgress: (fraction, stage) => post({ id, type: 'progress', fraction, stage }) };
  try {
    const result = importFiles(inputs, importOptions);
    post({ id, type: 'done', dataset: result.dataset, warnings: result.warnings, report: result.report, recognised: result.recognised });
  } catch (error) {
    post({ id, type: 'error', problems: problemsOf(error, request.files.map((f) => f.name).join(', ')) });
  }
};
