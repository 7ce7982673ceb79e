/**
 * Hostile text everywhere it is shown: markup, script addresses, right-to-left overrides,
 * spreadsheet formulas and a 10,000-character name, opened as a user would open a file. Each is
 * shown as text or cut with an ellipsis (tooltips, lists, labels, alt text, exports), formula cells
 * are neutralised in the CSV, and nothing runs.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, mapVersion, openPage, project, waitForMapReady } from './harness';

const chromiumPath = inject('chromiumPath');
const baseUrl = inject('baseUrl');

const LONG = `Long${'W'.repeat(10_000)}`;
const NAMES = {
  A: '<img src=x onerror="window.__pwned=1">',
  B: LONG,
  C: '\u202Eevil.exe\u202C Town',
  D: '=HYPERLINK("javascript:alert(1)","click")',
};
const csvCell = (text: string) => `"${text.replace(/"/g, '""')}"`;
const LOCATIONS = `id,name,lat,lon\nA,${csvCell(NAMES.A)},51.5,-0.1\nB,${csvCell(NAMES.B)},51.36,1.38\nC,${csvCell(NAMES.C)},50.26,-5.05\nD,${csvCell(NAMES.D)},52.48,-1.9\n`;
const FLOWS = 'origin,dest,count\nA,B,25\nA,C,30\nD,B,40\nD,C,15\n';

describe.skipIf(!chromiumPath)('hostile text in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch(chromiumPath!);
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** The page the hostile names were opened in: the hostile briefing is imported there next. */
  let opened: Awaited<ReturnType<typeof openPage>> | undefined;

  it('names from a file: text or cut everywhere, formulas neutralised, nothing runs', async () => {
    opened = await openPage(browser, baseUrl);
    const { page, log } = opened;
    page.on('dialog', (dialog) => {
      log.errors.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await waitForMapReady(page);
    const version = await mapVersion(page);
    await page.getByTestId('open-data-input').setInputFiles([
      { name: 'locations.csv', mimeType: 'text/csv', buffer: Buffer.from(LOCATIONS) },
      { name: 'flows.csv', mimeType: 'text/csv', buffer: Buffer.from(FLOWS) },
    ]);
    // The new data is on screen (a camera settling may redraw first), then drawn.
    await expect.poll(() => page.locator('.header h1').textContent(), { timeout: 60_000 }).toBe('Your data');
    await waitForMapReady(page, version);

    // Tooltip over the long-named area: cut with an ellipsis.
    const b = await project(page, [1.38, 51.36]);
    await page.mouse.move(b.x, b.y);
    const tooltip = page.getByTestId('tooltip');
    await tooltip.waitFor();
    const tip = (await tooltip.textContent()) ?? '';
    expect(tip).toContain('LongWWW');
    expect(tip).toContain('…');
    expect(tip.length).toBeLessThan(400);

    // Every option of the filter lists is cut; the markup name is text.
    const options = await page.getByTestId('origin-filter').locator('option').allTextContents();
    expect(options).toContain(NAMES.A);
    const destOptions = await page.getByTestId('dest-filter').locator('option').allTextContents();
    expect(Math.max(...destOptions.map((o) => o.length))).toBeLessThanOrEqual(60);

    // The alt text and the table name the places without pasting 10,000 characters.
    await page.getByTestId('data-panel').locator('summary').click();
    const alt = await page.getByTestId('alt-text').inputValue();
    expect(alt.length).toBeLessThan(1000);
    const table = (await page.getByTestId('flow-table').textContent()) ?? '';
    expect(table.length).toBeLessThan(2000);

    // The CSV download: formula cells neutralised (a leading apostrophe), markup kept as text.
    const download = page.waitForEvent('download');
    await page.getByTestId('download-csv').click();
    const csv = readFileSync((await (await download).path())!, 'utf8');
    expect(csv).toContain(`"'=HYPERLINK(""javascript:alert(1)"",""click"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);

    // A PNG export with these names draws (legend, labels) and finishes.
    const { png } = await page.evaluate(() => window.__atlasTools!.exportPng('600@2x'));
    expect(Buffer.from(png, 'base64').subarray(1, 4).toString()).toBe('PNG');

    // Nothing ran, nothing became markup, no WebGL texture overflowed.
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(log.errors).toEqual([]);
  });

  it('a hostile briefing: caption links are text, no script address becomes a link, presenting shows it as text', async () => {
    // Imported over the hostile names, as a reader who opened a file and then a briefing would.
    const { page, log } = opened ?? (await openPage(browser, baseUrl));
    await waitForMapReady(page);
    const briefing = {
      title: '<script>window.__pwned=3</script>',
      dataset: '../sample/manifest.json',
      scenes: [
        {
          title: '\u202Eevil scene',
          caption: 'See [this](javascript:alert(1)) and <img src=x onerror="window.__pwned=4"> **now**',
          notes: `=cmd|' /C calc'!A0 ${'N'.repeat(4000)}`,
          view: { period: '2024-Q4' },
        },
      ],
    };
    await page.getByTestId('import-briefing').setInputFiles({
      name: 'hostile.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(briefing)),
    });
    await expect.poll(() => page.locator('.scene-list li').count()).toBe(1);
    await page.locator('.scene-list li > button').first().click();
    await waitForMapReady(page);
    await page.getByTestId('present').click();
    await page.waitForFunction(() => document.body.dataset.presenting === 'true');
    const band = (await page.getByTestId('caption-band').textContent()) ?? '';
    // The link is shown as "text (address)", never as a link; the markup as typed.
    expect(band).toContain('this (javascript:alert(1))');
    expect(band).toContain('<img src=x onerror="window.__pwned=4">');
    expect(band).toContain('now');
    await expect(page.locator('a[href^="javascript:"]').count()).resolves.toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(log.errors).toEqual([]);
    await page.close();
  });
});
