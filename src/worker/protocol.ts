/** Messages between the app and the data worker. */
import type { ImportOptions } from '../data/io/import';
import type { DataProblem } from '../data/problems';
import type { DisclosureReport } from '../data/disclosure/protect';
import type { Dataset } from '../data/schema';

export type WorkerRequest =
  | { id: number; kind: 'import'; files: { name: string; buffer: ArrayBuffer }[]; options: Omit<ImportOptions, 'onProgress'> }
  | { id: number; kind: 'gi'; cells: string[]; values: number[]; k: number; fdr: boolean }
  | { id: number; kind: 'url'; url: string }
  | { id: number; kind: 'incidents'; manifestUrl: string; file: string };

export type WorkerResponse =
  | { id: number; type: 'progress'; fraction: number; stage: string }
  | { id: number; type: 'done'; dataset: Dataset; warnings: DataProblem[]; report?: DisclosureReport; recognised: string[] }
  | { id: number; type: 'error'; problems: DataProblem[] }
  | { id: number; type: 'gi'; z: number[]; p: number[]; bins: number[] }
  | { id: number; type: 'incidents'; incidents: Dataset['incidents'] };
