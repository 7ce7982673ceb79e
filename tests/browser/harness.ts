/**
 * Shared browser-test plumbing: launch Chromium with flags that work headless as root with
 * software WebGL (scripts/chromium.ts), record console errors and every request, wait on the app's
 * readiness signal.
 */
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { inject } from 'vitest';
import { PNG } from 'pngjs';
import { CHROMIUM_ARGS } from '../../scripts/chromium';

export const SCREENSHOT_DIR = 'test-results/screenshots';

export { CHROMIUM_ARGS };

/**
 * Requests any page made to an origin other than the app's (and those a test allows): the setup
 * file fails the test that made them. Nothing the app does may leave its origin.
 */
export const foreignRequests: string[] = [];
const allowedOrigins = new Set<string>();

/** For tests that serve a second origin on purpose (an article embedding the map, a hostile host). */
export function allowOrigin(url: string): void {
  allowedOrigins.add(new URL(url).origin);
}

function guard(context: BrowserContext, appOrigin: string): void {
  context.on('request', (request) => {
    const url = request.url();
    if (!/^https?:/i.test(url)) return; // data:, blob: stay on the page
    const { origin } = new URL(url);
    if (origin !== appOrigin && !allowedOrigins.has(origin)) foreignRequests.push(`${request.method()} ${url}`);
  });
}

export async function launch(executablePath: string): Promise<Browser> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const appOrigin = new URL(inject('baseUrl')).origin;
  // Every context and page a test opens is watched, however it is opened.
  // Scene changes and fitted views jump instead of flying: the map lands on the same camera, and a
  // software-rendered flight costs seconds of frames no check looks at. The offline cache's
  // service worker (which fetches every file of the build after the first map) runs only where a
  // test asks for it (`serviceWorkers: 'allow'`): the tests of offline use and republished data.
  const defaults = { reducedMotion: 'reduce', serviceWorkers: 'block' } as const;
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext({ ...defaults, ...options });
    guard(context, appOrigin);
    return context;
  };
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (options) => {
    const page = await newPage({ ...defaults, ...options });
    guard(page.context(), appOrigin);
    return page;
  };
  return browser;
}

export interface PageLog {
  errors: string[];
  requests: string[];
  /** Requests the page's own next navigation cancelled (a reload mid-load): not failures. */
  cancelled: string[];
}

export async function openPage(
  browser: Browser,
  url: string,
  viewport = { width: 1280, height: 720 },
): Promise<{ page: Page; log: PageLog }> {
  const page = await browser.newPage({ viewport });
  const log: PageLog = { errors: [], requests: [], cancelled: [] };
  // Which main-frame navigation each request was made under. A reload cancels what the old document
  // still had in flight (Chromium's own favicon fetch, say) with ERR_ABORTED; only such a
  // cancellation, by a navigation begun after the request, is not counted as a failure.
  let navigations = 0;
  const navigationOf = new WeakMap<Request, number>();
  page.on('console', (message) => {
    if (message.type() === 'error') log.errors.push(message.text());
  });
  page.on('pageerror', (error) => log.errors.push(`${error.name}: ${error.message}`));
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) navigations += 1;
    navigationOf.set(request, navigations);
    log.requests.push(request.url());
  });
  page.on('requestfailed', (request) => {
    const errorText = request.failure()?.errorText ?? '';
    const supersededByNavigation = (navigationOf.get(request) ?? navigations) < navigations;
    // Chromium fetches the page icon itself and drops that fetch whenever the document changes; its
    // request event can arrive after the reload's own, so the count above misses it (CI failed twice
    // on this). A cancelled icon fetch says nothing about the app.
    const browserIconFetch = new URL(request.url()).pathname.endsWith('/favicon.svg');
    if (
      errorText === 'net::ERR_ABORTED' &&
      (supersededByNavigation || browserIconFetch) &&
      !request.isNavigationRequest()
    ) {
      log.cancelled.push(request.url());
    } else {
      log.errors.push(`request failed: ${request.url()} ${errorText}`);
    }
  });
  await page.goto(url);
  return { page, log };
}

/** Waits for briefing scene `index` (0-based) to be shown and drawn after `version`. */
export async function sceneDrawn(page: Page, index: number, version: number): Promise<number> {
  await page.waitForFunction((i) => document.body.dataset.scene === String(i), index, { timeout: 30_000 });
  return waitForMapReady(page, version, 90_000);
}

/**
 * Shows the view a link describes (`?period=…#map=…`, relative to the page) in place, as a link or a
 * scene would show it, and waits until it is drawn: a page load costs seconds of software-WebGL
 * shader compiles, a view shown in place does not.
 */
export async function showView(page: Page, link: string): Promise<void> {
  await page.evaluate((href) => window.__atlasTools!.showView(href), new URL(link, page.url()).href);
}

/**
 * One field of the page's address (null when absent). The app writes the address up to
 * URL_SETTLE_MS after a change (src/state/url-state.ts), so tests poll it: `expect.poll(() =>
 * addressParam(page, 'period'))`.
 */
export const addressParam = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

/** Waits until the map has drawn state newer than `afterVersion`. */
export async function waitForMapReady(page: Page, afterVersion = 0, timeout = 60_000): Promise<number> {
  await page.waitForFunction(
    (after) => document.body.dataset.mapReady === 'true' && Number(document.body.dataset.mapVersion) > after,
    afterVersion,
    { timeout, polling: 50 },
  );
  return Number(await page.evaluate(() => document.body.dataset.mapVersion));
}

export async function mapVersion(page: Page): Promise<number> {
  return Number(await page.evaluate(() => document.body.dataset.mapVersion ?? 0));
}

export interface Pixels {
  width: number;
  height: number;
  at(x: number, y: number): [number, number, number];
}

export async function screenshotPixels(page: Page, path?: string): Promise<Pixels> {
  const buffer = await page.screenshot({ path });
  const png = PNG.sync.read(buffer);
  return {
    width: png.width,
    height: png.height,
    at(x, y) {
      const i = (Math.round(y) * png.width + Math.round(x)) * 4;
      return [png.data[i], png.data[i + 1], png.data[i + 2]];
    },
  };
}

export function hexRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function colourDistance(a: [number, number, number], b: [number, number, number]): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

export async function project(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((p) => {
    const point = window.__atlas!.project(p);
    const rect = window.__atlas!.canvasRect();
    return { x: point.x + rect.left, y: point.y + rect.top };
  }, lngLat);
}

/** How many sampled pixels (every 3rd, map area only) differ noticeably between two screenshots. */
export function changedPixels(a: Pixels, b: Pixels, fromX = 345, threshold = 30): number {
  let n = 0;
  for (let y = 0; y < a.height; y += 3)
    for (let x = fromX; x < a.width; x += 3) if (colourDistance(a.at(x, y), b.at(x, y)) > threshold) n++;
  return n;
}

/** How many sampled pixels (every 2nd, map area only) are within `tolerance` of a colour. */
export function pixelsNear(p: Pixels, hex: string, tolerance = 50, fromX = 345): number {
  const target = hexRgb(hex);
  let n = 0;
  for (let y = 0; y < p.height; y += 2)
    for (let x = fromX; x < p.width; x += 2) if (colourDistance(p.at(x, y), target) < tolerance) n++;
  return n;
}
