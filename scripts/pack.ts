/**
 * `npm run pack -- --briefing <briefing.json> --out <file.html>`: a briefing pack — one HTML file
 * with the app, the basemap, the briefing's dataset and the briefing inlined — that presents from
 * disk (file://) with no network and no server. See src/pack/pack-format.ts for the format.
 *
 * Exit codes: 0 written, 1 bad input (every problem printed), 2 bad usage.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseBriefing } from '../src/data/briefing.ts';
import { exitCodeFor } from '../src/cli/exit.ts';
import { collectPack } from '../src/pack/collect.ts';
import { packHtml, type PackContents } from '../src/pack/pack-format.ts';
import { buildBasemap } from './basemap.ts';
import { buildPackBundle } from './pack-bundle.ts';

const USAGE = 'usage: npm run pack -- --briefing <briefing.json> --out <file.html>';

/** Everything a pack carries besides the app, read from disk and checked. */
export async function packContents(briefingPath: string): Promise<{ title: string; contents: PackContents }> {
  const briefingFile = basename(briefingPath);
  const briefing = parseBriefing(readFileSync(briefingPath, 'utf8'), briefingFile);
  const manifestPath = resolve(dirname(briefingPath), briefing.dataset);
  const basemap = buildBasemap();
  const require = createRequire(import.meta.url);
  const contents = await collectPack({
    briefing,
    briefingFile,
    manifestText: readFileSync(manifestPath, 'utf8'),
    manifestFile: basename(manifestPath),
    readDatasetFile: async (file) => readFileSync(join(dirname(manifestPath), file), 'utf8'),
    basemap: { land: JSON.stringify(basemap.land), lines: JSON.stringify(basemap.lines) },
    maplibreWorker: readFileSync(require.resolve('maplibre-gl/dist/maplibre-gl-worker.mjs'), 'utf8'),
  });
  return { title: briefing.title, contents };
}

export async function writePack(briefingPath: string, outPath: string): Promise<{ bytes: number }> {
  const { title, contents } = await packContents(briefingPath);
  const { js, css } = await buildPackBundle(resolve(import.meta.dirname, '..'));
  const scriptHash = createHash('sha256').update(js).digest('base64');
  const html = packHtml({ title, js, css, contents, scriptHash });
  writeFileSync(outPath, html);
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
