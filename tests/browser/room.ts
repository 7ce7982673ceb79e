/**
 * What the meeting room checks on every scene of a presented briefing, shared by the walks at
 * 1920×1080 (presenting.test.ts, the Next control) and 1280×720 (briefing.test.ts, PageDown in the
 * dark theme): every text at least `minTextPx` (the scale bar at least 16 px at 1080p), nothing in
 * the caption band, key or controls overflowing or off screen, the map at least 55 % of the screen
 * (the caption band at most 20 % of its height), the scene's frame on screen and its named places
 * labelled.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Scene } from '../../src/data/briefing';

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

/** Checks scene `index` as the room sees it now (drawn), at the page's size. */
export async function expectSceneReadsInRoom(page: Page, scene: Scene, index: number, minTextPx: number) {
  const { width, height } = page.viewportSize()!;
  const room = await measureRoom(page, minTextPx);
  const where = `scene ${index + 1} at ${width}×${height}`;
  expect(room.smallText, `${where}: text under ${minTextPx} px`).toEqual([]);
  if (height >= 1080) expect(room.scaleBarPx, `${where}: scale bar`).toBeGreaterThanOrEqual(16);
  expect(room.overflowing, `${where}: overflow`).toEqual([]);
  expect(room.mapShare, `${where}: the map's share of the screen`).toBeGreaterThanOrEqual(0.55);
  expect(room.bandShare, `${where}: the caption band's share of the height`).toBeLessThanOrEqual(0.2);
  const frame = scene.view.frame;
  if (frame) {
    const [w, s, e, n] = room.bounds;
    expect(w <= frame[0] && s <= frame[1] && e >= frame[2] && n >= frame[3], `${where}: the frame on screen`).toBe(
      true,
    );
  }
  // The places the caption names are labelled.
  const labels = await drawnLabels(page);
  for (const id of scene.view.places ?? []) expect(labels, `${where}: labels`).toContain(placeName(id));
}
