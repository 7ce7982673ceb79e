/**
 * Parses and checks dropped or opened files off the main thread, so a large file never freezes
 * the map. Calls src/data only; files never leave this browser.
 */
import { importFiles, type ImportOptions, type InputFile } from '../data/import';
import { DataError, type DataProblem } from '../data/problems';
import { confidenceBins, getisOrdGiStar, h3Neighbours } from '../data/hotspots';
import type { WorkerRequest, WorkerResponse } from './protocol';

const post = (message: WorkerResponse) => (self as unknown as Worker).postMessage(message);

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.kind === 'gi') {
    const result = getisOrdGiStar(request.values, h3Neighbours(request.cells, request.k));
    post({ id: request.id, type: 'gi', z: result.z, p: result.p, bins: confidenceBins(result, request.fdr) });
    return;
  }
  const { id, files, options } = request;
  const inputs: InputFile[] = files.map((f) => ({ name: f.name, bytes: new Uint8Array(f.buffer) }));
  const importOptions: ImportOptions = { ...options, onProgress: (fraction, stage) => post({ id, type: 'progress', fraction, stage }) };
  try {
    const result = importFiles(inputs, importOptions);
    post({ id, type: 'done', dataset: result.dataset, warnings: result.warnings, report: result.report, recognised: result.recognised });
  } catch (error) {
    const problems: DataProblem[] = error instanceof DataError ? error.problems : [{ severity: 'error', file: files.map((f) => f.name).join(', '), message: `could not be read: ${(error as Error).message}` }];
    post({ id, type: 'error', problems });
  }
};
