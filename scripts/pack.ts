/**
 * `npm run pack -- --briefing <briefing.json> --out <file.html>`: a briefing pack — one HTML file
 * with the app, the basemap, the briefing's dataset and the briefing inlined — that presents from
 * disk (file://) with no network and no server. See src/pack/pack-format.ts for the format.
 *
 * Exit codes: 0 written, 1 bad input (every problem printed), 2 bad usage.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, posix, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { briefingJson, parseBriefing } from '../src/data/briefing.ts';
import { parseManifest } from '../src/data/io/parse.ts';
import { DataError, formatProblem } from '../src/data/problems.ts';
import { packHtml, type PackContents } from '../src/pack/pack-format.ts';
import { buildBasemap } from './basemap.ts';

const USAGE = 'usage: npm run pack -- --briefing <briefing.json> --out <file.html>';

/** Where the dataset lives inside a pack, beside the briefing as on a hosted atlas. */
const PACK_DATA = 'data/pack-data';

/** The app as one script and one stylesheet (no chunks: a file:// page cannot load them). */
export async function buildPackBundle(): Promise<{ js: string; css: string }> {
  const outDir = mkdtempSync(join(tmpdir(), 'atlas-pack-build-'));
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: resolve(import.meta.dirname, '../vite.config.ts'),
      root: resolve(import.meta.dirname, '..'),
      mode: 'production',
      logLevel: 'error',
      build: { outDir, emptyOutDir: true, sourcemap: false, rolldownOptions: { output: { codeSplitting: false } } },
    });
    const assets = join(outDir, 'assets');
    const named = (pattern: RegExp) =>
      readFileSync(join(assets, readdirSync(assets).find((f) => pattern.test(f))!), 'utf8');
    return { js: named(/^index-.*\.js$/), css: named(/^index-.*\.css$/) };
  } finally {
    process.env.NODE_ENV = nodeEnv;
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** Everything a pack carries besides the app, read from disk and checked. */
export function packContents(briefingPath: string): { title: string; contents: PackContents } {
  const briefingFile = basename(briefingPath);
  const briefing = parseBriefing(readFileSync(briefingPath, 'utf8'), briefingFile);
  const manifestPath = resolve(dirname(briefingPath), briefing.dataset);
  const manifestText = readFileSync(manifestPath, 'utf8');
  const manifest = parseManifest(manifestText, basename(manifestPath));
  const files: Record<string, string> = { [`${PACK_DATA}/manifest.json`]: manifestText };
  for (const file of [manifest.files.areas, manifest.files.flows, manifest.files.incidents]) {
    if (!file) continue;
    if (/^[a-z]+:|^\//i.test(file) || posix.normalize(file).startsWith('..')) {
      throw new DataError([
        {
          severity: 'error',
          file: basename(manifestPath),
          field: 'files',
          message: `"${file}" is outside the dataset's folder; a pack takes the files beside the manifest`,
        },
      ]);
    }
    files[posix.join(PACK_DATA, posix.normalize(file))] = readFileSync(join(dirname(manifestPath), file), 'utf8');
  }
  const briefingKey = `data/briefings/${briefingFile}`;
  files[briefingKey] = briefingJson({ ...briefing, dataset: `../pack-data/manifest.json` });
  const basemap = buildBasemap();
  files['basemap/land.json'] = JSON.stringify(basemap.land);
  files['basemap/lines.json'] = JSON.stringify(basemap.lines);
  const require = createRequire(import.meta.url);
  const maplibreWorker = readFileSync(require.resolve('maplibre-gl/dist/maplibre-gl-worker.mjs'), 'utf8');
  return { title: briefing.title, contents: { briefing: briefingKey, files, maplibreWorker } };
}

export async function writePack(briefingPath: string, outPath: string): Promise<{ bytes: number }> {
  const { title, contents } = packContents(briefingPath);
  const { js, css } = await buildPackBundle();
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
    if (error instanceof DataError) {
      for (const p of error.problems) err(`${p.severity}: ${formatProblem(p)}`);
      return 1;
    }
    const code = (error as { code?: unknown } | null)?.code;
    err(
      `error: ${code === 'ENOENT' ? `cannot read ${(error as { path?: string }).path}` : error instanceof Error ? error.message : String(error)}`,
    );
    return 1;
  }
}

if (process.argv[1] && /scripts[\\/]pack\.ts$/.test(process.argv[1]))
  process.exitCode = await main(process.argv.slice(2));
