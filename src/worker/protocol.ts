/** Messages between the app and the data worker. */
import type { ImportOptions } from '../data/import';
import type { DataProblem } from '../data/problems';
import type { DisclosureReport } from '../data/protect';
import type { Dataset } from '../data/schema';

export interface WorkerRequest {
  id: number;
  files: { name: string; buffer: ArrayBuffer }[];
  options: Omit<ImportOptions, 'onProgress'>;
}

export type WorkerResponse =
  | { id: number; type: 'progress'; fraction: number; stage: string }
  | { id: number; type: 'done'; dataset: Dataset; warnings: DataProblem[]; report?: DisclosureReport; recognised: string[] }
  | { id: number; type: 'error'; problems: DataProblem[] };
