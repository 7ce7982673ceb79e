/**
 * The key tells the truth on every surface: in seven states (default, choropleth, colour by
 * exporting area, totals, compared with 2016-Q4, hot spots and emerging hot spots at town zoom),
 * in the app, the embed and a PNG export, every colour the key shows (and does not flag as having
 * no member in view) is on the map, and the key has a section for each drawn layer and no other.
 */
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { colourDistance, hexRgb, launch, openPage, SCREENSHOT_DIR, showView, waitForMapReady } from './harness';

const chromiumPath = inject('chromiumPath');
const baseUrl = inject('baseUrl');

interface State {
  name: string;
  query: string;
  /** The key's sections, by layer id, in reading order. */
  sections: string[];
}

const KENT = '#map=9/51.3/0.95';
/** Southern England and Wales, where the destinations are large enough to see in a small PNG. */
const SOUTH = '#map=7.2/51.4/-1.6';
const STATES: State[] = [
  { name: 'default', query: '?period=2019-Q4', sections: ['flows', 'areas'] },
  {
    name: 'choropleth',
    query: `?period=2019-Q4&layers=flows,choropleth${SOUTH}`,
    sections: ['flows', 'areas', 'choropleth'],
  },
  { name: 'group', query: '?period=2019-Q4&colour=group', sections: ['flows', 'areas'] },
  { name: 'totals', query: '?period=2019-Q4&layers=flows,totals', sections: ['flows', 'totals', 'areas'] },
  {
    name: 'compare',
    query: `?period=2019-Q4&vs=2016-Q4&layers=flows,choropleth&group=separate${SOUTH}`,
    sections: ['change', 'areas', 'choropleth'],
  },
  { name: 'hotspots', query: `?period=2019-Q4&layers=flows,hotspots${KENT}`, sections: ['flows', 'areas', 'hotspots'] },
  { name: 'emerging', query: `?period=2019-Q4&layers=flows,emerging${KENT}`, sections: ['flows', 'areas', 'emerging'] },
];

/** The colours pixels near to each key colour: how many sampled pixels of the map are within reach. */
function missingColours(
  colours: string[],
  pixel: (x: number, y: number) => [number, number, number],
  box: { x: number; y: number; w: number; h: number },
  tolerance = 14,
): string[] {
  const targets = [...new Set(colours)].map((hex) => ({ hex, rgb: hexRgb(hex), hits: 0 }));
  for (let y = Math.ceil(box.y); y < box.y + box.h; y += 1)
    for (let x = Math.ceil(box.x); x < box.x + box.w; x += 1) {
      const p = pixel(x, y);
      for (const t of targets) if (t.hits < 3 && colourDistance(p, t.rgb) <= tolerance) t.hits++;
    }
  return targets.filter((t) => t.hits < 3).map((t) => t.hex);
}

async function shownKey(page: Page, sections: string[]) {
  for (const id of sections) await page.getByTestId(`legend-${id}`).first().waitFor({ timeout: 60_000 });
  await waitForMapReady(page);
  const ids = await page.$$eval('[data-testid="legend"] [data-testid^="legend-"]', (els) =>
    els.map((e) => e.getAttribute('data-testid')!.replace('legend-', '')),
  );
  const colours = await page.$$eval('[data-testid="legend"] [data-swatch]:not([data-empty])', (els) =>
    els.map((e) => e.getAttribute('data-swatch')!),
  );
  return { ids, colours };
}

async function screenPixels(page: Page, file: string) {
  const png = PNG.sync.read(await page.screenshot({ path: file }));
  const rect = await page.evaluate(() => window.__atlas!.canvasRect().toJSON() as DOMRect);
  const pixel = (x: number, y: number): [number, number, number] => {
    const i = (y * png.width + x) * 4;
    return [png.data[i], png.data[i + 1], png.data[i + 2]];
  };
  return {
    pixel,
    box: {
      x: rect.x,
      y: rect.y,
      w: Math.min(rect.width, png.width - rect.x),
      h: Math.min(rect.height, png.height - rect.y),
    },
  };
}

describe.skipIf(!chromiumPath)('the key is the map’s, in the app, the embed and a PNG (Chromium)', () => {
  let browser: Browser;
  let app: Awaited<ReturnType<typeof openPage>>;
  let embed: Awaited<ReturnType<typeof openPage>>;
  beforeAll(async () => {
    browser = await launch(chromiumPath!);
    // One page each, every state shown in place as a link would show it (no reload per state).
    app = await openPage(browser, baseUrl, { width: 1440, height: 900 });
    embed = await openPage(browser, `${baseUrl}embed.html`, { width: 1000, height: 900 });
    for (const { page } of [app, embed]) {
      await waitForMapReady(page);
      await page.mouse.move(1, 1);
    }
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const state of STATES) {
    it(`${state.name}: app, embed and PNG`, async () => {
      for (const [surface, { page }] of [
        ['app', app],
        ['embed', embed],
      ] as const) {
        await showView(page, state.query);
        const key = await shownKey(page, state.sections);
        expect(key.ids, surface).toEqual(state.sections);
        // Every sample is drawn whole: the circles of a size row are never cut to a swatch's width.
        const cut = await page.evaluate(() =>
          [...document.querySelectorAll<SVGSVGElement>('.legend svg.key-sample')]
            .filter((svg) => svg.getBoundingClientRect().width + 1 < Number(svg.getAttribute('width')))
            .map(
              (svg) => `${svg.getAttribute('width')} px drawn in ${svg.getBoundingClientRect().width.toFixed(0)} px`,
            ),
        );
        expect(cut, `${surface}: samples cut`).toEqual([]);
        const screen = await screenPixels(page, `${SCREENSHOT_DIR}/key-${state.name}-${surface}.png`);
        expect(missingColours(key.colours, screen.pixel, screen.box), `${surface}: key colours not on the map`).toEqual(
          [],
        );
      }
      // A PNG of the app's view: its key rows as drawn, looked for in the map's part of the image.
      const { png, drawn } = await app.page.evaluate(() =>
        window.__atlasTools!.exportPng('900x700', { date: '2026-12-04' }),
      );
      const image = PNG.sync.read(Buffer.from(png, 'base64'));
      const pngPixel = (x: number, y: number): [number, number, number] => {
        const i = (y * image.width + x) * 4;
        return [image.data[i], image.data[i + 1], image.data[i + 2]];
      };
      expect(drawn.key.map((section) => section.id)).toEqual(state.sections);
      const pngColours = drawn.key.flatMap((section) =>
        section.rows.flatMap((r) =>
          (r.kind === 'swatch' && !r.empty) || r.kind === 'width' || r.kind === 'size' ? [r.colour] : [],
        ),
      );
      expect(missingColours(pngColours, pngPixel, drawn.mapBox), 'PNG: key colours not on the map').toEqual([]);
      expect([...app.log.errors, ...embed.log.errors]).toEqual([]);
    });
  }
});
