/**
 * Opening data in the browser: dropped files are parsed in a worker, bad ones leave the map as it
 * was, good ones replace it; ?data= opens same-origin datasets only.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  changedPixels,
  launch,
  mapVersion,
  openPage,
  project,
  SCREENSHOT_DIR,
  screenshotPixels,
  waitForMapReady,
  type PageLog,
  type Pixels,
} from './harness';
import { flowCurve, pointOnCurve } from '../../src/map/flow-geometry';
import { SLICE_ROWS } from '../../src/map/sliced-layer';
import { periodLabel } from '../../src/data/periods';
import { ALL_PERIODS_ON_GPU_LIMIT } from '../../src/derive/flow-network';

const chromiumPath = inject('chromiumPath');
const baseUrl = inject('baseUrl');

async function dropFiles(page: Page, files: { name: string; text: string | Buffer }[]) {
  const payload = files.map((f) => ({ name: f.name, bytes: [...Buffer.from(f.text)] }));
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([new Uint8Array(f.bytes)], f.name));
    return dt;
  }, payload);
  await page.dispatchEvent('[data-testid="drop-zone"]', 'drop', { dataTransfer });
}

const title = (page: Page) => page.locator('.header h1').textContent();

async function changedSince(page: Page, before: Pixels) {
  return changedPixels(before, await screenshotPixels(page), 345, 40);
}

describe.skipIf(!chromiumPath)('opening data in Chromium', () => {
  let browser: Browser;
  // The page files are dropped on, one after another as a reader would (a page load costs seconds
  // of software-WebGL shader compiles). Each test checks what its own file did, whatever was on
  // screen before; the first starts from the sample. The ?data= tests open their own pages.
  let page: Page;
  let log: PageLog;

  beforeAll(async () => {
    browser = await launch(chromiumPath!);
    ({ page, log } = await openPage(browser, baseUrl));
    await waitForMapReady(page);
  });
  beforeEach(() => {
    log.errors.length = 0;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a bad file shows every problem and the map already drawn stays', async () => {
    const sampleTitle = await title(page);
    const before = await screenshotPixels(page);
    await dropFiles(page, [{ name: 'areas.geojson', text: readFileSync('tests/fixtures/bad/unclosed-ring.geojson') }]);
    const panel = page.getByTestId('problems');
    await panel.waitFor();
    await expect(panel.textContent()).resolves.toContain(
      'areas.geojson: feature 0 (E07000114 "Thanet"), field "geometry": ring 0 is not closed',
    );
    await expect(panel.textContent()).resolves.toContain('the map still shows the data loaded before');
    await waitForMapReady(page, 0);
    expect(await title(page)).toBe(sampleTitle);
    // Mask the panel itself: everything else on the map is as it was.
    await page.evaluate(
      () => ((document.querySelector('[data-testid="problems"]') as HTMLElement).style.visibility = 'hidden'),
    );
    expect(await changedSince(page, before)).toBeLessThan(50);
    await page.evaluate(
      () => ((document.querySelector('[data-testid="problems"]') as HTMLElement).style.visibility = 'visible'),
    );
    await page.screenshot({ path: `${SCREENSHOT_DIR}/drop-bad-file.png` });
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await expect(panel.count()).resolves.toBe(0);
    expect(log.errors).toEqual([]);
  });

  it('a good flowmap.blue pair replaces the map, with disclosure control applied', async () => {
    const before = await screenshotPixels(page);
    const version = await mapVersion(page);
    await dropFiles(page, [
      {
        name: 'locations.csv',
        text: 'id,name,lat,lon\nLDN,London,51.507,-0.128\nLPL,Liverpool,53.41,-2.98\nTHA,Thanet,51.36,1.38\nCOR,Cornwall,50.45,-4.64\nCDF,Cardiff,51.48,-3.18\n',
      },
      {
        name: 'flows.csv',
        text: 'origin,dest,count,time\nLDN,THA,52,2024-01\nLDN,COR,3,2024-01\nLPL,COR,41,2024-01\nLPL,CDF,37,2024-01\nLDN,CDF,28,2024-01\nLPL,THA,6,2024-01\n',
      },
    ]);
    await waitForMapReady(page, version);
    await expect(title(page)).resolves.toBe('Your data');
    await expect(page.getByTestId('period-label').textContent()).resolves.toBe('Jan 2024');
    await expect(page.getByTestId('disclosure-note').textContent()).resolves.toMatch(
      // What the published table shows (4 of 6 protected), never how many were under 10.
      /every count under 10 was suppressed, and any other count a total could give one back from; 4 of 6 flows are not shown \(protected\)/,
    );
    expect(await changedSince(page, before)).toBeGreaterThan(500);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/drop-flowmap-pair.png` });
    expect(log.errors).toEqual([]);
  });

  it('hostile names stay text: nothing from a file runs or becomes markup', async () => {
    const version = await mapVersion(page);
    const hostile = '<img src=x onerror="window.__pwned=1">';
    await dropFiles(page, [
      {
        name: 'locations.csv',
        text: `id,name,lat,lon\nA,"${hostile.replace(/"/g, '""')}",51.5,-0.1\nB,<script>window.__pwned=2</script>,51.36,1.38\n`,
      },
      { name: 'flows.csv', text: 'origin,dest,count\nA,B,25\n' },
    ]);
    await waitForMapReady(page, version);
    const b = await project(page, [1.38, 51.36]);
    await page.mouse.move(b.x, b.y);
    const tooltip = page.getByTestId('tooltip');
    await tooltip.waitFor();
    await expect(tooltip.textContent()).resolves.toContain('<script>window.__pwned=2</script>');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('img[src="x"], .tooltip script').count()).toBe(0);
    expect(log.errors).toEqual([]);
  });

  it('"Open data…" reads chosen files through the same path', async () => {
    await page.getByTestId('open-data-input').setInputFiles([
      { name: 'flows.csv', mimeType: 'text/csv', buffer: Buffer.from('origin,dest,count\nA,B,-3\n') },
      {
        name: 'locations.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('id,name,lat,lon\nA,Alpha,51.5,-0.1\nB,Beta,51.36,1.38\n'),
      },
    ]);
    await expect(page.getByTestId('problems').textContent()).resolves.toContain(
      'flows.csv: row 2, field "count": is negative;',
    );
  });

  it("a large file's period is uploaded in slices and drawn whole before the map says ready", async () => {
    // More flows than fit on the GPU for every period, so each period's flows upload a slice a
    // frame (sliced-layer.ts), and more in the last period than one slice holds: a grid of places
    // every one of which sends to every other, sized from SLICE_ROWS and the GPU limit. Its smallest
    // flow, between two places of its own in the North Sea, comes last in the network's order
    // (largest first), so it is in the last slice.
    const places = Math.ceil(Math.sqrt(SLICE_ROWS)) + 1;
    const perMonth = places * (places - 1);
    const monthCount = Math.floor(ALL_PERIODS_ON_GPU_LIMIT / perMonth) + 1;
    const grid = Array.from({ length: places }, (_, i) => ({
      id: `G${i}`,
      lat: 51 + (i % 10) * 0.1,
      lon: -2 + Math.floor(i / 10) * 0.2,
    }));
    const far: [number, number][] = [
      [2.0, 53.8],
      [3.2, 53.8],
    ];
    const locations = [
      'id,name,lat,lon',
      ...grid.map((g) => `${g.id},Grid ${g.id},${g.lat},${g.lon}`),
      `FA,Far A,${far[0][1]},${far[0][0]}`,
      `FB,Far B,${far[1][1]},${far[1][0]}`,
    ];
    const months = Array.from(
      { length: monthCount },
      (_, m) => `${2021 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`,
    );
    const flows = ['origin,dest,count,time'];
    for (const [m, month] of months.entries())
      for (let o = 0; o < places; o++)
        for (let d = 0; d < places; d++)
          if (o !== d) flows.push(`G${o},G${d},${20 + ((o * 61 + d * 7 + m) % 180)},${month}`);
    flows.push(`FA,FB,15,${months.at(-1)}`);
    expect(flows.length - 1).toBeGreaterThan(ALL_PERIODS_ON_GPU_LIMIT);
    expect(perMonth + 1).toBeGreaterThan(SLICE_ROWS);
    const version = await mapVersion(page);
    await page.getByTestId('open-data-input').setInputFiles([
      { name: 'locations.csv', mimeType: 'text/csv', buffer: Buffer.from(`${locations.join('\n')}\n`) },
      { name: 'flows.csv', mimeType: 'text/csv', buffer: Buffer.from(`${flows.join('\n')}\n`) },
    ]);
    await waitForMapReady(page, version, 120_000);
    await expect(page.getByTestId('period-label').textContent()).resolves.toBe(periodLabel(months.at(-1)!));
    // Ready means drawn: the last slice's flow is on the map, under the pointer, as a sliced layer.
    const middle = pointOnCurve(flowCurve(far[0], far[1]), 6);
    const hits = await page.evaluate((at) => {
      const { x, y } = window.__atlas!.project(at);
      return window.__atlas!.layersAt(x, y);
    }, middle);
    expect(hits).toContain('flows-p0-sliced');
    // A step uploads the period before in slices; once ready, its flows alone are drawn (the far
    // flow was only in the last period).
    const stepped = await mapVersion(page);
    await page.getByRole('button', { name: 'Previous period' }).click();
    await waitForMapReady(page, stepped, 120_000);
    await expect(page.getByTestId('period-label').textContent()).resolves.toBe(periodLabel(months.at(-2)!));
    const after = await page.evaluate((at) => {
      const { x, y } = window.__atlas!.project(at);
      return window.__atlas!.layersAt(x, y);
    }, middle);
    expect(after).not.toContain('flows-p0-sliced');
    expect(log.errors).toEqual([]);
  });

  it('?data= opens a same-origin dataset', async () => {
    const { page: opened, log: openedLog } = await openPage(
      browser,
      `${baseUrl}?data=data/sample/manifest.json&period=2020-Q2`,
    );
    await waitForMapReady(opened);
    await expect(opened.getByTestId('period-label').textContent()).resolves.toBe('Apr–Jun 2020 (Q2)');
    expect(openedLog.errors).toEqual([]);
    await opened.close();
  });

  it('?data= on another origin is refused with a message and never fetched', async () => {
    const { page: opened, log: openedLog } = await openPage(
      browser,
      `${baseUrl}?data=${encodeURIComponent('https://example.org/evil/manifest.json')}`,
    );
    await waitForMapReady(opened);
    await expect(opened.getByTestId('problems').textContent()).resolves.toContain(
      '?data= must name a dataset on this site',
    );
    expect(openedLog.requests.filter((url) => new URL(url).hostname === 'example.org')).toEqual([]);
    expect(openedLog.requests.every((url) => new URL(url).origin === new URL(baseUrl).origin)).toBe(true);
    await opened.close();
  });
});
