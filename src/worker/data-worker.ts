/**
 * Parses and checks dropped or opened files off the main thread, so a large file never freezes
 * the map. Calls src/data only; files never leave this browser.
 */
import { importFiles, type ImportOptions, type InputFile } from '../data/import';
import { DataError, type DataProblem } from '../data/problems';
import type { WorkerRequest, WorkerResponse } from './protocol';

const post = (message: WorkerResponse) => (self as unknown as Worker).postMessage(message);

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const { id, files, options } = event.data;
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
