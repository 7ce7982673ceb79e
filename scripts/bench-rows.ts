/**
 * Bench rows that need data larger than the sample, generated here (seeded) and opened through
 * "Open data…" in the built app, as a user would:
 *
 * c. a period change at 1k, 10k and 100k flows (spread over 36 quarters): main-thread task time
 *    per change (Chromium's TaskDuration metric) with the app's GPU filter, against the same app
 *    re-filtering on the CPU and rebuilding its layers (window.__atlasTools.setFilterOnCpu); of it,
 *    the app's own JavaScript per change, every task the change sets off (appScriptMs); and the
 *    page's JS heap after loading 100k flows.
 * d. the incident pipeline in Node (scripts/bench-incidents.ts) in subprocesses with a time limit.
 * f. a 50 MB flows CSV: time to map, the page's peak JS heap, and the longest main-thread task.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomLcg } from 'd3-random';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';

const QUARTERS = Array.from({ length: 36 }, (_, i) => `${2016 + Math.floor(i / 4)}-Q${(i % 4) + 1}`);

/** A flowmap.blue-style locations file: `n` places on a grid over England. */
export function locations(n: number): string {
  const side = Math.ceil(Math.sqrt(n));
  const rows = ['id,name,lat,lon'];
  for (let i = 0; i < n; i++)
    rows.push(
      `L${i},Place ${i},${(50.8 + (Math.floor(i / side) / side) * 2.6).toFixed(4)},${(-3.5 + ((i % side) / side) * 4.5).toFixed(4)}`,
    );
  return `${rows.join('\n')}\n`;
}

/** `n` distinct flows (origin, destination, quarter), counts 10–200, over `places` places. */
export function flows(n: number, places: number, seed = 0.42): string {
  const random = randomLcg(seed);
  const rows = ['origin,dest,period,count'];
  const seen = new Set<number>();
  while (rows.length <= n) {
    const o = Math.floor(random() * places);
    const d = Math.floor(random() * places);
    const q = Math.floor(random() * QUARTERS.length);
    const key = (o * places + d) * QUARTERS.length + q;
    if (o === d || seen.has(key)) continue;
    seen.add(key);
    rows.push(`L${o},L${d},${QUARTERS[q]},${10 + Math.floor(random() * 190)}`);
  }
  return `${rows.join('\n')}\n`;
}

async function metric(cdp: CDPSession, name: string): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === name)?.value ?? 0;
}

const ready = (page: Page, after: number) =>
  page.waitForFunction(
    (v) => document.body.dataset.mapReady === 'true' && Number(document.body.dataset.mapVersion) > v,
    after,
    { timeout: 600_000, polling: 50 },
  );
const version = (page: Page) => page.evaluate(() => Number(document.body.dataset.mapVersion ?? 0));

async function openFiles(page: Page, files: { name: string; text: string }[]): Promise<void> {
  const before = await version(page);
  await page
    .getByTestId('open-data-input')
    .setInputFiles(files.map((f) => ({ name: f.name, mimeType: 'text/csv', buffer: Buffer.from(f.text) })));
  await ready(page, before);
}

/** The middle value (the upper middle of an even count): what every bench row reports. */
export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Times the tasks a period change sets off outside animation frames, so that its JavaScript can be
 * counted whole (appScriptMs). Run in the page before the app loads, it wraps each timer callback
 * and each MessagePort message handler that the app's own scripts set up, and times each call as
 * `bench:task`. React's scheduler runs its deferred renders through a MessagePort. The click's
 * span is timed as `bench:click`. A wrapper costs a `performance.now()` and a measure a call.
 *
 * Not wrapped: intervals, idle callbacks and event listeners other than the click. A period step
 * runs none of them: its timed tasks were the click, React's scheduler and the address's timer.
 *
 * A string, not a function: tsx would wrap a function's inner functions in a helper the page does
 * not have. It also defines `__benchAppScript`, which appScriptMs calls.
 */
const TIME_APP_TASKS = `(() => {
  const timed = (fn) => function (...args) {
    const start = performance.now();
    try { return fn.apply(this, args); } finally { performance.measure('bench:task', { start }); }
  };
  // Only what the app's own scripts set: Playwright's waits poll with timers in this page too.
  const fromApp = (fn) => typeof fn === 'function' && new Error().stack.includes(location.origin + '/assets/');
  const setTimeoutOf = window.setTimeout;
  window.setTimeout = (fn, ...rest) => setTimeoutOf(fromApp(fn) ? timed(fn) : fn, ...rest);
  const onmessage = Object.getOwnPropertyDescriptor(MessagePort.prototype, 'onmessage');
  Object.defineProperty(MessagePort.prototype, 'onmessage', {
    ...onmessage,
    set(fn) { onmessage.set.call(this, fromApp(fn) ? timed(fn) : fn); },
  });
  let start = 0;
  window.addEventListener('click', () => (start = performance.now()), true);
  window.addEventListener('click', () => performance.measure('bench:click', { start }));
  // appScriptMs, in the page.
  window.__benchAppScript = (from) => {
    const after = (name) => performance.getEntriesByName(name).filter((e) => e.startTime >= from);
    const spans = [...after('bench:click'), ...after('bench:task')];
    const counted = (t) => spans.some((s) => t >= s.startTime && t <= s.startTime + s.duration);
    const total = (entries) => entries.reduce((sum, e) => sum + e.duration, 0);
    const layerUpdatesInFrames = after('atlas:layers-update').filter((e) => !counted(e.startTime));
    return { script: total(spans) + total(layerUpdatesInFrames), urlWrite: total(after('atlas:url-write')) };
  };
})();`;

/**
 * The app's own JavaScript in the period change begun at `since` (page clock), in ms: the click's
 * handling (React's render and effects run inside it, for a discrete event), every task of the
 * app's scripts after it (React's deferred render of the summary, the address bar's write once
 * the view rests), and the layer updates (`atlas:layers-update`, timed by the map) made in a
 * frame. Not the animation frames themselves: MapLibre's and deck.gl's drawing, which the GPU
 * paces. And, apart, the address bar's writes (`atlas:url-write`).
 *
 * Until the thirteenth stop this counted the click, the layer updates and the URL writes only,
 * and so left out the summary's deferred render (bench/README.md).
 */
async function appScriptMs(page: Page, since: number): Promise<{ script: number; urlWrite: number }> {
  return page.evaluate(`window.__benchAppScript(${since})`);
}

export interface StepTimes {
  /** Main-thread task time per change (Chromium's TaskDuration), ms. */
  taskMs: number;
  /** Of it, the app's own JavaScript (see appScriptMs), ms. */
  appScriptMs: number;
  /** Of that, Chromium's history.replaceState keeping the link current (atlas:url-write), ms. */
  urlWriteMs: number;
}

/** One period step at a time, `steps` times: the medians. */
async function periodSteps(page: Page, cdp: CDPSession, steps: number): Promise<StepTimes> {
  const tasks: number[] = [];
  const scripts: number[] = [];
  const urlWrites: number[] = [];
  for (let i = 0; i < steps; i++) {
    const before = await version(page);
    const since = await page.evaluate(() => performance.now());
    const start = await metric(cdp, 'TaskDuration');
    await page.getByRole('button', { name: 'Previous period' }).click({ timeout: 300_000 });
    await ready(page, before);
    // The address is written once the view rests (url-state.ts): wait for it, so that it counts
    // in this step, not the next.
    await page.waitForFunction(
      (from) => performance.getEntriesByName('atlas:url-write').some((e) => e.startTime >= from),
      since,
      { timeout: 60_000, polling: 50 },
    );
    tasks.push(((await metric(cdp, 'TaskDuration')) - start) * 1000);
    const { script, urlWrite } = await appScriptMs(page, since);
    scripts.push(script);
    urlWrites.push(urlWrite);
  }
  return { taskMs: median(tasks), appScriptMs: median(scripts), urlWriteMs: median(urlWrites) };
}

/**
 * The built app in a fresh context, first map drawn, with Chromium's performance metrics on, and
 * with `timeTasks` its tasks timed (TIME_APP_TASKS).
 */
async function openApp(
  browser: Browser,
  url: string,
  { timeTasks = false } = {},
): Promise<{ context: BrowserContext; page: Page; cdp: CDPSession }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  if (timeTasks) await page.addInitScript(TIME_APP_TASKS);
  await page.goto(url);
  await ready(page, 0);
  return { context, page, cdp };
}

export interface FilterResult {
  flows: number;
  gpuMs: number;
  cpuMs: number;
  /** The app's own JavaScript per change with the GPU filter, ms. */
  gpuAppScriptMs: number;
  /** Of it, the URL write (Chromium's replaceState), ms. */
  gpuUrlWriteMs: number;
  heapMb: number;
}

export async function filterRow(browser: Browser, url: string, log: (line: string) => void): Promise<FilterResult[]> {
  const out: FilterResult[] = [];
  for (const n of [1_000, 10_000, 100_000]) {
    const { context, page, cdp } = await openApp(browser, url, { timeTasks: true });
    await openFiles(page, [
      { name: 'locations.csv', text: locations(600) },
      { name: 'flows.csv', text: flows(n, 600) },
    ]);
    await cdp.send('HeapProfiler.collectGarbage');
    const heapMb = (await metric(cdp, 'JSHeapUsedSize')) / 2 ** 20;
    // The GPU path, as on a graphics card: this Chromium draws in software, where the app would
    // otherwise keep to the CPU path (map/renderer.ts). Wait for every period to be uploaded.
    const cpuFirst = await version(page);
    const updates = () => page.evaluate(() => performance.getEntriesByName('atlas:layers-update').length);
    const updatesBefore = await updates();
    await page.evaluate(() => window.__atlasTools!.setFilterOnCpu(false));
    await ready(page, cpuFirst);
    // Then, once that frame is drawn, every period goes to the GPU: one more layer update.
    await page.waitForFunction(
      (n) => performance.getEntriesByName('atlas:layers-update').length >= n,
      updatesBefore + 2,
    );
    const gpu = await periodSteps(page, cdp, 9);
    const before = await version(page);
    await page.evaluate(() => window.__atlasTools!.setFilterOnCpu(true));
    await ready(page, before);
    const cpu = await periodSteps(page, cdp, 5);
    log(
      `filter: ${n} flows: GPU ${gpu.taskMs.toFixed(1)} ms (app JS ${gpu.appScriptMs.toFixed(1)} ms, of it the URL write ${gpu.urlWriteMs.toFixed(1)} ms), CPU ${cpu.taskMs.toFixed(1)} ms per change; heap ${heapMb.toFixed(0)} MB`,
    );
    out.push({
      flows: n,
      gpuMs: gpu.taskMs,
      cpuMs: cpu.taskMs,
      gpuAppScriptMs: gpu.appScriptMs,
      gpuUrlWriteMs: gpu.urlWriteMs,
      heapMb,
    });
    await context.close();
  }
  return out;
}

export interface OpenLargeResult {
  megabytes: number;
  ms: number;
  peakHeapMb: number;
  /**
   * The page's array buffers and external strings at their peak: outside the JS heap, where the
   * dataset's columns live (typed arrays), so the heap row alone would not say what they hold.
   */
  peakBuffersMb: number;
  longestTaskMs: number;
}

export async function openLargeRow(
  browser: Browser,
  url: string,
  log: (line: string) => void,
): Promise<OpenLargeResult> {
  const places = 400;
  // About 21 bytes a row: 2.45 million distinct rows make just under the app's 50 MB limit.
  const text = flows(2_450_000, places, 0.7);
  // Playwright passes more than 50 MB only from a file.
  const folder = mkdtempSync(join(tmpdir(), 'atlas-bench-'));
  const paths = [join(folder, 'locations.csv'), join(folder, 'flows.csv')];
  writeFileSync(paths[0], locations(places));
  writeFileSync(paths[1], text);
  const { context, page, cdp } = await openApp(browser, url);
  await page.evaluate(() => {
    const w = window as unknown as { __longest: number };
    w.__longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longest = Math.max(w.__longest, entry.duration);
    }).observe({ type: 'longtask' });
  });
  let peak = 0;
  let peakBuffers = 0;
  const sampler = setInterval(() => {
    void metric(cdp, 'JSHeapUsedSize').then((v) => {
      peak = Math.max(peak, v);
    });
    void cdp.send('Runtime.getHeapUsage').then((usage) => {
      peakBuffers = Math.max(peakBuffers, usage.backingStorageSize);
    });
  }, 250);
  const started = Date.now();
  const before = await version(page);
  await page.getByTestId('open-data-input').setInputFiles(paths);
  await ready(page, before);
  const ms = Date.now() - started;
  rmSync(folder, { recursive: true });
  clearInterval(sampler);
  const longestTaskMs = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
  const result = {
    megabytes: text.length / 2 ** 20,
    ms,
    peakHeapMb: peak / 2 ** 20,
    peakBuffersMb: peakBuffers / 2 ** 20,
    longestTaskMs,
  };
  log(
    `50 MB CSV: ${result.megabytes.toFixed(1)} MB opened in ${ms} ms; peak heap ${result.peakHeapMb.toFixed(0)} MB (array buffers ${result.peakBuffersMb.toFixed(0)} MB); longest task ${longestTaskMs.toFixed(0)} ms`,
  );
  await context.close();
  return result;
}

export interface PipelineResult {
  fastMs: number;
  naiveMs: number;
  naiveExtrapolated: boolean;
  peakRssMb: number;
  fast100kMs: number;
}

/** Row d: subprocesses, each with a time limit, so a runaway baseline cannot hang the bench. */
export function pipelineRow(root: string, log: (line: string) => void): PipelineResult {
  const run = (mode: string, points: number, limitS: number) =>
    JSON.parse(
      execFileSync(
        process.execPath,
        ['--import', 'tsx', join(root, 'scripts', 'bench-incidents.ts'), mode, String(points), String(limitS)],
        {
          cwd: root,
          timeout: (limitS + 60) * 1000,
          encoding: 'utf8',
        },
      ),
    ) as { ms: number; extrapolated: boolean; peakRssMb: number; processed: number };
  const fast100k = run('fast', 100_000, 60);
  const fast = run('fast', 1_000_000, 60);
  const naive = run('naive', 1_000_000, 60);
  log(
    `incidents: 1M points ${fast.ms.toFixed(0)} ms (peak RSS ${fast.peakRssMb} MB), naive ${naive.ms.toFixed(0)} ms${naive.extrapolated ? ` (extrapolated from ${naive.processed} points)` : ''}; 100k ${fast100k.ms.toFixed(0)} ms`,
  );
  return {
    fastMs: fast.ms,
    naiveMs: naive.ms,
    naiveExtrapolated: naive.extrapolated,
    peakRssMb: fast.peakRssMb,
    fast100kMs: fast100k.ms,
  };
}
