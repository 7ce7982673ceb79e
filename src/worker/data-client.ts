/**
 * Everything the app asks of its data layer, as one interface. `localDataClient` runs it in the
 * calling thread (the data worker uses it; so could a test or a tool), and the page talks to the
 * worker through `workerDataClient` (worker-data-client.ts), the same interface over messages,
 * as flowmap.gl's data providers do. Every failure rejects with a DataError naming file and field.
 */
import { parseBriefing, type Briefing } from '../data/briefing';
import type { EmergingResult } from '../data/analysis/emerging';
import type { HotspotInput, HotspotMethodId, HotspotOutput } from '../data/analysis/hotspots';
import type { DisclosureReport } from '../data/disclosure/report';
import type { ImportOptions } from '../data/io/import';
import { loadDataset, resolveRelative, type FetchText } from '../data/io/load';
import { withNetworkColumns } from '../data/analysis/network';
import { DataError, problemsOf, type DataProblem } from '../data/problems';

export { problemsOf } from '../data/problems';
import type { Dataset, DisclosureSettings, IncidentCell } from '../data/schema';

export interface LoadedDataset {
  dataset: Dataset;
  warnings: DataProblem[];
  /** Present when disclosure control was applied here (raw inputs). */
  report?: DisclosureReport;
}

export interface LocalFile {
  name: string;
  buffer: ArrayBuffer;
}

export type Progress = (fraction: number, stage: string) => void;

export interface DataClient {
  /** A published dataset by its (same-origin) manifest URL. */
  openManifest(url: string): Promise<LoadedDataset>;
  /** A briefing file by URL, or its text (an imported file), checked against the briefing schema. */
  openBriefing(source: { url: string } | { text: string; name: string }): Promise<Briefing>;
  /** Files the reader opened or dropped: recognised, checked and protected. */
  importFiles(
    files: LocalFile[],
    options: Omit<ImportOptions, 'onProgress'>,
    onProgress?: Progress,
  ): Promise<LoadedDataset>;
  /** A published dataset's incident cells, fetched on first use and checked against its manifest. */
  loadIncidents(
    manifestUrl: string,
    file: string,
    rules: { h3Resolution: number; disclosure: DisclosureSettings },
  ): Promise<IncidentCell[]>;
  hotspots(method: HotspotMethodId, input: HotspotInput): Promise<HotspotOutput>;
  /** Emerging hot spots over a cube (values[period][cell]), each cell's category and z-series. */
  emerging(input: EmergingInput): Promise<EmergingResult[]>;
}

export interface EmergingInput {
  cells: string[];
  values: number[][];
  k: number;
  timeStep: number;
  fdr: boolean;
}

/** Runs `work`, turning any failure into a DataError about `file`. */
async function failingAs<T>(file: string, work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof DataError ? error : new DataError(problemsOf(error, file));
  }
}

const lastSegment = (url: string) => url.split('?')[0].split('/').pop() || url;

/**
 * What only some calls need loads on first use, so that the worker's first job (a published
 * dataset: zod, papaparse) starts without proj4, h3-js and the raw importers.
 */
export function localDataClient(fetchText: FetchText): DataClient {
  return {
    openManifest: (url) =>
      failingAs(lastSegment(url), async () => ({
        dataset: withNetworkColumns(await loadDataset(url, fetchText)),
        warnings: [],
      })),
    importFiles: (files, options, onProgress) =>
      failingAs(files.map((f) => f.name).join(', '), async () => {
        const { importFiles } = await import('../data/io/import');
        const result = importFiles(
          files.map((f) => ({ name: f.name, bytes: new Uint8Array(f.buffer) })),
          { ...options, onProgress },
        );
        return { dataset: withNetworkColumns(result.dataset), warnings: result.warnings, report: result.report };
      }),
    openBriefing: (source) => {
      const name = 'url' in source ? lastSegment(source.url) : source.name;
      return failingAs(name, async () =>
        parseBriefing('url' in source ? await fetchText(source.url) : source.text, name),
      );
    },
    loadIncidents: (manifestUrl, file, rules) =>
      failingAs(file, async () => {
        const { readPublishedCells } = await import('../data/io/incident-cells');
        return readPublishedCells(await fetchText(resolveRelative(manifestUrl, file)), file, rules);
      }),
    emerging: (input) =>
      failingAs('emerging hot spots', async () => {
        const [{ emergingHotSpots }, { h3Neighbours }] = await Promise.all([
          import('../data/analysis/emerging'),
          import('../data/analysis/hotspots'),
        ]);
        return emergingHotSpots(input.values, h3Neighbours(input.cells, input.k), input);
      }),
    hotspots: (method, input) =>
      failingAs(`hot spots (${method})`, async () => {
        const [{ HOTSPOT_METHODS, h3Neighbours }, { globalUndefinedReason, moransI }] = await Promise.all([
          import('../data/analysis/hotspots'),
          import('../data/analysis/global'),
        ]);
        const known = HOTSPOT_METHODS[method];
        if (!known) throw new Error(`unknown method "${method}"`);
        const output = known.compute(input);
        // "Is there clustering at all?" over the same cells and rings, for the legend's one line.
        const neighbours = h3Neighbours(input.cells, input.k);
        const moran = moransI(input.values, neighbours, { permutations: 999, seed: 12345 });
        return {
          ...output,
          clustering: {
            notDefined: globalUndefinedReason(input.values, neighbours, 'cell'),
            moranI: moran.statistic,
            expected: moran.expected,
            z: moran.z,
            pSim: moran.pSim!,
            permutations: 999,
          },
        };
      }),
  };
}
