/**
 * What a briefing pack carries besides the app, gathered the same way by the CLI (from disk) and
 * the in-app download (from the site): the briefing, its dataset's files beside the manifest, the
 * basemap and MapLibre's worker. The briefing's dataset path is rewritten to the pack's own layout.
 *
 * A pack leaves the desk for a meeting room, so its dataset is read as the app reads it (every
 * check), then passes the pre-flight, and every scene must name only what the dataset has: a pack
 * is built from data that would show exactly as published, or not at all.
 */
import { briefingJson, type Briefing } from '../data/briefing-json';
import { preflight } from '../data/disclosure/preflight';
import { importFiles } from '../data/io/import';
import { parseManifest } from '../data/io/parse';
import { DataError } from '../data/problems';
import type { Dataset } from '../data/schema';
import { sceneReferenceProblems } from '../data/scene-references';
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

/** A briefing and where its dataset's files come from (disk for the CLI, the site for the app). */
export interface BriefingSources {
  briefing: Briefing;
  /** The briefing's file name, e.g. "sample.json". */
  briefingFile: string;
  manifestText: string;
  manifestFile: string;
  /** A file named in the manifest, relative to it. */
  readDatasetFile: (file: string) => Promise<string>;
}

export interface PackSources extends BriefingSources {
  basemap: { land: string; lines: string };
  maplibreWorker: string;
}

/**
 * The briefing's dataset, read as the app reads it and checked as every output is: its files (by
 * their place in a pack), the dataset, and a DataError for a file outside the dataset's folder, a
 * count the pre-flight refuses (`output` names what was refused) or a scene naming what the
 * dataset lacks.
 */
export async function readBriefingDataset(
  sources: BriefingSources,
  output: string,
): Promise<{ files: Record<string, string>; dataset: Dataset }> {
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
  const encoder = new TextEncoder();
  const { dataset } = importFiles(
    Object.entries(files).map(([path, text]) => ({ name: path, bytes: encoder.encode(text) })),
  );
  preflight(output, dataset);
  const references = sceneReferenceProblems(sources.briefing, dataset, sources.briefingFile);
  if (references.length) throw new DataError(references);
  return { files, dataset };
}

export async function collectPack(sources: PackSources): Promise<PackContents> {
  const { files } = await readBriefingDataset(sources, 'the briefing pack');
  const briefingKey = `data/briefings/${sources.briefingFile}`;
  files[briefingKey] = briefingJson({ ...sources.briefing, dataset: '../pack-data/manifest.json' });
  files['basemap/land.json'] = sources.basemap.land;
  files['basemap/lines.json'] = sources.basemap.lines;
  return { briefing: briefingKey, files, maplibreWorker: sources.maplibreWorker };
}
