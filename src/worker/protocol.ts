/**
 * Messages between the page and the data worker: a DataClient call by method name, answered by
 * progress messages and then exactly one result or error, whatever happens in the worker.
 */
import type { HotspotInput, HotspotMethodId } from '../data/analysis/hotspots';
import type { ImportOptions } from '../data/io/import';
import type { DataProblem } from '../data/problems';
import type { DisclosureSettings } from '../data/schema';
import type { DataClient, EmergingInput, LocalFile } from './data-client';

export type WorkerRequest = { id: number } & (
  | { method: 'openManifest'; args: [url: string] }
  | { method: 'openBriefing'; args: [source: { url: string } | { text: string; name: string }] }
  | { method: 'importFiles'; args: [files: LocalFile[], options: Omit<ImportOptions, 'onProgress'>] }
  | {
      method: 'loadIncidents';
      args: [manifestUrl: string, file: string, rules: { h3Resolution: number; disclosure: DisclosureSettings }];
    }
  | { method: 'hotspots'; args: [method: HotspotMethodId, input: HotspotInput] }
  | { method: 'emerging'; args: [input: EmergingInput] }
);

/** The global a worker's first request arrives in, set before its script runs (worker-data-client.ts). */
export const FIRST_REQUEST = 'atlasFirstRequest';

export type WorkerResponse =
  | { id: number; type: 'progress'; fraction: number; stage: string }
  | { id: number; type: 'result'; value: unknown }
  | { id: number; type: 'error'; problems: DataProblem[] };

/** The call a request stands for, made on `client`. */
export function callClient(
  client: DataClient,
  request: WorkerRequest,
  onProgress: (fraction: number, stage: string) => void,
): Promise<unknown> {
  switch (request.method) {
    case 'openManifest':
      return client.openManifest(...request.args);
    case 'openBriefing':
      return client.openBriefing(...request.args);
    case 'importFiles':
      return client.importFiles(...request.args, onProgress);
    case 'loadIncidents':
      return client.loadIncidents(...request.args);
    case 'hotspots':
      return client.hotspots(...request.args);
    case 'emerging':
      return client.emerging(...request.args);
  }
}
