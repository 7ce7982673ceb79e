/**
 * `npm run pack -- --briefing <briefing.json> --out <file.html>`: a briefing pack — one HTML file
 * with the app, the basemap, the briefing's dataset and the briefing inlined — that presents from
 * disk (file://) with no network and no server. See src/pack/pack-format.ts for the format.
 *
 * Exit codes: 0 written, 1 bad input (every problem printed), 2 bad usage.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseBriefing } from '../src/data/briefing.ts';
import { exitCodeFor } from '../src/cli/exit.ts';
import { checkOutDir, writeFiles } from '../src/cli/output.ts';
import { collectPack, type BriefingSources } from '../src/pack/collect.ts';
import { DataError } from '../src/data/problems.ts';
import { packHtml, type PackContents } from '../src/pack/pack-format.ts';
import { buildBasemap } from './basemap.ts';
import { buildPackBundle } from './pack-bundle.ts';

const USAGE = 'usage: npm run pack -- --briefing <briefing.json> --out <file.html>';

/** A briefing file and where its dataset's files are, read from disk (the same for pack and snapshot). */
export function briefingOnDisk(briefingPath: string): BriefingSources {
  const briefingFile = basename(briefingPath);
  const briefing = parseBriefing(readText(briefingPath), briefingFile);
  const manifestPath = resolve(dirname(briefingPath), briefing.dataset);
  return {
    briefing,
    briefingFile,
    manifestText: readText(manifestPath, `the dataset named by ${briefingFile}`),
    manifestFile: basename(manifestPath),
    readDatasetFile: async (file) => readText(join(dirname(manifestPath), file)),
  };
}

/** A file's text, or a DataError naming it (and what named it) instead of a stack trace. */
function readText(path: string, what?: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new DataError([
      {
        severity: 'error',
        file: path,
        message: `cannot be read${what ? ` (${what})` : ''}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      },
    ]);
  }
}

/** Everything a pack carries besides the app, read from disk and checked. */
export async function packContents(briefingPath: string): Promise<{ title: string; contents: PackContents }> {
  const sources = briefingOnDisk(briefingPath);
  const basemap = buildBasemap();
  const require = createRequire(import.meta.url);
  const contents = await collectPack({
    ...sources,
    basemap: { land: JSON.stringify(basemap.land), lines: JSON.stringify(basemap.lines) },
    maplibreWorker: readFileSync(require.resolve('maplibre-gl/dist/maplibre-gl-worker.mjs'), 'utf8'),
  });
  return { title: sources.briefing.title, contents };
}

export async function writePack(briefingPath: string, outPath: string): Promise<{ bytes: number }> {
  // The folder first: a wrong --out fails at once, not after the bundle is built.
  checkOutDir(dirname(resolve(outPath)), '--out', outPath);
  const { title, contents } = await packContents(briefingPath);
  const { js, css } = await buildPackBundle(resolve(import.meta.dirname, '..'));
  const scriptHash = createHash('sha256').update(js).digest('base64');
  const html = packHtml({ title, js, css, contents, scriptHash });
  writeFiles(dirname(resolve(outPath)), { [basename(outPath)]: html });
  return { bytes: Buffer.byteLength(html) };
}

export async function main(argv: string[], out = console.log, err = console.error): Promise<number> {
  let values: { briefing?: string; out?: string };
  try {
    ({ values } = parseArgs({ args: argv, options: { briefing: { type: 'string' }, out: { type: 'string' } } }));
  } catch (error) {
    err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!values.briefing || !values.out) {
    err(`both --briefing and --out are needed\n${USAGE}`);
    return 2;
  }
  try {
    const started = performance.now();
    const { bytes } = await writePack(values.briefing, values.out);
    out(
      `wrote ${values.out}: ${(bytes / 1e6).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    return 0;
  } catch (error) {
    return exitCodeFor(error, USAGE, err);
  }
}

if (process.argv[1] && /scripts[\\/]pack\.ts$/.test(process.argv[1]))
  process.exitCode = await main(process.argv.slice(2));
