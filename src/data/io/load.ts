/**
 * Loads a published dataset from its manifest URL. `fetchText` is injected so the browser,
 * a worker and the CLI (reading files) share this code.
 */
import { assembleDataset, DataError, parseAreas, parseFlowsCsv, parseManifest } from './parse';
import type { Dataset } from '../schema';

export type FetchText = (url: string) => Promise<string>;

/** Incident cells are not fetched here: they load on first use (DataClient.loadIncidents). */
export async function loadDataset(manifestUrl: string, fetchText: FetchText): Promise<Dataset> {
  const manifestName = manifestUrl.split('/').pop() || 'manifest.json';
  const manifest = parseManifest(await fetchFile(manifestUrl, manifestName, fetchText), manifestName);
  // Every file is asked for, and every failure reported, not just the first.
  const settled = await Promise.allSettled([
    fetchFile(resolveRelative(manifestUrl, manifest.files.areas), manifest.files.areas, fetchText),
    fetchFile(resolveRelative(manifestUrl, manifest.files.flows), manifest.files.flows, fetchText),
  ]);
  const failed = settled.flatMap((s) => (s.status === 'rejected' ? (s.reason as DataError).problems : []));
  if (failed.length) throw new DataError(failed);
  const [areasText, flowsText] = settled.map((s) => (s.status === 'fulfilled' ? s.value : ''));
  const areas = parseAreas(areasText, manifest.files.areas);
  const flows = parseFlowsCsv(
    flowsText,
    manifest.files.flows,
    manifest.measures.map((m) => m.id),
  );
  return assembleDataset(manifest, areas, flows, []);
}

/** Resolves `file` against the manifest's (absolute) URL, as a browser resolves a link. */
export function resolveRelative(manifestUrl: string, file: string): string {
  return new URL(file, manifestUrl).href;
}

async function fetchFile(url: string, name: string, fetchText: FetchText): Promise<string> {
  try {
    return await fetchText(url);
  } catch (error) {
    throw new DataError([
      { severity: 'error', file: name, message: `could not be read (${(error as Error).message})` },
    ]);
  }
}
