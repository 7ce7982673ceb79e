/**
 * Sharing what is on screen: a copied link reopens the same view (same pixels), and the CSV
 * download holds exactly the flows the table lists, suppressed counts as "[c]", never a number.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import {
  changedPixels,
  launch,
  openPage,
  SCREENSHOT_DIR,
  screenshotPixels,
  showView,
  waitForMapReady,
} from './harness';

const chromiumPath = inject('chromiumPath');
const baseUrl = inject('baseUrl');

/** Opens a side panel (a `<details>`) unless it is open already. */
async function openPanel(page: Page, testId: string): Promise<void> {
  const panel = page.getByTestId(testId);
  if (!(await panel.evaluate((details) => (details as HTMLDetailsElement).open)))
    await panel.locator('summary').click();
}

describe.skipIf(!chromiumPath)('sharing a view (Chromium)', () => {
  let browser: Browser;
  // The page the reader shares from. Each test shows its view in place, as a link would show it (a
  // page load costs seconds of software-WebGL shader compiles); the tests of what a link does when
  // a page opens on it open their own.
  let page: Page;
  beforeAll(async () => {
    browser = await launch(chromiumPath!);
    ({ page } = await openPage(browser, baseUrl));
    await waitForMapReady(page);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl).origin });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a copied link reopens the same view, pixel for pixel', async () => {
    await showView(page, '?period=2019-Q1&colour=group&layers=flows,totals&min=15#map=6.5/52.2/-1.8');
    await openPanel(page, 'data-panel');
    await page.getByTestId('copy-link').click();
    await page.getByText('Link copied').waitFor({ timeout: 5000 });
    const link = await page.evaluate(() => navigator.clipboard.readText());
    // Copied at once, before the address bar's own write (URL_SETTLE_MS): it is the view's already.
    expect(new URL(link).searchParams.get('period')).toBe('2019-Q1');
    expect(new URL(link).searchParams.get('min')).toBe('15');
    await expect.poll(() => page.url(), { message: "the link copied is the address bar's" }).toBe(link);
    await page.mouse.move(1, 1);
    const original = await screenshotPixels(page);
    const { page: again } = await openPage(browser, link);
    await waitForMapReady(again);
    await again.mouse.move(1, 1);
    const reopened = await screenshotPixels(again);
    expect(changedPixels(original, reopened, 345, 40)).toBeLessThan(30);
    await again.close();
  });

  it('the CSV download holds what the table shows, suppression respected', async () => {
    await showView(page, '?period=2016-Q1&sel=W06000015&dir=in');
    await openPanel(page, 'data-panel');
    const table = await page
      .getByTestId('flow-table')
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? '')));
    expect(table.length).toBeGreaterThan(1);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
    const csv = Papa.parse<Record<string, string>>(readFileSync((await download.path())!, 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(csv.map((r) => [r.origin, r.destination, r.count === '[c]' ? 'not shown (protected)' : r.count])).toEqual(
      table,
    );
    expect(csv.every((r) => r.destination === 'Cardiff' && r.period === '2016-Q1')).toBe(true);
    expect(csv.some((r) => r.count === '[c]')).toBe(true);
    expect(csv.filter((r) => r.count !== '[c]').every((r) => Number(r.count) >= 10)).toBe(true);
    await expect(page.getByTestId('alt-text').inputValue()).resolves.toMatch(
      /^Flow map of active county lines, Jan–Mar 2016 \(Q1\), isolating Cardiff: /,
    );
  });

  /** Share of pixels in a region that are not (near) white: text, lines, swatches. */
  function inked(png: PNG, x0: number, y0: number, x1: number, y1: number): number {
    let ink = 0;
    let all = 0;
    for (let y = Math.floor(y0); y < y1; y += 2)
      for (let x = Math.floor(x0); x < x1; x += 2) {
        const i = (y * png.width + x) * 4;
        all++;
        if (png.data[i] + png.data[i + 1] + png.data[i + 2] < 600) ink++;
      }
    return ink / all;
  }

  it('PNG export: the asked pixel size, with title, legend and source baked in', async () => {
    await showView(page, '?period=2024-Q4');
    await openPanel(page, 'share-panel');
    await page.getByTestId('export-preset').selectOption('600@2x');
    await page.getByTestId('export-byline').fill('By the data desk');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      page.getByTestId('export-png').click(),
    ]);
    const png = PNG.sync.read(readFileSync((await download.path())!));
    expect([png.width, png.height]).toEqual([1200, 1200]);
    await expect(page.getByTestId('export-status').textContent()).resolves.toMatch(/^Exported in [\d.]+ s$/);
    console.log(`[export] 600@2x: ${await page.getByTestId('export-status').textContent()}`);
    // Title strip (top), legend (top right of the map) and footer (bottom) all carry ink.
    expect(inked(png, 20, 20, 900, 80)).toBeGreaterThan(0.02);
    expect(inked(png, 800, 200, 1170, 420)).toBeGreaterThan(0.02);
    expect(inked(png, 20, 1120, 1180, 1190)).toBeGreaterThan(0.01);
    // The 2400 px article size, through the same code the snapshot CLI uses.
    const started = performance.now();
    const { png: base64 } = await page.evaluate(() =>
      window.__atlasTools!.exportPng('1200@2x', { date: '2026-11-28' }),
    );
    console.log(`[export] 1200@2x: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const wide = PNG.sync.read(Buffer.from(base64, 'base64'));
    expect([wide.width, wide.height]).toEqual([2400, 1800]);
    writeFileSync(`${SCREENSHOT_DIR}/export-1200@2x.png`, Buffer.from(base64, 'base64'));
    // Too large for WebGL here: refused with a message, not shrunk.
    const refused = await page.evaluate(() =>
      window.__atlasTools!.exportPng('3000x2000@2x').then(
        () => 'exported',
        (e: Error) => e.message,
      ),
    );
    expect(refused).toMatch(/WebGL here draws at most 4096 on a side/);
  });

  it('a link the controls cannot show is trimmed to what they can, and the reader is told', async () => {
    const { page: opened, log } = await openPage(
      browser,
      `${baseUrl}?top=3&min=7&layers=bogus&sel=NOPE&origin=group:London&dest=E09000022`,
    );
    await waitForMapReady(opened);
    await expect(opened.getByTestId('problems').textContent()).resolves.toContain(
      'this link: ignored layers=bogus, min=7, top=3 (not a choice the controls offer); ignored sel=NOPE, dest=E09000022 (no area with flows has that id here)',
    );
    await expect(opened.getByTestId('top-n').inputValue()).resolves.toBe('0');
    await expect(opened.getByTestId('min-count').inputValue()).resolves.toBe('0');
    await expect(opened.getByTestId('layer-flows').isChecked()).resolves.toBe(true);
    // A known area stays.
    await expect(opened.getByTestId('origin-filter').inputValue()).resolves.toBe('group:London');
    const url = new URL(opened.url());
    expect([url.searchParams.get('top'), url.searchParams.get('sel'), url.searchParams.get('origin')]).toEqual([
      null,
      null,
      'group:London',
    ]);
    expect(log.errors).toEqual([]);
    await opened.close();
  });

  it('a link naming a borough the map merges into its group isolates the group, and says so', async () => {
    const { page: opened, log } = await openPage(browser, `${baseUrl}?sel=E09000030`);
    await waitForMapReady(opened);
    await expect(opened.getByTestId('problems').textContent()).resolves.toContain(
      'this link: showed sel=E09000030 as London (its area is merged into that exporting group; choose "Never group" to see it alone)',
    );
    await expect(opened.getByTestId('isolate').inputValue()).resolves.toBe('group:London');
    await expect.poll(() => new URL(opened.url()).searchParams.get('sel')).toBe('group:London');
    // With grouping off, the borough itself is isolated.
    await showView(opened, '?group=separate&sel=E09000030');
    await expect(opened.getByTestId('isolate').inputValue()).resolves.toBe('E09000030');
    expect(log.errors).toEqual([]);
    await opened.close();
  });
});
