/**
 * Sharing what is on screen: a copied link reopens the same view (same pixels), and the CSV
 * download holds exactly the flows the table lists, suppressed counts as "[c]", never a number.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { changedPixels, launch, openPage, screenshotPixels, waitForMapReady } from './harness';

const chromiumPath = inject('chromiumPath');
const baseUrl = inject('baseUrl');

describe.skipIf(!chromiumPath)('sharing a view (Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch(chromiumPath!);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a copied link reopens the same view, pixel for pixel', async () => {
    const { page } = await openPage(
      browser,
      `${baseUrl}?period=2019-Q1&colour=group&layers=flows,totals&min=15#map=6.5/52.2/-1.8`,
    );
    await waitForMapReady(page);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl).origin });
    await page.getByTestId('data-panel').locator('summary').click();
    await page.getByTestId('copy-link').click();
    await page.getByText('Link copied').waitFor({ timeout: 5000 });
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(page.url());
    await page.mouse.move(1, 1);
    const original = await screenshotPixels(page);
    const { page: again } = await openPage(browser, link);
    await waitForMapReady(again);
    await again.mouse.move(1, 1);
    const reopened = await screenshotPixels(again);
    expect(changedPixels(original, reopened, 345, 40)).toBeLessThan(30);
    await page.close();
    await again.close();
  });

  it('the CSV download holds what the table shows, suppression respected', async () => {
    const { page } = await openPage(browser, `${baseUrl}?period=2016-Q1&sel=W06000015&dir=in`);
    await waitForMapReady(page);
    await page.getByTestId('data-panel').locator('summary').click();
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
    expect(
      csv.map((r) => [r.origin, r.destination, r.count === '[c]' ? 'fewer than 10 (suppressed)' : r.count]),
    ).toEqual(table);
    expect(csv.every((r) => r.destination === 'Cardiff' && r.period === '2016-Q1')).toBe(true);
    expect(csv.some((r) => r.count === '[c]')).toBe(true);
    expect(csv.filter((r) => r.count !== '[c]').every((r) => Number(r.count) >= 10)).toBe(true);
    await expect(page.getByTestId('alt-text').inputValue()).resolves.toMatch(
      /^Flow map of active county lines, Jan–Mar 2016 \(Q1\), isolating Cardiff: /,
    );
    await page.close();
  });
});
