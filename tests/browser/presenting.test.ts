/**
 * The meeting room: the sample briefing presented at 1920×1080 and 1280×720 (a common projector),
 * walked with the on-screen Next control as a mouse or touch user would. For every scene: every
 * text on the presenting screen at least 24 px at 1080p and 16 px at 720p (the scale bar at least
 * 16 px), nothing in the caption band, key or controls overflowing or off screen, the map at least
 * 55 % of the screen (the caption band at most 20 % of its height), the scene's frame on screen
 * and its named places labelled. Then a click on the right third of the map advances, and Esc then
 * F come back to the same scene and camera. Screenshots of every scene at both sizes land in
 * test-results/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { parseBriefing } from '../../src/data/briefing';
import { launch, openPage, sceneDrawn, SCREENSHOT_DIR } from './harness';

const chromiumPath = inject('chromiumPath');
const baseUrl = inject('baseUrl');
const sample = parseBriefing(readFileSync('data/briefings/sample.json', 'utf8'), 'sample.json');
const SAMPLE_URL = 'data/briefings/sample.json';

/** What the room sees, measured in the page. */
interface RoomMeasure {
  /** Text elements under the minimum size, with their size. */
  smallText: string[];
  scaleBarPx: number;
  /** Elements whose content overflows them, or that reach off screen. */
  overflowing: string[];
  mapShare: number;
  bandShare: number;
  bounds: number[];
}

function measureRoom(page: Page, minTextPx: number): Promise<RoomMeasure> {
  return page.evaluate((minPx) => {
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    const roots = [
      ...document.querySelectorAll('.caption-band, .presentation-legend, .present-controls, .present-hint'),
    ];
    const smallText: string[] = [];
    const overflowing: string[] = [];
    for (const root of roots) {
      for (const el of [root, ...root.querySelectorAll('*')]) {
        const style = getComputedStyle(el);
        if (style.display === 'none' || style.visibility === 'hidden') continue;
        const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
        if (ownText && el.getClientRects().length > 0) {
          const px = parseFloat(style.fontSize);
          if (px < minPx - 0.01) smallText.push(`${describe(el)}: ${px.toFixed(1)} px`);
        }
        if (el instanceof HTMLElement && style.overflow !== 'visible' && el.scrollHeight > el.clientHeight + 1)
          overflowing.push(`${describe(el)} scrolls (${el.scrollHeight} in ${el.clientHeight})`);
        const rect = el.getBoundingClientRect();
        if (
          rect.width > 0 &&
          (rect.right > innerWidth + 1 || rect.bottom > innerHeight + 1 || rect.left < -1 || rect.top < -1)
        )
          overflowing.push(`${describe(el)} off screen`);
      }
      // Inside the key every row stays within the key's own box.
      if (root.classList.contains('presentation-legend')) {
        const box = root.getBoundingClientRect();
        for (const row of root.querySelectorAll('li, h3')) {
          const r = row.getBoundingClientRect();
          if (getComputedStyle(row).display === 'none') continue;
          if (r.bottom > box.bottom + 1 || r.right > box.right + 1) overflowing.push(`${describe(row)} cut by the key`);
        }
      }
    }
    const canvas = document.querySelector('.maplibregl-canvas')!.getBoundingClientRect();
    const band = document.querySelector('.caption-band')!.getBoundingClientRect();
    const scale = document.querySelector('.maplibregl-ctrl-scale');
    return {
      smallText,
      scaleBarPx: scale ? parseFloat(getComputedStyle(scale).fontSize) : 0,
      overflowing,
      mapShare: (canvas.width * canvas.height) / (innerWidth * innerHeight),
      bandShare: band.height / innerHeight,
      bounds: (document.body.dataset.mapBounds ?? '').split(',').map(Number),
    };
  }, minTextPx);
}

/** The labels the map draws now (the labels layer's texts, through the debug handle). */
const drawnLabels = (page: Page) => page.evaluate(() => window.__atlas?.labels() ?? []);

/** What a label says for a place a scene names: the area's name, or the group's. */
const areaNames = new Map<string, string>(
  JSON.parse(readFileSync('data/sample/areas.geojson', 'utf8')).features.map(
    (f: { properties: { id: string; name: string } }) => [f.properties.id, f.properties.name],
  ),
);
const placeName = (id: string) => (id.startsWith('group:') ? id.slice(6) : areaNames.get(id));

describe.skipIf(!chromiumPath)('presenting in a meeting room', () => {
  let browser: Browser;
  /**
   * The briefing presented, one page per screen size: the click test goes on where the walk at the
   * same size ended (a page load costs seconds of software-WebGL shader compiles).
   */
  const rooms = new Map<string, Awaited<ReturnType<typeof openPage>>>();
  async function room(width: number, height: number) {
    const size = `${width}x${height}`;
    if (!rooms.has(size))
      rooms.set(size, await openPage(browser, `${baseUrl}?briefing=${SAMPLE_URL}&present`, { width, height }));
    return rooms.get(size)!;
  }
  beforeAll(async () => {
    browser = await launch(chromiumPath!);
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const [width, height, minTextPx] of [
    [1920, 1080, 24],
    [1280, 720, 16],
  ] as const) {
    it(`every scene reads from the back of the room at ${width}×${height}, walked with the Next control`, async () => {
      const { page, log } = await room(width, height);
      let version = await sceneDrawn(page, 0, 0);
      await expect(page.getByTestId('present-hint').isVisible()).resolves.toBe(true);
      for (let i = 0; i < sample.scenes.length; i++) {
        const scene = sample.scenes[i];
        const room = await measureRoom(page, minTextPx);
        await page.screenshot({ path: `${SCREENSHOT_DIR}/present-${width}x${height}-scene-${i + 1}.png` });
        const where = `scene ${i + 1} at ${width}×${height}`;
        expect(room.smallText, `${where}: text under ${minTextPx} px`).toEqual([]);
        if (height === 1080) expect(room.scaleBarPx, `${where}: scale bar`).toBeGreaterThanOrEqual(16);
        expect(room.overflowing, `${where}: overflow`).toEqual([]);
        expect(room.mapShare, `${where}: the map's share of the screen`).toBeGreaterThanOrEqual(0.55);
        expect(room.bandShare, `${where}: the caption band's share of the height`).toBeLessThanOrEqual(0.2);
        const frame = scene.view.frame;
        if (frame) {
          const [w, s, e, n] = room.bounds;
          expect(
            w <= frame[0] && s <= frame[1] && e >= frame[2] && n >= frame[3],
            `${where}: the frame on screen`,
          ).toBe(true);
        }
        // The places the caption names are labelled.
        const labels = await drawnLabels(page);
        for (const id of scene.view.places ?? []) expect(labels, `${where}: labels`).toContain(placeName(id));
        if (i === sample.scenes.length - 1) break;
        // A mouse wakes the controls; Next advances.
        await page.mouse.move(width / 2, height / 2, { steps: 4 });
        await page.getByTestId('present-next').click();
        version = await sceneDrawn(page, i + 1, version);
      }
      expect(await page.getByTestId('present-next').isDisabled()).toBe(true);
      expect(log.errors).toEqual([]);
    });
  }

  it('a click on the right third of the map is next; Esc then F return to the same scene and camera', async () => {
    const { page } = await room(1280, 720);
    let version = await sceneDrawn(page, Number(await page.evaluate(() => document.body.dataset.scene)), 0);
    // Back to the first scene, where the walk at this size began.
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
