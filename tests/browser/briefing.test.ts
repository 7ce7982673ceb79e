/**
 * Presenting a briefing as an official would: open the sample briefing presenting, walk it with
 * PageDown alone (camera, caption and layers change, and the pixels with them), blank and restore,
 * drive it from the presenter window and back, and author it in the browser so a reload keeps the
 * edits. The walk is at 1280×720, a common projector: every scene is also checked as the room sees
 * it there (room.ts, text at least 16 px; presenting.test.ts checks 1920×1080). A screenshot of
 * every scene is saved in the dark projector theme.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parseBriefing } from '../../src/data/briefing';
import { readFileSync } from 'node:fs';
import {
  addressParam,
  changedPixels,
  launch,
  openPage,
  sceneDrawn,
  SCREENSHOT_DIR,
  screenshotPixels,
  waitForMapReady,
} from './harness';
import { expectSceneReadsInRoom } from './room';

const chromiumPath = inject('chromiumPath');
const baseUrl = inject('baseUrl');
const sample = parseBriefing(readFileSync('data/briefings/sample.json', 'utf8'), 'sample.json');
const SAMPLE_URL = 'data/briefings/sample.json';

const scene = (page: Page) => page.evaluate(() => document.body.dataset.scene);

/** What a scene changes that a reader sees besides pixels: the camera, the layers, the caption. */
const sceneState = (page: Page) =>
  page.evaluate(() => {
    const url = new URL(location.href);
    return {
      camera: url.hash,
      layers: `${url.searchParams.get('layers')}|${url.searchParams.get('fdr')}|${url.searchParams.get('colour')}`,
      title: document.querySelector('[data-testid="scene-title"]')?.textContent ?? '',
      progress: document.querySelector('[data-testid="scene-progress"]')?.textContent ?? '',
    };
  });

describe.skipIf(!chromiumPath)('briefings in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch(chromiumPath!);
  });
  afterAll(async () => {
    await browser?.close();
  });

  /**
   * The briefing presented in the dark theme: the clicker test goes on where the walk ended (a page
   * load costs seconds of software-WebGL shader compiles).
   */
  let presented: Awaited<ReturnType<typeof openPage>> | undefined;
  const present = async () =>
    (presented ??= await openPage(browser, `${baseUrl}?briefing=${SAMPLE_URL}&present&theme=dark`));

  // The light theme is walked at 1920×1080 in presenting.test.ts, with the Next control.
  for (const theme of ['dark'] as const) {
    it(`PageDown alone walks every scene; each reads from the back of the room at 1280×720 (${theme} projector theme)`, async () => {
      const { page, log } = await present();
      let version = await sceneDrawn(page, 0, 0);
      expect(await page.evaluate(() => document.body.dataset.presenting)).toBe('true');
      await expect(page.locator('.panel').isVisible()).resolves.toBe(false);
      await expectSceneReadsInRoom(page, sample.scenes[0], 0, 16);
      let before = await screenshotPixels(page, `${SCREENSHOT_DIR}/briefing-${theme}-scene-1.png`);
      let state = await sceneState(page);
      expect(state).toMatchObject({ title: sample.scenes[0].title, progress: `1 / ${sample.scenes.length}` });
      for (let i = 1; i < sample.scenes.length; i++) {
        await page.keyboard.press('PageDown');
        version = await sceneDrawn(page, i, version);
        await expectSceneReadsInRoom(page, sample.scenes[i], i, 16);
        const after = await screenshotPixels(page, `${SCREENSHOT_DIR}/briefing-${theme}-scene-${i + 1}.png`);
        // The address is written within URL_SETTLE_MS of the change, not with the frame.
        const previous = state;
        await expect
          .poll(
            async () => {
              const now = await sceneState(page);
              return now.camera !== previous.camera || now.layers !== previous.layers;
            },
            { message: `scene ${i + 1} moves the camera or changes layers` },
          )
          .toBe(true);
        const next = await sceneState(page);
        expect(next.title).toBe(sample.scenes[i].title);
        expect(next.progress).toBe(`${i + 1} / ${sample.scenes.length}`);
        expect(changedPixels(before, after, 0), `scene ${i + 1} changes the picture`).toBeGreaterThan(1000);
        before = after;
        state = next;
      }
      // At the end PageDown stays put; Home goes back to the first scene.
      await page.keyboard.press('PageDown');
      expect(await scene(page)).toBe(String(sample.scenes.length - 1));
      await page.keyboard.press('Home');
      await sceneDrawn(page, 0, version);
      expect(log.errors).toEqual([]);
      const origin = new URL(baseUrl).origin;
      expect(
        log.requests.filter((url) => !url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:')),
      ).toEqual([]);
    });
  }

  it('clicker keys: B blanks and any key restores; a number then Enter jumps; Esc leaves', async () => {
    const { page } = await present();
    let version = await sceneDrawn(page, Number(await page.evaluate(() => document.body.dataset.scene)), 0);
    // To the second scene by its number, wherever the walk left the briefing.
    if ((await scene(page)) !== '1') {
      await page.keyboard.press('2');
      await page.keyboard.press('Enter');
      version = await sceneDrawn(page, 1, version);
    }
    await page.keyboard.press('b');
    await expect(page.getByTestId('blank-screen').isVisible()).resolves.toBe(true);
    await page.keyboard.press('x');
    await expect(page.getByTestId('blank-screen').count()).resolves.toBe(0);
    expect(await scene(page)).toBe('1');
    await page.keyboard.press('.');
    await expect(page.getByTestId('blank-screen').isVisible()).resolves.toBe(true);
    await page.keyboard.press('PageDown');
    expect(await scene(page)).toBe('1');
    await page.keyboard.press('5');
    await page.keyboard.press('Enter');
    await sceneDrawn(page, 4, version);
    await page.keyboard.press('Shift+Space');
    await page.waitForFunction(() => document.body.dataset.scene === '3');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.body.dataset.presenting === 'false');
    await expect(page.locator('.panel').isVisible()).resolves.toBe(true);
    await expect.poll(() => addressParam(page, 'scene')).toBe('4');
    await expect.poll(() => addressParam(page, 'present')).toBeNull();
    await page.close();
  });

  it('the presenter window follows the main one, and drives it', async () => {
    const { page } = await openPage(browser, `${baseUrl}?briefing=${SAMPLE_URL}&present`);
    const version = await sceneDrawn(page, 0, 0);
    const [presenter] = await Promise.all([page.context().waitForEvent('page'), page.keyboard.press('p')]);
    await presenter.waitForLoadState();
    const title = presenter.getByTestId('presenter-title');
    await expect.poll(() => title.textContent(), { timeout: 15_000 }).toBe(sample.scenes[0].title);
    await expect(presenter.locator('.presenter-next-title').textContent()).resolves.toBe(sample.scenes[1].title);
    await expect(presenter.locator('.presenter-notes').textContent()).resolves.toContain('illustrative');
    // Pictures of the scene on screen and the next, drawn from their views in the main window.
    for (const which of ['current', 'next'])
      await presenter.waitForSelector(`[data-testid="presenter-picture-${which}"][data-drawn="true"] img`, {
        timeout: 120_000,
      });
    const sizes = await presenter.$$eval('.presenter-picture img', (imgs) =>
      imgs.map((img) => (img as HTMLImageElement).naturalWidth),
    );
    expect(sizes).toEqual([480, 480]);
    await page.keyboard.press('PageDown');
    await expect.poll(() => title.textContent(), { timeout: 15_000 }).toBe(sample.scenes[1].title);
    await presenter.keyboard.press('PageDown');
    await sceneDrawn(page, 2, version);
    await expect.poll(() => title.textContent(), { timeout: 15_000 }).toBe(sample.scenes[2].title);
    await presenter.waitForSelector('[data-testid="presenter-picture-next"][data-drawn="true"] img', {
      timeout: 120_000,
    });
    await presenter.keyboard.press('b');
    await page.getByTestId('blank-screen').waitFor();
    await presenter.screenshot({ path: `${SCREENSHOT_DIR}/presenter-view.png` });
    await presenter.close();
    await page.close();
  });

  it('authoring is saved in the browser: edits, new scenes and order survive a reload', async () => {
    const { page, log } = await openPage(browser, `${baseUrl}?briefing=${SAMPLE_URL}&scene=2`);
    await sceneDrawn(page, 1, 0);
    await page.getByTestId('scene-title-input').fill('London, edited for the meeting');
    await page.getByTestId('scene-caption-input').fill('A *new* caption.');
    await page.getByRole('button', { name: `Move "London, edited for the meeting" up` }).click();
    await page.getByTestId('add-scene').click();
    await expect(page.locator('.scene-list li').count()).resolves.toBe(sample.scenes.length + 1);
    await page.reload();
    await waitForMapReady(page);
    const titles = await page.locator('.scene-list li > button').allTextContents();
    // The edited scene moved to the top, the new scene went in after it (after the scene shown).
    expect(titles[0]).toBe('London, edited for the meeting');
    expect(titles[1]).toBe(`Scene ${sample.scenes.length + 1}`);
    expect(titles[2]).toBe(sample.scenes[0].title);
    expect(titles).toHaveLength(sample.scenes.length + 1);
    await expect(page.getByTestId('briefing-edited').isVisible()).resolves.toBe(true);
    // A bad import names the field and keeps the briefing on screen.
    await page.getByTestId('import-briefing').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({
          title: 'B',
          dataset: '../sample/manifest.json',
          scenes: [{ title: 'X', view: { layers: ['lasers'] } }],
        }),
      ),
    });
    await expect(page.getByTestId('problems').textContent()).resolves.toContain(
      'broken.json: scene 1 ("X"), field "view.layers": a list of layers',
    );
    await expect(page.locator('.scene-list li').count()).resolves.toBe(sample.scenes.length + 1);
    // Going back to the file drops the edits.
    await page.getByRole('button', { name: 'Go back to the file' }).click();
    await expect.poll(() => page.locator('.scene-list li').count()).toBe(sample.scenes.length);
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('a view becomes the first scene of a new briefing, kept after a reload', async () => {
    const { page } = await openPage(browser, `${baseUrl}?period=2020-Q2&layers=flows,totals#map=7/51.5/-0.5`);
    await waitForMapReady(page);
    await page.getByTestId('add-scene').click();
    await expect(page.getByTestId('briefing-panel').isVisible()).resolves.toBe(true);
    await page.goto(baseUrl);
    await waitForMapReady(page, 0);
    await expect(page.locator('.scene-list li').count()).resolves.toBe(1);
    await page.locator('.scene-list li > button').first().click();
    await waitForMapReady(page);
    await expect.poll(() => addressParam(page, 'period')).toBe('2020-Q2');
    await expect.poll(() => addressParam(page, 'layers')).toBe('flows,totals');
    await page.close();
  });

  it('after one visit, a reload with the network cut still opens the briefing (service worker)', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, serviceWorkers: 'allow' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${baseUrl}?briefing=${SAMPLE_URL}&scene=3`);
    await sceneDrawn(page, 2, 0);
    // Installed (every file of the build precached) and in control of the page.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller), null, { timeout: 30_000 });
    await context.setOffline(true);
    await page.reload();
    await sceneDrawn(page, 2, 0);
    await expect(page.locator('.scene-list button[aria-current="step"]').textContent()).resolves.toBe(
      sample.scenes[2].title,
    );
    await page.keyboard.press('F');
    await page.keyboard.press('PageDown');
    await page.waitForFunction(() => document.body.dataset.scene === '3');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/briefing-offline-reload.png` });
    expect(errors).toEqual([]);
    await context.close();
  });
});
