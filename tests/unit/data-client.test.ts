/**
 * The data layer as one interface: the local client (what the worker runs) answers every call or
 * rejects with a DataError naming the file, and the worker's message loop replies to every
 * request exactly once — a result or an error — even when a method throws something unexpected.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/data/problems';
import { localDataClient, type DataClient, type LoadedDataset } from '../../src/worker/data-client';
import { handleRequest } from '../../src/worker/handle-request';
import { unpackResult } from '../../src/worker/wire';
import type { WorkerRequest, WorkerResponse } from '../../src/worker/protocol';

/** Serves data/ as if it were the site: `http://atlas.test/data/…`. */
const readSite = async (url: string) => {
  const path = new URL(url).pathname;
  if (!path.startsWith('/data/')) throw new Error(`HTTP 404 Not Found`);
  return readFileSync(`.${path}`, 'utf8');
};
const client = localDataClient(readSite);
const SAMPLE = 'http://atlas.test/data/sample/manifest.json';

async function replies(request: WorkerRequest, on: DataClient = client): Promise<WorkerResponse[]> {
  const posted: WorkerResponse[] = [];
  await handleRequest(on, request, (message) => posted.push(message));
  return posted;
}

describe('local data client', () => {
  it('opens a published dataset and its incident cells', async () => {
    const { dataset } = await client.openManifest(SAMPLE);
    expect(dataset.manifest.title).toMatch(/County lines/);
    expect(dataset.incidents).toEqual([]);
    const cells = await client.loadIncidents(SAMPLE, dataset.manifest.files.incidents!, dataset.manifest);
    expect(cells.length).toBeGreaterThan(100);
    // Cells loaded later meet the manifest as cells loaded with it do: a finer resolution is refused.
    await expect(
      client.loadIncidents(SAMPLE, dataset.manifest.files.incidents!, { ...dataset.manifest, h3Resolution: 8 }),
    ).rejects.toThrow(/is an H3 cell at resolution 7; the manifest's h3Resolution is 8/);
  });

  it('rejects with a DataError naming the file for anything that goes wrong', async () => {
    await expect(client.openManifest('http://atlas.test/elsewhere/manifest.json')).rejects.toThrow(DataError);
    await expect(client.openManifest('http://atlas.test/elsewhere/manifest.json')).rejects.toThrow(
      'manifest.json: could not be read (HTTP 404 Not Found)',
    );
    await expect(
      client.loadIncidents(SAMPLE, 'missing.csv', { h3Resolution: 7, disclosure: { threshold: 10, roundingBase: 5 } }),
    ).rejects.toThrow('missing.csv: could not be read');
    await expect(
      client.hotspots('gi-star', { cells: ['not-a-cell', 'nor-this', 'x'], values: [1, 2, 3], k: 1, fdr: false }),
    ).rejects.toThrow(/^hot spots \(gi-star\): could not be read/);
  });
});

describe('the data worker message loop', () => {
  it('answers a call with progress, then one result', async () => {
    const files = ['locations.csv', 'flows.csv'].map((name, i) => ({
      name,
      buffer: new TextEncoder().encode(
        ['id,name,lat,lon\nA,Alpha,51.5,-0.1\nB,Beta,51.36,1.38\n', 'origin,dest,count\nA,B,25\n'][i],
      ).buffer as ArrayBuffer,
    }));
    const posted = await replies({ id: 7, method: 'importFiles', args: [files, {}] });
    expect(posted.filter((m) => m.type === 'progress').length).toBeGreaterThan(0);
    expect(posted.filter((m) => m.type !== 'progress')).toEqual([expect.objectContaining({ id: 7, type: 'result' })]);
    // The dataset's flows travel as columns, and the page gets back what the client made.
    const result = posted.find((m) => m.type === 'result')!;
    expect((result as { value: { dataset: { flows: { kind: string } } } }).value.dataset.flows.kind).toBe(
      'flow-columns',
    );
    const unpacked = unpackResult((result as { value: unknown }).value) as LoadedDataset;
    expect(unpacked.dataset.flowColumns?.kind).toBe('flow-columns');
    const plain = (loaded: LoadedDataset) => ({
      ...loaded,
      dataset: { ...loaded.dataset, flowColumns: undefined, networkColumns: undefined },
    });
    expect(plain(unpacked)).toEqual(plain(await client.importFiles(files, {})));
  });

  it('replies with an error when a method throws (before this, a throw in Gi* left "Computing hot spots…" for ever)', async () => {
    const throwing: DataClient = {
      ...client,
      hotspots: () => Promise.reject(new TypeError('cannot read properties of undefined')),
    };
    const posted = await replies(
      { id: 3, method: 'hotspots', args: ['gi-star', { cells: [], values: [], k: 1, fdr: false }] },
      throwing,
    );
    expect(posted).toEqual([
      {
        id: 3,
        type: 'error',
        problems: [
          {
            severity: 'error',
            file: 'data worker (hotspots)',
            message: 'could not be read: cannot read properties of undefined',
          },
        ],
      },
    ]);
    const synchronous: DataClient = {
      ...client,
      openManifest: () => {
        throw 'not even an Error';
      },
    };
    expect(await replies({ id: 4, method: 'openManifest', args: [SAMPLE] }, synchronous)).toEqual([
      {
        id: 4,
        type: 'error',
        problems: [expect.objectContaining({ message: 'could not be read: not even an Error' })],
      },
    ]);
  });

  it('replies with an error to a method it does not have', async () => {
    const posted = await replies({ id: 5, method: 'launchMissiles', args: [] } as unknown as WorkerRequest);
    expect(posted).toEqual([
      {
        id: 5,
        type: 'error',
        problems: [
          expect.objectContaining({ message: 'could not be read: the data worker has no method "launchMissiles"' }),
        ],
      },
    ]);
  });
});
