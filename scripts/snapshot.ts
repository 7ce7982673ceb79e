/**
 * PNG snapshots from the command line, the same export as the app's Export PNG button:
 *
 *   npm run snapshot -- [--url-state '<query and hash>'] [--preset 1200@2x] --out map.png
 *   npm run snapshot -- --briefing data/briefings/<name>.json [--preset slides] [--scenes 2,5-6] --out-dir shots/
 *
 * It checks the output folder, the briefing, its dataset and its scenes first; then builds the
 * app if there is no build, serves it on a free local port, drives the system Chromium
 * (playwright-core) and writes the export once the view has drawn (every layer with its data:
 * export-view.ts and render-png.ts wait, then refuse). A briefing opens once and each scene is
 * shown in place; its images are written only when every scene has drawn. `--scenes` names the
 * scenes to draw, numbered from 1 as the presenter counts them (a scene re-shot after an edit); each
 * image is the one the whole briefing's run gives for that scene. With no state it is
 * the default view of the sample. `--date YYYY-MM-DD` fixes the date printed in the image
 * (default: today), so the same input gives byte-identical files; `--report` writes beside each
 * PNG a JSON of what it drew.
 *
 * Exit codes: 0 written, 1 failure (printed), 2 bad usage.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { presetById } from '../src/export/presets.ts';
import { exitCodeFor, UsageError } from '../src/cli/exit.ts';
import { checkOutDir, writeFiles } from '../src/cli/output.ts';
import { readBriefingDataset } from '../src/pack/collect.ts';
import { briefingOnDisk } from './pack.ts';
import { CHROMIUM_ARGS, findChromium } from './chromium.ts';

const USAGE = `usage:
  npm run snapshot -- [--url-state '<query and hash>'] [--preset 1200@2x] [--date YYYY-MM-DD] [--report] --out <file.png>
  npm run snapshot -- --briefing data/briefings/<name>.json [--preset …] [--date …] [--report] [--scenes 2,5-6] --out-dir <folder>
--scenes draws only the scenes named (numbered from 1), each as the whole briefing's run draws it
--scene-text puts each scene's title and caption under the title
--report writes <name>.json beside each PNG: what it drew (the map's and the key's boxes, the key's rows, its text)
presets: 600@2x, 1200@2x, slides, a4, or WIDTHxHEIGHT[@Nx]`;

const ROOT = resolve(import.meta.dirname, '..');

async function ensureBuild(): Promise<void> {
  if (existsSync(join(ROOT, 'dist', 'index.html'))) return;
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), mode: 'production', logLevel: 'error' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

/**
 * The scenes `--scenes` names ("2,5-6", numbered from 1), as zero-based indices in briefing order;
 * every scene when it is left out. A number outside the briefing is bad usage, not an empty run.
 */
export function scenesNamed(spec: string | undefined, count: number): number[] {
  if (spec === undefined) return Array.from({ length: count }, (_, i) => i);
  const chosen = new Set<number>();
  for (const part of spec.split(',')) {
    const range = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
    const [from, to] = range ? [Number(range[1]), Number(range[2] ?? range[1])] : [0, -1];
    if (!range || from < 1 || to > count || from > to)
      throw new UsageError(
        `--scenes "${spec}": give scene numbers from 1 to ${count}, or ranges of them, with commas ("2,5-6")`,
      );
    for (let n = from; n <= to; n++) chosen.add(n - 1);
  }
  return [...chosen].sort((a, b) => a - b);
}

/** Waits until the page has drawn what it shows now, within a budget that says which page. */
async function drawn(page: Page, what: string): Promise<void> {
  try {
    await page.waitForFunction(() => document.body.dataset.mapReady === 'true', null, {
      timeout: 180_000,
      polling: 100,
    });
  } catch {
    throw new Error(`${what} was not drawn within 3 minutes; nothing was written`);
  }
}

/** The PNG of what the page shows now, refused (with the page's words) when it cannot be what was asked. */
async function exportShown(
  page: Page,
  what: string,
  preset: string,
  date: string,
  sceneText = false,
): Promise<{ png: Buffer; report: string }> {
  try {
    const { png, drawn: report } = await page.evaluate(
      ([id, day, scene]) => window.__atlasTools!.exportPng(id, { date: day, sceneText: scene }),
      [preset, date, sceneText] as const,
    );
    return { png: Buffer.from(png, 'base64'), report: `${JSON.stringify(report, null, 2)}\n` };
  } catch (error) {
    // What the page refused with, without Playwright's wrapping ("page.evaluate: Error: …").
    const message = (error as Error).message.replace(/^page\.evaluate: (Error: )?/, '').split('\n    at ')[0];
    throw new Error(`${what} was not exported:\n${message}`);
  }
}

export async function snapshot(
  options: {
    urlState?: string;
    briefing?: string;
    preset: string;
    date: string;
    out?: string;
    outDir?: string;
    /** Also write `<name>.json` beside each PNG: what it drew (map and key boxes, key rows, text). */
    report?: boolean;
    /** A briefing's images carry each scene's title and caption under the title. */
    sceneText?: boolean;
    /** Which of a briefing's scenes to draw ("2,5-6", from 1); all when left out. */
    scenes?: string;
  },
  log = console.log,
): Promise<string[]> {
  if (!presetById(options.preset)) throw new UsageError(`--preset "${options.preset}" is not a size`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.date)) throw new UsageError('--date needs YYYY-MM-DD');
  let briefingPath: string | undefined;
  let scenes: number[] = [];
  if (options.scenes !== undefined && !options.briefing) throw new UsageError('--scenes picks scenes of a --briefing');
  if (options.briefing) {
    if (!options.outDir) throw new UsageError('--briefing writes one PNG per scene: give --out-dir');
    checkOutDir(options.outDir, '--out-dir');
    const absolute = resolve(options.briefing);
    briefingPath = relative(ROOT, absolute).split('\\').join('/');
    if (!briefingPath.startsWith('data/'))
      throw new UsageError(`${options.briefing} must be under data/ (the atlas serves its briefings from there)`);
    // The briefing, its dataset and every scene's references are checked here, before a browser
    // starts: a briefing the app would refuse gives a message and no file, never the sample.
    const sources = briefingOnDisk(absolute);
    await readBriefingDataset(sources, 'the snapshot');
    scenes = scenesNamed(options.scenes, sources.briefing.scenes.length);
  } else if (!options.out) throw new UsageError('give --out <file.png> (or --briefing with --out-dir)');
  else checkOutDir(dirname(resolve(options.out)), '--out', options.out);
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium found: apt-get install -y chromium, or set CHROMIUM_PATH');

  await ensureBuild();
  const server = await preview({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'error',
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
  });
  const address = server.httpServer.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 4173}/`;
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const written: string[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    if (briefingPath) {
      // The briefing opens once; each scene is then shown in place, as the clicker shows it, and
      // exported only once it has drawn (export-view.ts waits for the scene's every layer).
      await page.goto(`${base}?briefing=${encodeURIComponent(briefingPath)}&scene=${scenes[0] + 1}`);
      await drawn(page, options.briefing!);
      const images: Record<string, Buffer | string> = {};
      for (const i of scenes) {
        const started = performance.now();
        const what = `scene ${i + 1} of ${options.briefing}`;
        await page.evaluate((index) => window.__atlasTools!.showScene(index), i);
        await drawn(page, what);
        const name = `scene-${String(i + 1).padStart(2, '0')}`;
        const { png, report } = await exportShown(page, what, options.preset, options.date, options.sceneText);
        images[`${name}.png`] = png;
        if (options.report) images[`${name}.json`] = report;
        log(`drew ${name}.png (${((performance.now() - started) / 1000).toFixed(1)} s)`);
      }
      // Every scene or none: a briefing's images are written once all of them have drawn.
      for (const name of writeFiles(options.outDir!, images)) written.push(join(options.outDir!, name));
      log(`wrote ${scenes.length} PNG(s)${options.report ? ' and their reports' : ''} to ${options.outDir}`);
    } else {
      const state = options.urlState ?? '';
      const started = performance.now();
      await page.goto(`${base}${state.startsWith('?') || state.startsWith('#') || state === '' ? state : `?${state}`}`);
      await drawn(page, state || 'the default view');
      const { png, report } = await exportShown(page, state || 'the default view', options.preset, options.date);
      const name = basename(options.out!);
      writeFiles(dirname(resolve(options.out!)), {
        [name]: png,
        ...(options.report ? { [`${name.replace(/\.png$/i, '')}.json`]: report } : {}),
      });
      written.push(options.out!);
      log(`wrote ${options.out} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return written;
}

export async function main(argv: string[], log = console.log, err = console.error): Promise<number> {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        'url-state': { type: 'string' },
        briefing: { type: 'string' },
        preset: { type: 'string', default: '1200@2x' },
        date: { type: 'string', default: new Date().toISOString().slice(0, 10) },
        out: { type: 'string' },
        'out-dir': { type: 'string' },
        report: { type: 'boolean' },
        'scene-text': { type: 'boolean' },
        scenes: { type: 'string' },
      },
    });
    await snapshot(
      {
        urlState: values['url-state'],
        briefing: values.briefing,
        preset: values.preset!,
        date: values.date!,
        out: values.out,
        outDir: values['out-dir'],
        report: values.report,
        sceneText: values['scene-text'],
        scenes: values.scenes,
      },
      log,
    );
    return 0;
  } catch (error) {
    return exitCodeFor(error, USAGE, err);
  }
}

if (process.argv[1] && /scripts[\\/]snapshot\.ts$/.test(process.argv[1]))
  process.exitCode = await main(process.argv.slice(2));
