/**
 * Faults the app must survive in a real browser: a basemap file that fails, the data worker
 * crashing mid-parse, the WebGL context lost and restored, browser storage full. Each leaves what
 * is on screen in place, says what happened, and recovers. Service workers are blocked here so
 * that every request meets the test's routes.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  addressParam,
  changedPixels,
  foreignRequests,
  launch,
  SCREENSHOT_DIR,
  screenshotPixels,
  waitForMapReady,
} from './harness';

const chromiumPath = inject('chromiumPath');
const baseUrl = inject('baseUrl');

describe.skipIf(!chromiumPath)('faults survived in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  beforeAll(async () => {
    browser = await launch(chromiumPath!);
    context = await browser.newContext({ viewport: { width: 1280, height: 720 }, serviceWorkers: 'block' });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function newPage(): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(`${e.name}: ${e.message}`));
    return { page, errors };
  }

  it('a basemap file that fails to load: data still drawn, a notice says so', async () => {
    const { page, errors } = await newPage();
    await page.route('**/basemap/land.json', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(baseUrl);
    await waitForMapReady(page);
    await expect(page.getByTestId('map-notices').textContent()).resolves.toContain(
      'The basemap (basemap/land.json) could not be loaded, so the land is not drawn. The data on the map is unaffected',
    );
    // The flows are drawn: the map differs from the same page with every data layer turned off.
    const withData = await screenshotPixels(page, `${SCREENSHOT_DIR}/fault-basemap.png`);
    await page.goto(`${baseUrl}?layers=`);
    await waitForMapReady(page);
    expect(changedPixels(withData, await screenshotPixels(page), 345, 40)).toBeGreaterThan(500);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the data worker crashing mid-parse: a message, the data on screen kept, a retry works', async () => {
    const { page } = await newPage();
    let crashes = 1;
    await page.route('**/assets/data-worker*.js', async (route) => {
      // A loaded machine sometimes drops the proxied fetch: one retry, so the fault tested is the test's own.
      const response = await route.fetch().catch(() => route.fetch());
      let body = await response.text();
      if (crashes-- > 0)
        // Runs before the worker's own handler: the first file import dies with an uncaught error.
        body = `self.addEventListener('message', (event) => {
          if (event.data && event.data.method === 'importFiles') {
            event.stopImmediatePropagation();
            setTimeout(() => { throw new Error('simulated crash while parsing'); });
          }
        });\n${body}`;
      await route.fulfill({ response, body });
    });
    await page.goto(baseUrl);
    await waitForMapReady(page);
    const title = await page.locator('.header h1').textContent();
    const files = ['areas.geojson', 'flows.csv'].map((name) => ({
      name,
      mimeType: 'text/plain',
      buffer: readFileSync(`data/sample/${name}`),
    }));
    await page.getByTestId('open-data-input').setInputFiles(files);
    await expect
      .poll(() => page.getByTestId('problems').textContent(), { timeout: 30_000 })
      .toContain('areas.geojson, flows.csv: could not be read: the data worker stopped');
    await expect(page.getByTestId('problems').textContent()).resolves.toContain('The map still shows the data it had');
    await expect(page.locator('.header h1').textContent()).resolves.toBe(title);
    // A second try starts a fresh worker and opens the files.
    await page.getByTestId('open-data-input').setInputFiles(files);
    await expect.poll(() => page.locator('.header h1').textContent(), { timeout: 60_000 }).toBe('Your data');
    await waitForMapReady(page);
    await page.close();
  });

  it("the data worker's script failing to load at page open: a message naming the dataset", async () => {
    const { page } = await newPage();
    await page.route('**/assets/data-worker*.js', (route) => route.fulfill({ status: 503, body: 'unavailable' }));
    await page.goto(baseUrl);
    await expect
      .poll(() => page.getByTestId('problems').textContent(), { timeout: 30_000 })
      .toMatch(/data\/sample\/manifest\.json: could not be read: the data worker stopped/);
    await page.close();
  });

  it('a page too busy to hand the data worker a message: the worker opens the dataset anyway', async () => {
    // At load the page's main thread is busy creating the map, and a message posted to a worker
    // that has not started yet waits for that thread. The dataset to open travels with the
    // worker's start instead. Here the page goes busy for 4 s the moment the worker's script
    // begins to run, and the sample's files must still be requested within that time.
    const { page } = await newPage();
    await page.route('**/assets/data-worker*.js', async (route) => {
      // A loaded machine sometimes drops the proxied fetch: one retry, so the fault tested is the test's own.
      const response = await route.fetch().catch(() => route.fetch());
      const body = `self.postMessage({ testWorkerRunning: true });\n${await response.text()}`;
      await route.fulfill({ response, body });
    });
    await page.addInitScript(() => {
      const NativeWorker = window.Worker;
      window.Worker = class extends NativeWorker {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          if (options?.name !== 'atlas-data') return;
          this.addEventListener('message', (event) => {
            if (!event.data?.testWorkerRunning) return;
            const until = Date.now() + 4000;
            while (Date.now() < until); // busy, as a slow machine's main thread is at load
            (window as unknown as { busyUntil: number }).busyUntil = until;
          });
        }
      };
    });
    let manifestRequested = 0;
    await page.route('**/data/sample/manifest.json', (route) => {
      manifestRequested ||= Date.now();
      return route.continue();
    });
    await page.goto(baseUrl);
    await waitForMapReady(page);
    const busyUntil = await page.evaluate(() => (window as unknown as { busyUntil: number }).busyUntil);
    expect(busyUntil).toBeGreaterThan(0);
    expect(manifestRequested).toBeGreaterThan(0);
    expect(manifestRequested).toBeLessThan(busyUntil);
    await page.close();
  });

  it('the WebGL context lost and restored: a notice while it is gone, then the same map again', async () => {
    const { page, errors } = await newPage();
    await page.goto(`${baseUrl}?period=2020-Q2`);
    const before = await waitForMapReady(page);
    const drawn = await screenshotPixels(page);
    await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas')!;
      const lose = canvas.getContext('webgl2')!.getExtension('WEBGL_lose_context')!;
      (window as unknown as { __restore: () => void }).__restore = () => lose.restoreContext();
      lose.loseContext();
    });
    await page.waitForFunction(() => document.body.dataset.mapReady !== 'true');
    await expect(page.getByTestId('map-notices').textContent()).resolves.toContain('The graphics context was lost');
    await page.evaluate(() => (window as unknown as { __restore: () => void }).__restore());
    await waitForMapReady(page, before);
    await expect(page.getByTestId('map-notices').count()).resolves.toBe(0);
    // The rebuilt map shows what the state says: the same picture as before the loss.
    expect(
      changedPixels(drawn, await screenshotPixels(page, `${SCREENSHOT_DIR}/fault-webgl-restored.png`), 345, 48),
    ).toBeLessThan(1500);
    await expect.poll(() => addressParam(page, 'period')).toBe('2020-Q2');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('browser storage full: briefing edits kept in memory, the author warned, export still works', async () => {
    const { page, errors } = await newPage();
    await page.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await page.goto(baseUrl);
    await waitForMapReady(page);
    await page.getByTestId('add-scene').click();
    await page.getByTestId('add-scene').click();
    await expect(page.locator('.scene-list li').count()).resolves.toBe(2);
    await expect(page.getByTestId('draft-not-saved').textContent()).resolves.toContain(
      'This browser is not saving your edits (its storage is full or turned off)',
    );
    const download = page.waitForEvent('download');
    await page.getByTestId('export-briefing').click();
    const file = await download;
    const exported = JSON.parse(readFileSync((await file.path())!, 'utf8'));
    expect(exported.scenes).toHaveLength(2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the suite's own guard: a request to another origin is caught (and would fail its test)", async () => {
    const { page } = await newPage();
    // (The app's CSP would refuse a fetch before any request exists; a navigation is one.)
    await page.goto('http://127.0.0.1:9/elsewhere').catch(() => undefined);
    await expect.poll(() => foreignRequests.some((r) => r.includes('127.0.0.1:9/elsewhere'))).toBe(true);
    foreignRequests.splice(0); // made on purpose here
    await page.close();
  });
});
