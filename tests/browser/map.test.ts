/**
 * The first map, as a reader sees it: the production build in a real Chromium (software WebGL:
 * Mesa's llvmpipe, or SwiftShader where Mesa is missing).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import * as turf from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { areaTotals } from '../../src/data/analysis/aggregate';
import { flowColumnsOf } from '../../src/data/flow-columns';
import { sampleDataset } from '../fixtures/sample-dataset';
import { buildNetwork, networkFlows, type NetworkFlow } from '../../src/data/analysis/network';
import { describeTotal } from '../../src/data/format';
import { periodLabel } from '../../src/data/periods';
import { BASEMAP_COLOURS } from '../../src/map/theme';
import { flowCurve, pointOnCurve } from '../../src/map/flow-geometry';
import {
  addressParam,
  colourDistance,
  hexRgb,
  launch,
  mapVersion,
  openPage,
  project,
  SCREENSHOT_DIR,
  screenshotPixels,
  type PageLog,
  waitForMapReady,
} from './harness';

const chromiumPath = inject('chromiumPath');
const baseUrl = inject('baseUrl');

const dataset = sampleDataset();
const latest = dataset.periods.at(-1)!;
// At the national view exporting areas are merged ("auto" grouping), as a reader sees them.
const network = buildNetwork(dataset, true);
const latestFlows = networkFlows(network).filter((f) => f.period === latest);

describe.skipIf(!chromiumPath)('first map in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let log: PageLog;
  let readyMs: number;

  beforeAll(async () => {
    browser = await launch(chromiumPath!);
    const started = performance.now();
    ({ page, log } = await openPage(browser, baseUrl));
    await waitForMapReady(page);
    readyMs = performance.now() - started;
    console.log(`[e2e] data-map-ready after ${Math.round(readyMs)} ms`);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('opens on the sample data, labelled as illustrative, with no console errors', async () => {
    await expect(page.getByTestId('synthetic-badge').textContent()).resolves.toContain('Illustrative');
    await expect(page.getByTestId('period-label').textContent()).resolves.toBe(periodLabel(latest));
    await expect(page.locator('.maplibregl-ctrl-attrib').textContent()).resolves.toContain('Natural Earth');
    await expect(page.locator('.legend').textContent()).resolves.toContain('not shown (protected)');
    expect(log.errors).toEqual([]);
  });

  it("draws without multisampling in software WebGL (it would double the first map's time)", async () => {
    const drawn = await page.evaluate(() => {
      const gl = document.querySelector<HTMLCanvasElement>('.map canvas')!.getContext('webgl2')!;
      const info = gl.getExtension('WEBGL_debug_renderer_info')!;
      return {
        renderer: String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)),
        antialias: gl.getContextAttributes()!.antialias,
      };
    });
    // The suite draws on a software renderer (Mesa's llvmpipe, or SwiftShader where Mesa is missing).
    expect(drawn.renderer).toMatch(/llvmpipe|swiftshader/i);
    expect(drawn.antialias).toBe(false);
  });

  it('makes no request outside its own origin', () => {
    const origin = new URL(baseUrl).origin;
    const outside = log.requests.filter(
      (url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'),
    );
    expect(log.requests.length).toBeGreaterThan(5);
    expect(outside).toEqual([]);
  });

  it('draws land, sea and arcs where they belong', async () => {
    const pixels = await screenshotPixels(page, `${SCREENSHOT_DIR}/map-initial.png`);
    // The first view frames the routes (England and Wales): land inland, sea in the Channel, at
    // places no area or flow covers (some of them, at least: flows cross the country).
    const near = async (points: [number, number][], hex: string) => {
      const distances = [];
      for (const point of points) {
        const at = await project(page, point);
        distances.push(colourDistance(pixels.at(at.x, at.y), hexRgb(hex)));
      }
      return Math.min(...distances);
    };
    const inland: [number, number][] = [
      [-0.9, 52.9],
      [0.6, 52.6],
      [-2.2, 52.0],
      [-1.5, 53.6],
      [-3.6, 52.3],
    ];
    expect(await near(inland, BASEMAP_COLOURS.land)).toBeLessThan(12);
    expect(
      await near(
        [
          [-1.5, 50.25],
          [-5.6, 51.0],
        ],
        BASEMAP_COLOURS.sea,
      ),
    ).toBeLessThan(12);
    // Along the London → Cornwall corridor the biggest flows paint arc colours (navy→light blue ramp).
    const arc = await findFlowPixel(page, 'E06000052', (f) => f.origin === 'group:London');
    expect(arc, 'an arc pixel between London and Cornwall').toBeDefined();
    const colour = (await screenshotPixels(page)).at(arc!.x, arc!.y);
    expect(colourDistance(colour, hexRgb(BASEMAP_COLOURS.land))).toBeGreaterThan(60);
  });

  it('shows an arc’s origin, destination, period and count on hover', async () => {
    const hit = await findFlowPixel(page, 'W06000015', () => true);
    expect(hit, 'an arc into Cardiff can be hovered').toBeDefined();
    const text = hit!.tooltip;
    const match = /^(.+) → (.+?)(Jan|Apr|Jul|Oct)/.exec(text);
    expect(match, text).not.toBeNull();
    const flow = latestFlows.find((f) => f.originNode.name === match![1] && f.destNode.name === match![2]);
    expect(flow, `tooltip names a real flow: ${text}`).toBeDefined();
    expect(flow!.destNode.name).toBe('Cardiff');
    expect(text).toContain(periodLabel(latest));
    const value =
      flow!.count === null
        ? 'not shown (protected)'
        : flow!.suppressedMembers
          ? describeTotal(flow!.count, flow!.suppressedMembers)
          : String(flow!.count);
    expect(text).toContain(`${value} active county lines`);
  });

  it('shows an area’s name, code and in/out totals on hover', async () => {
    const cornwall = dataset.areas.features.find((f) => f.properties.id === 'E06000052')!;
    // A point in west Cornwall, away from the centroid where arcs end.
    const target: [number, number] = [-5.0, 50.3];
    expect(turf.booleanPointInPolygon(target, cornwall.geometry as Polygon | MultiPolygon)).toBe(true);
    const { x, y } = await project(page, target);
    await page.mouse.move(x, y);
    const tooltip = page.getByTestId('tooltip');
    await tooltip.waitFor({ timeout: 10_000 });
    const text = (await tooltip.textContent()) ?? '';
    const totals = areaTotals(flowColumnsOf(dataset), latest).get('E06000052')!;
    expect(text).toContain('Cornwall');
    expect(text).toContain('E06000052');
    expect(text).toContain(`In: ${describeTotal(totals.inbound, totals.suppressedInbound)}`);
    expect(text).toContain('Out: 0');
    await page.mouse.move(5, 5);
  });

  it('redraws when the period changes, and keeps the period in the URL', async () => {
    const before = await screenshotPixels(page);
    const version = await mapVersion(page);
    await page.locator('.period-control input[type=range]').focus();
    await page.keyboard.press('Home');
    await waitForMapReady(page, version);
    await expect(page.getByTestId('period-label').textContent()).resolves.toBe(periodLabel(dataset.periods[0]));
    await expect.poll(() => addressParam(page, 'period')).toBe(dataset.periods[0]);
    const after = await screenshotPixels(page, `${SCREENSHOT_DIR}/map-first-period.png`);
    let changed = 0;
    for (let y = 0; y < after.height; y += 2) {
      for (let x = 340; x < after.width; x += 2) if (colourDistance(before.at(x, y), after.at(x, y)) > 40) changed++;
    }
    expect(changed, 'pixels that changed between periods').toBeGreaterThan(200);
    expect(log.errors).toEqual([]);
  });

  it('at town scale the coast is the ONS districts’: Canvey Island is land, the estuary beside it sea', async () => {
    // Natural Earth's 1:10m coast has these the other way round; the areas follow the ONS coast.
    const { page: town, log: townLog } = await openPage(browser, `${baseUrl}?layers=#map=10.5/51.5/0.6`);
    await waitForMapReady(town);
    const pixels = await screenshotPixels(town, `${SCREENSHOT_DIR}/map-town-coast.png`);
    const colourAt = async (point: [number, number]) => {
      const at = await project(town, point);
      return pixels.at(at.x, at.y);
    };
    expect(colourDistance(await colourAt([0.56, 51.51]), hexRgb(BASEMAP_COLOURS.land)), 'Canvey Island').toBeLessThan(
      12,
    );
    for (const estuary of [
      [0.65, 51.48],
      [0.55, 51.49],
    ] as [number, number][])
      expect(colourDistance(await colourAt(estuary), hexRgb(BASEMAP_COLOURS.sea)), `sea at ${estuary}`).toBeLessThan(
        12,
      );
    expect(townLog.errors).toEqual([]);
    await town.close();
  });

  it('opens on the period named in the URL', async () => {
    const { page: second, log: secondLog } = await openPage(browser, `${baseUrl}?period=2019-Q1`);
    await waitForMapReady(second);
    await expect(second.getByTestId('period-label').textContent()).resolves.toBe(periodLabel('2019-Q1'));
    await second.screenshot({ path: `${SCREENSHOT_DIR}/map-2019-Q1.png` });
    expect(secondLog.errors).toEqual([]);
    await second.close();
  });
});

/**
 * Finds a screen point on a flow into `destId`: hovers along the drawn curve (the same geometry the
 * app draws) until the tooltip names a flow into that destination.
 */
async function findFlowPixel(page: Page, destId: string, pick: (f: NetworkFlow) => boolean) {
  const flows = latestFlows.filter((f) => f.dest === destId && f.count !== null && pick(f));
  const destName = dataset.areas.features.find((f) => f.properties.id === destId)!.properties.name;
  for (const flow of flows.slice(0, 3)) {
    const curve = flowCurve(flow.originNode.centroid, flow.destNode.centroid);
    for (const k of [6, 5, 7, 4, 8, 3, 9]) {
      const { x, y } = await project(page, pointOnCurve(curve, k));
      for (const [dx, dy] of [
        [0, 0],
        [0, 2],
        [0, -2],
        [2, 0],
        [-2, 0],
      ]) {
        await page.mouse.move(x + dx, y + dy);
        const text = await page.evaluate(() => document.querySelector('[data-testid="tooltip"]')?.textContent ?? '');
        if (text.includes(`→ ${destName}`)) return { x: x + dx, y: y + dy, tooltip: text };
      }
    }
  }
  return undefined;
}
