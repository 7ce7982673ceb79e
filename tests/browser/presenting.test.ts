/**
 * The meeting room at 1920×1080: the sample briefing presented, walked with the on-screen Next
 * control as a mouse or touch user would, every scene checked as the room sees it (room.ts: text at
 * least 24 px, the scale bar at least 16 px, nothing overflowing, the map's and the caption band's
 * shares, the scene's frame on screen, its places labelled). Then a click on the right third of the
 * map advances, and Esc then F come back to the same scene and camera. The same checks at 1280×720
 * (16 px), a common projector, run on briefing.test.ts's walk in the dark theme. Screenshots of
 * every scene land in test-results/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { parseBriefing } from '../../src/data/briefing';
import { launch, openPage, sceneDrawn, SCREENSHOT_DIR } from './harness';
import { expectSceneReadsInRoom } from './room';

const chromiumPath = inject('chromiumPath');
const baseUrl = inject('baseUrl');
const sample = parseBriefing(readFileSync('data/briefings/sample.json', 'utf8'), 'sample.json');
const SAMPLE_URL = 'data/briefings/sample.json';

describe.skipIf(!chromiumPath)('presenting in a meeting room', () => {
  let browser: Browser;
  /**
   * The briefing presented: the click test goes on where the walk ended (a page load costs seconds
   * of software-WebGL shader compiles).
   */
  let presented: Awaited<ReturnType<typeof openPage>> | undefined;
  const room = async () =>
    (presented ??= await openPage(browser, `${baseUrl}?briefing=${SAMPLE_URL}&present`, { width: 1920, height: 1080 }));
  beforeAll(async () => {
    browser = await launch(chromiumPath!);
  });
  afterAll(async () => {
    await browser?.close();
  });

  // The walk at 1280×720 (16 px) is briefing.test.ts's, with PageDown in the dark theme: one page
  // load and seven scenes fewer, the same checks (room.ts).
  it('every scene reads from the back of the room at 1920×1080, walked with the Next control', async () => {
    const [width, height] = [1920, 1080];
    const { page, log } = await room();
    let version = await sceneDrawn(page, 0, 0);
    await expect(page.getByTestId('present-hint').isVisible()).resolves.toBe(true);
    for (let i = 0; i < sample.scenes.length; i++) {
      await expectSceneReadsInRoom(page, sample.scenes[i], i, 24);
      await page.screenshot({ path: `${SCREENSHOT_DIR}/present-${width}x${height}-scene-${i + 1}.png` });
      if (i === sample.scenes.length - 1) break;
      // A mouse wakes the controls; Next advances.
      await page.mouse.move(width / 2, height / 2, { steps: 4 });
      await page.getByTestId('present-next').click();
      version = await sceneDrawn(page, i + 1, version);
    }
    expect(await page.getByTestId('present-next').isDisabled()).toBe(true);
    expect(log.errors).toEqual([]);
  });

  it('a click on the right third of the map is next; Esc then F return to the same scene and camera', async () => {
    const { page } = await room();
    let version = await sceneDrawn(page, Number(await page.evaluate(() => document.body.dataset.scene)), 0);
    // Back to the first scene, where the walk began.
    if ((await page.evaluate(() => document.body.dataset.scene)) !== '0') {
      await page.keyboard.press('Home');
      version = await sceneDrawn(page, 0, version);
    }
    const canvas = (await page.locator('.maplibregl-canvas').boundingBox())!;
    await page.mouse.click(canvas.x + canvas.width * 0.9, canvas.y + canvas.height * 0.3);
    version = await sceneDrawn(page, 1, version);
    // On the left of the map a click is not "next".
    await page.mouse.click(canvas.x + canvas.width * 0.1, canvas.y + canvas.height * 0.3);
    expect(await page.evaluate(() => document.body.dataset.scene)).toBe('1');
    await page.keyboard.press('PageDown');
    version = await sceneDrawn(page, 2, version);
    const before = await page.evaluate(() => document.body.dataset.mapBounds);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.body.dataset.presenting === 'false');
    await page.keyboard.press('f');
    await page.waitForFunction(() => document.body.dataset.presenting === 'true');
    await sceneDrawn(page, 2, version);
    await page.waitForFunction((b) => document.body.dataset.mapBounds === b, before, { timeout: 30_000 });
    // The exit control leaves, as Esc does.
    // A mouse moves in many small steps; the controls wake and stay for a few seconds.
    await page.mouse.move(600, 300, { steps: 4 });
    await page.getByTestId('present-exit').click();
    await page.waitForFunction(() => document.body.dataset.presenting === 'false');
    await page.close();
  });
});
