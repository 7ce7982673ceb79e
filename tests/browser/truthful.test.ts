/**
 * No silent failure in the app: a briefing that cannot be shown says why and keeps saying it over
 * the sample shown instead; a scene naming what its dataset lacks gets a notice; data republished
 * on the site is shown after one reload, and when a slow network made the page show the copy
 * saved for offline use, the page says newer data is there.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openPage, SCREENSHOT_DIR, waitForMapReady } from './harness';

const chromiumPath = inject('chromiumPath');
const baseUrl = inject('baseUrl');

describe.skipIf(!chromiumPath)('failures are said, in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch(chromiumPath!);
  });
  afterAll(async () => {
    await fetch(`${baseUrl}__e2e/republish`);
    await browser?.close();
  });

  it('a ?briefing= that cannot be read: its message stays on screen over the sample', async () => {
    const { page, log } = await openPage(browser, `${baseUrl}?briefing=data/briefings/no-such-briefing.json`);
    await waitForMapReady(page);
    const problems = page.getByTestId('problems');
    await expect(problems.textContent()).resolves.toContain(
      'no-such-briefing.json: is not there: the site answered with a web page instead of this file',
    );
    await expect(problems.textContent()).resolves.toContain('The map shows the bundled illustrative sample instead.');
    // Still there once everything has settled: booting does not clear it.
    await page.waitForLoadState('networkidle');
    await expect(problems.isVisible()).resolves.toBe(true);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/briefing-failed.png` });
    expect(log.errors.filter((e) => !e.includes('404'))).toEqual([]);
    await page.close();
  });

  it('a scene naming a period and an area the dataset lacks: a notice naming scene and field', async () => {
    const view = JSON.stringify({ period: '2031-Q1', selection: { id: 'E99999999' } });
    const { page } = await openPage(
      browser,
      `${baseUrl}?briefing=${encodeURIComponent(`__e2e/briefing.json?view=${view}`)}`,
    );
    await waitForMapReady(page);
    const problems = page.getByTestId('problems');
    await problems.waitFor();
    const text = (await problems.textContent()) ?? '';
    expect(text).toContain('scene 1 ("Unknown names"), field "view.period": "2031-Q1" is not a period of the dataset');
    expect(text).toContain('field "view.selection": no area of the dataset has id "E99999999"');
    // No invented numbers for the empty selection: no "peak 1", no total of a chart of nothing.
    const summary = (await page.getByTestId('summary').textContent()) ?? '';
    expect(summary).not.toMatch(/peak/);
    await expect(page.getByTestId('trend-empty').textContent()).resolves.toContain('no flows here');
    await page.close();
  });

  it('republished data shows after one reload online; a slow network shows the saved copy and says newer data is there', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, serviceWorkers: 'allow' });
    const page = await context.newPage();
    await page.goto(baseUrl);
    await waitForMapReady(page);
    const title = (await page.locator('.header h1').textContent()) ?? '';
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller), null, { timeout: 30_000 });
    try {
      // The site republishes: one reload shows it.
      await fetch(`${baseUrl}__e2e/republish?title=${encodeURIComponent('Republished title')}`);
      await page.reload();
      await waitForMapReady(page);
      await expect(page.locator('.header h1').textContent()).resolves.toBe('Republished title');
      // A crawling network: the copy saved for offline use is shown, then the page says so.
      await fetch(`${baseUrl}__e2e/republish?title=${encodeURIComponent('Republished again')}&delay=7000`);
      await page.reload();
      await waitForMapReady(page);
      await expect(page.locator('.header h1').textContent()).resolves.toBe('Republished title');
      await expect
        .poll(() => page.getByTestId('problems').textContent(), { timeout: 20_000 })
        .toContain('the site has a newer version of this file');
      await page.screenshot({ path: `${SCREENSHOT_DIR}/newer-data-notice.png` });
    } finally {
      await fetch(`${baseUrl}__e2e/republish`);
    }
    // Back to the file as built: one reload shows it again.
    await page.reload();
    await waitForMapReady(page);
    await expect(page.locator('.header h1').textContent()).resolves.toBe(title);
    await context.close();
  });
});
