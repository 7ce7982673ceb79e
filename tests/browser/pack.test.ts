/**
 * The briefing pack, tried as an official would on a meeting-room PC: built by the CLI, copied to
 * another folder, opened by double-click (file://) with the network off; it reaches
 * `data-map-ready` on the first scene and PageDown moves on. Nothing is requested but the file
 * itself and its blobs, and its policy allows scripts by hash only.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { writePack } from '../../scripts/pack';
import { parseBriefing } from '../../src/data/briefing';
import { launch, openPage, SCREENSHOT_DIR, waitForMapReady } from './harness';

const chromiumPath = inject('chromiumPath');
const baseUrl = inject('baseUrl');
const sample = parseBriefing(readFileSync('data/briefings/sample.json', 'utf8'), 'sample.json');

describe.skipIf(!chromiumPath)('the briefing pack from disk, offline (Chromium)', () => {
  let browser: Browser;
  let packPath: string;
  let bytes: number;

  beforeAll(async () => {
    const built = join(mkdtempSync(join(tmpdir(), 'atlas-pack-')), 'briefing.html');
    ({ bytes } = await writePack('data/briefings/sample.json', built));
    // "Copy it to another folder": nothing may depend on where it was written.
    const elsewhere = join(mkdtempSync(join(tmpdir(), 'usb-stick-')), 'meeting');
    mkdirSync(elsewhere);
    packPath = join(elsewhere, 'County lines briefing.html');
    copyFileSync(built, packPath);
    browser = await launch(chromiumPath!);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is one file with a strict policy: scripts by hash, no unsafe-inline', () => {
    const html = readFileSync(packPath, 'utf8');
    console.log(`[pack] ${(bytes / 1e6).toFixed(2)} MB`);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]{44}'/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+href="https?:/);
  });

  it('opens from file:// with the network off, draws the first scene and steps with PageDown', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    await context.setOffline(true);
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => requests.push(request.url()));
    const started = performance.now();
    await page.goto(`file://${packPath}`);
    await page.waitForFunction(
      () => document.body.dataset.mapReady === 'true' && document.body.dataset.scene === '0',
      null,
      { timeout: 90_000 },
    );
    console.log(`[pack] first scene drawn ${Math.round(performance.now() - started)} ms after opening`);
    expect(await page.evaluate(() => document.body.dataset.presenting)).toBe('true');
    await expect(page.getByTestId('scene-title').textContent()).resolves.toBe(sample.scenes[0].title);
    const version = Number(await page.evaluate(() => document.body.dataset.mapVersion));
    await page.keyboard.press('PageDown');
    await page.waitForFunction(
      (v) =>
        document.body.dataset.scene === '1' &&
        document.body.dataset.mapReady === 'true' &&
        Number(document.body.dataset.mapVersion) > v,
      version,
      { timeout: 90_000 },
    );
    await expect(page.getByTestId('scene-title').textContent()).resolves.toBe(sample.scenes[1].title);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/pack-from-disk.png` });
    expect(errors).toEqual([]);
    expect(
      requests.filter((url) => !url.startsWith('file://') && !url.startsWith('blob:') && !url.startsWith('data:')),
    ).toEqual([]);
    await context.close();
  });

  it('"Download briefing pack" in the app writes the same kind of file, edits included', async () => {
    const { page } = await openPage(browser, `${baseUrl}?briefing=data/briefings/sample.json`);
    await page.waitForFunction(() => document.body.dataset.scene === '0');
    await waitForMapReady(page);
    await page.getByTestId('scene-title-input').fill('Edited before packing');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByTestId('download-pack').click(),
    ]);
    expect(download.suggestedFilename()).toBe('county-lines-where-supply-routes-run.html');
    const saved = join(mkdtempSync(join(tmpdir(), 'downloads-')), download.suggestedFilename());
    await download.saveAs(saved);
    await page.close();

    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    await context.setOffline(true);
    const pack = await context.newPage();
    const errors: string[] = [];
    pack.on('pageerror', (error) => errors.push(error.message));
    await pack.goto(`file://${saved}`);
    await pack.waitForFunction(
      () => document.body.dataset.mapReady === 'true' && document.body.dataset.scene === '0',
      null,
      { timeout: 90_000 },
    );
    await expect(pack.getByTestId('scene-title').textContent()).resolves.toBe('Edited before packing');
    expect(errors).toEqual([]);
    await context.close();
  });
});
