/**
 * No byte leaves the page's origin: not through a redirect answered by the atlas's own server, and
 * not from inside its Web Workers (whose policy does not come from the page's CSP meta tag unless
 * they are created to inherit it). A second server on another port plays "another origin": it
 * serves a complete, CORS-open dataset, so any request that reached it could have been displayed,
 * and it records every request it gets.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, mapVersion, openPage, SCREENSHOT_DIR, waitForMapReady, allowOrigin } from './harness';

const chromiumPath = inject('chromiumPath');
const baseUrl = inject('baseUrl');

/** A whole foreign dataset, so a request that got through would show "Someone else's numbers". */
const FOREIGN: Record<string, string> = {
  '/manifest.json': JSON.stringify({
    title: "Someone else's numbers",
    source: 'Elsewhere',
    licence: 'None',
    flowMeasure: 'lines',
    disclosure: { threshold: 10, roundingBase: 5 },
    h3Resolution: 7,
    files: { areas: 'areas.geojson', flows: 'flows.csv' },
  }),
  '/areas.geojson': JSON.stringify({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { id: 'A', name: 'Alpha', role: 'origin' },
        geometry: { type: 'Point', coordinates: [-0.1, 51.5] },
      },
      {
        type: 'Feature',
        properties: { id: 'B', name: 'Beta', role: 'destination' },
        geometry: { type: 'Point', coordinates: [1.38, 51.36] },
      },
    ],
  }),
  '/flows.csv': 'origin,dest,period,count\nA,B,2024-Q1,50\n',
  '/incidents.csv': 'cell,period,count\n871fb4662ffffff,2024-Q4,20\n',
};

describe.skipIf(!chromiumPath)('requests stay on the page origin (Chromium)', () => {
  let browser: Browser;
  let other: Server;
  let otherOrigin: string;
  const received: string[] = [];

  beforeAll(async () => {
    browser = await launch(chromiumPath!);
    other = createServer((req, res) => {
      received.push(`${req.method} ${req.url}`);
      res.setHeader('Access-Control-Allow-Origin', '*');
      const body = FOREIGN[(req.url ?? '').split('?')[0]];
      res.statusCode = body ? 200 : 404;
      res.end(body ?? '');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    // Attempts at this origin are what these tests provoke; its server proves none arrives.
    allowOrigin(otherOrigin);
  });
  afterEach(() => {
    received.length = 0;
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => other?.close(resolve));
  });

  /** A same-origin path (relative to `/__e2e/`) that answers 302 to `path` on the other origin. */
  const redirecting = (path: string, delayMs = 0) =>
    `redirect?to=${encodeURIComponent(otherOrigin + path)}${delayMs ? `&delay=${delayMs}` : ''}`;
  /** A same-origin manifest (the sample's) naming these files, relative to `/__e2e/`. */
  const manifestWith = (files: Record<string, string>) => `__e2e/manifest.json?${new URLSearchParams(files)}`;
  const SAMPLE_FILES = { areas: '../data/sample/areas.geojson', flows: '../data/sample/flows.csv' };

  const problemsText = async (page: Page) => {
    const panel = page.getByTestId('problems');
    await panel.waitFor();
    return (await panel.textContent()) ?? '';
  };
  const title = (page: Page) => page.locator('.header h1').textContent();

  it('?data= that redirects to another origin is not followed: a message, the sample stays', async () => {
    const { page, log } = await openPage(
      browser,
      `${baseUrl}?data=${encodeURIComponent(`__e2e/${redirecting('/manifest.json')}`)}`,
    );
    await waitForMapReady(page);
    const text = await problemsText(page);
    expect(text).toContain('manifest.json');
    expect(text).toContain('redirect to another address');
    expect(text).toContain(new URL(baseUrl).origin);
    expect(text).toContain('The map shows the bundled illustrative sample instead.');
    await expect(title(page)).resolves.not.toContain("Someone else's");
    await expect(page.getByTestId('synthetic-badge').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/redirect-refused.png` });
    expect(received, received.join(' ; ')).toEqual([]);
    // Playwright lists the refused hop as a request that failed; the other server is the judge.
    expect(log.errors.filter((e) => e.includes(otherOrigin)).every((e) => e.startsWith('request failed'))).toBe(true);
    await page.close();
  });

  it('a same-origin manifest whose files redirect: each file is refused, nothing is fetched there', async () => {
    const data = manifestWith({ areas: redirecting('/areas.geojson'), flows: redirecting('/flows.csv') });
    const { page } = await openPage(browser, `${baseUrl}?data=${encodeURIComponent(data)}`);
    await waitForMapReady(page);
    const text = await problemsText(page);
    expect(text).toMatch(/redirect\?to=.*areas\.geojson.*redirect to another address/);
    expect(text).toMatch(/redirect\?to=.*flows\.csv.*redirect to another address/);
    expect(received, received.join(' ; ')).toEqual([]);
    await page.close();
  });

  /** The page of the incidents test, its analysis worker running: the workers' test goes on there. */
  let withIncidents: Page | undefined;

  it('incidents loaded later through a redirect: refused with a message, the map still finishes drawing', async () => {
    // The refusal comes a while after the layer is switched on, so the map has drawn (and gone
    // idle) while the cells were still pending: it must still say when it has drawn what it can.
    const data = manifestWith({ ...SAMPLE_FILES, incidents: redirecting('/incidents.csv', 2000) });
    const { page, log } = await openPage(browser, `${baseUrl}?data=${encodeURIComponent(data)}`);
    await waitForMapReady(page);
    expect(await page.getByTestId('problems').count()).toBe(0);
    const version = await mapVersion(page);
    await page.getByTestId('layer-hexbin').check();
    const text = await problemsText(page);
    expect(text).toMatch(/incidents\.csv.*redirect to another address/);
    // The layer is on without cells, and the map says it has drawn what it can.
    await waitForMapReady(page, version);
    expect(received, received.join(' ; ')).toEqual([]);
    // Playwright lists the refused hop as a request that failed; the other server is the judge.
    expect(log.errors.filter((e) => e.includes(otherOrigin)).every((e) => e.startsWith('request failed'))).toBe(true);
    withIncidents = page;
  });

  it('a fetch to another origin from inside each worker fails (the workers run under the page policy)', async () => {
    const page = withIncidents ?? (await openPage(browser, baseUrl)).page;
    await waitForMapReady(page);
    const workers = page.workers();
    // The data worker and MapLibre's tile workers at least (and the analysis worker, where the
    // incidents test turned the cells on).
    expect(workers.length).toBeGreaterThanOrEqual(2);
    for (const worker of workers) {
      const outcome = await worker.evaluate(async (url) => {
        try {
          await fetch(url, { mode: 'no-cors' });
          return 'fetched';
        } catch (error) {
          return `blocked: ${(error as Error).message}`;
        }
      }, `${otherOrigin}/from-worker`);
      expect(outcome, `worker ${worker.url()}`).toMatch(/^blocked/);
    }
    // And from the page itself, for completeness.
    const fromPage = await page.evaluate(
      (url) =>
        fetch(url, { mode: 'no-cors' }).then(
          () => 'fetched',
          () => 'blocked',
        ),
      `${otherOrigin}/from-page`,
    );
    expect(fromPage).toBe('blocked');
    expect(received, received.join(' ; ')).toEqual([]);
    await page.close();
  });
});
