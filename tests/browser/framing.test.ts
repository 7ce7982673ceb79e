/**
 * A view is framed by what it shows: a link copied at a 1440 × 900 desk (after the reader moved
 * the map) opens in a 320, 600 or 1000 px embed with every route on screen, and the first view
 * frames the routes; on a phone the embed's map takes most of the frame; two embed snippets
 * copied in one session never share an id.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage, SCREENSHOT_DIR, showView, waitForMapReady } from './harness';

const chromiumPath = inject('chromiumPath');
const baseUrl = inject('baseUrl');

/** Where the sample's routes reach: Cornwall to Thanet, Cardiff to Liverpool (area centroids). */
const ENDS: Record<string, [number, number]> = {
  Cornwall: [-4.64, 50.45],
  Thanet: [1.37, 51.36],
  Cardiff: [-3.22, 51.5],
  Liverpool: [-2.92, 53.41],
};

const shownBounds = (page: Page) =>
  page.evaluate(() => document.body.dataset.mapBounds!.split(',').map(Number) as [number, number, number, number]);

function expectAllIn(bounds: [number, number, number, number], where: string) {
  const [west, south, east, north] = bounds;
  const outside = Object.entries(ENDS)
    .filter(([, [lon, lat]]) => lon < west || lon > east || lat < south || lat > north)
    .map(([name]) => name);
  expect(outside, `${where}: places off the frame (bounds ${bounds.join(', ')})`).toEqual([]);
}

describe.skipIf(!chromiumPath)('framed by what it shows (Chromium)', () => {
  let browser: Browser;
  /** The desk as it opens at 1440 × 900; the first test reads its first view, the last copies from it. */
  let desk: Page;
  beforeAll(async () => {
    browser = await launch(chromiumPath!);
    ({ page: desk } = await openPage(browser, baseUrl, { width: 1440, height: 900 }));
    await waitForMapReady(desk);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the first view frames the routes; a desk link opens with every route on screen at 320, 600 and 1000 px', async () => {
    const page = desk;
    expectAllIn(await shownBounds(page), 'the first view at 1440 × 900');
    // The reader pans a little: the link now carries what is on screen, not a camera.
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 30, box.y + box.height / 2 + 10, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction(() => window.location.hash.includes('frame='));
    const link = new URL(page.url());
    expect(link.hash).not.toContain('map=');
    expectAllIn(await shownBounds(page), 'the desk after the pan');
    // The key is on screen without scrolling the panel, an analysis layer's classes included.
    const offScreen = () =>
      page.evaluate(() => {
        document.querySelector('.panel')!.scrollTop = 0;
        return [...document.querySelectorAll('.panel [data-swatch]')]
          .filter((swatch) => swatch.getBoundingClientRect().bottom > window.innerHeight)
          .map((swatch) => swatch.parentElement?.textContent);
      });
    await expect(offScreen()).resolves.toEqual([]);
    await page.getByTestId('layer-hotspots').check();
    await page.getByTestId('legend-hotspots').locator('[data-swatch]').first().waitFor({ timeout: 60_000 });
    await expect(offScreen()).resolves.toEqual([]);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/desk-key-hotspots-1440x900.png` });
    for (const width of [320, 600, 1000]) {
      const embed = await openPage(browser, `${baseUrl}embed.html${link.search}${link.hash}`, { width, height: 900 });
      await waitForMapReady(embed.page);
      expectAllIn(await shownBounds(embed.page), `the embed at ${width} px`);
      await embed.page.screenshot({ path: `${SCREENSHOT_DIR}/embed-desk-link-${width}.png`, fullPage: true });
      await embed.page.close();
    }
  });

  it('at 320 px the embed’s map takes at least 60 % of its height; the key is a button away', async () => {
    const { page } = await openPage(browser, `${baseUrl}embed.html`, { width: 320, height: 900 });
    await waitForMapReady(page);
    const [map, whole] = await page.evaluate(() => [
      document.querySelector('.embed-map')!.getBoundingClientRect().height,
      document.documentElement.getBoundingClientRect().height,
    ]);
    expect(map / whole, `map ${map} of ${whole} px`).toBeGreaterThanOrEqual(0.6);
    // And the routes fill the map: from Cornwall to Liverpool spans at least 40 % of its height.
    const [, south, , north] = await shownBounds(page);
    const y = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
    const routes = (y(ENDS.Liverpool[1]) - y(ENDS.Cornwall[1])) / (y(north) - y(south));
    expect(routes, 'share of the map’s height the routes span').toBeGreaterThanOrEqual(0.4);
    await expect(page.getByTestId('legend').count()).resolves.toBe(0);
    await page.getByTestId('embed-key-toggle').click();
    await expect(page.getByTestId('legend').isVisible()).resolves.toBe(true);
    // The data's source is with the key; the licence's attribution never leaves the frame.
    await expect(page.locator('.embed-source').textContent()).resolves.toContain('Source: ');
    await expect(page.locator('.embed-footer').textContent()).resolves.toContain('Open Government Licence');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/embed-320-key-open.png`, fullPage: true });
    await page.close();
  });

  it('two embed snippets copied in one session have different ids', async () => {
    const page = desk;
    await page.locator('[data-testid="share-panel"] > summary').click();
    const idOf = async () => /<iframe id="([^"]+)"/.exec(await page.getByTestId('embed-snippet').inputValue())![1];
    const first = await idOf();
    await page.getByTestId('copy-embed').click();
    await expect.poll(idOf).not.toBe(first);
    const second = await idOf();
    // Another view, another snippet.
    await showView(page, '?period=2019-Q4');
    await expect.poll(idOf).not.toBe(second);
    // Made from the view itself, not the address bar (written up to URL_SETTLE_MS later).
    await expect(page.getByTestId('embed-snippet').inputValue()).resolves.toContain('period=2019-Q4');
  });
});
