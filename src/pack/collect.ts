/**
 * What a briefing pack carries besides the app, gathered the same way by the CLI (from disk) and
 * the in-app download (from the site): the briefing, its dataset's files beside the manifest, the
 * basemap and MapLibre's worker. The briefing's dataset path is rewritten to the pack's own layout.
 */
import { briefingJson, type Briefing } from '../data/briefing-json';
import { parseManifest } from '../data/io/parse';
import { DataError } from '../data/problems';
import type { PackContents } from './pack-format';

/** Where the dataset lives inside a pack, beside the briefing as on a hosted atlas. */
const PACK_DATA = 'data/pack-data';

const normalise = (path: string) => {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
};

export interface PackSources {
  briefing: Briefing;
  /** The briefing's file name, e.g. "sample.json". */
  briefingFile: string;
  manifestText: string;
  manifestFile: string;
  /** A file named in the manifest, relative to it. */
  readDatasetFile: (file: string) => Promise<string>;
  basemap: { land: string; lines: string };
  maplibreWorker: string;
}

export async function collectPack(sources: PackSources): Promise<PackContents> {
  const manifest = parseManifest(sources.manifestText, sources.manifestFile);
  const files: Record<string, string> = { [`${PACK_DATA}/manifest.json`]: sources.manifestText };
  for (const file of [manifest.files.areas, manifest.files.flows, manifest.files.incidents]) {
    if (!file) continue;
    if (/^[a-z]+:|^\//i.test(file) || file.split('/').includes('..')) {
      throw new DataError([
        {
          severity: 'error',
          file: sources.manifestFile,
          field: 'files',
          message: `"${file}" is outside the dataset's folder; a pack takes the files beside the manifest`,
        },
      ]);
    }
    files[`${PACK_DATA}/${normalise(file)}`] = await sources.readDatasetFile(file);
  }
  const briefingKey = `data/briefings/${sources.briefingFile}`;
  files[briefingKey] = briefingJson({ ...sources.briefing, dataset: '../pack-data/manifest.json' });
  files['basemap/land.json'] = sources.basemap.land;
  files['basemap/lines.json'] = sources.basemap.lines;
  return { briefing: briefingKey, files, maplibreWorker: sources.maplibreWorker };
}
