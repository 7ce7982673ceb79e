/**
 * The analysis a policymaker uses: each layer switched on changes the map and has its legend;
 * clicking Thanet isolates the lines into it; playback moves through periods; the flow style
 * switch redraws. A screenshot of each state is saved for a person to look at.
 */
import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/turf';
import type { Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildNetwork, networkFlows, passesFilter, summariseFlows } from '../../src/data/analysis/network';
import { describeTotal } from '../../src/data/format';
import { periodLabel } from '../../src/data/periods';
import { cellToLatLng } from 'h3-js';
import { categoryLabel, emergingHotSpots } from '../../src/data/analysis/emerging';
import { h3Neighbours } from '../../src/data/analysis/hotspots';
import { parseIncidentsCsv } from '../../src/data/io/incident-cells';
import { emergingInput, hotspotInput } from '../../src/derive/hotspot-input';
import { moransI } from '../../src/data/analysis/global';
import { readSampleFile, sampleDataset } from '../fixtures/sample-dataset';
import { flowChanges } from '../../src/data/analysis/change';
import { datasetForMeasure } from '../../src/derive/measure';
import { choroplethChange } from '../../src/derive/choropleth';
import { comparability, groupedFor } from '../../src/derive/grouping';
import { hex } from '../../src/map/key';
import { DESK_LOOK } from '../../src/map/theme';
import {
  addressParam,
  changedPixels,
  launch,
  mapVersion,
  openPage,
  pixelsNear,
  project,
  SCREENSHOT_DIR,
  screenshotPixels,
  showView,
  type PageLog,
  type Pixels,
  waitForMapReady,
} from './harness';

const chromiumPath = inject('chromiumPath');
const baseUrl = inject('baseUrl');

const dataset = sampleDataset();

const changed = (a: Pixels, b: Pixels) => changedPixels(a, b);

/** Runs `act`, then waits until the map has drawn the result. */
async function andRedraw(page: Page, act: () => Promise<unknown>) {
  const version = await mapVersion(page);
  await act();
  await waitForMapReady(page, version, 90_000);
}

describe.skipIf(!chromiumPath)('analysis layers and interaction in Chromium', () => {
  let browser: Browser;
  // One page for every test: each starts from the view its link describes, shown in place as a
  // link or a scene would show it. A page load costs seconds of software-WebGL shader compiles,
  // and what these tests check is the view, not how the page opened (map.test.ts and share.test.ts
  // check that).
  let page: Page;
  let log: PageLog;

  beforeAll(async () => {
    browser = await launch(chromiumPath!);
    ({ page, log } = await openPage(browser, baseUrl));
    await waitForMapReady(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Shows the view `query` describes (`?period=…#map=…`), with nothing left over from a test before. */
  async function show(query: string): Promise<void> {
    log.errors.length = 0;
    await page.mouse.move(1, 1);
    await page.evaluate(() => window.__atlasTools!.setFilterOnCpu(undefined));
    await showView(page, query);
  }

  it('each analysis layer changes the pixels and shows its own legend', async () => {
    // Kent at town scale, where cells and choropleth classes are visible.
    await show(`${baseUrl}?period=2019-Q1#map=8.6/51.3/0.9`);
    await expect.poll(() => new URL(page.url()).hash).toBe('#map=8.6/51.3/0.9');
    for (const layer of ['totals', 'choropleth', 'hexbin', 'density', 'hotspots']) {
      const before = await screenshotPixels(page);
      await andRedraw(page, () => page.getByTestId(`layer-${layer}`).check());
      const after = await screenshotPixels(page, `${SCREENSHOT_DIR}/layer-${layer}.png`);
      expect(changed(before, after), `${layer} changes the map`).toBeGreaterThan(150);
      if (layer !== 'totals') await expect(page.getByTestId(`legend-${layer}`).isVisible()).resolves.toBe(true);
      if (layer === 'hotspots') {
        const legend = (await page.getByTestId('legend-hotspots').textContent()) ?? '';
        // Plain words first, the statistic's name second.
        expect(legend).toMatch(/^Hot and cold spots.*Cells where incidents cluster more \(hot\) or less \(cold\)/);
        expect(legend).toContain('(Benjamini–Hochberg false discovery rate): off');
        expect(legend).toContain('hot spot, 99 % confidence');
        // Global clustering over the same cells and rings, as the statistics give it.
        const cube = hotspotInput(
          { ...dataset, incidents: parseIncidentsCsv(readSampleFile('incidents.csv')) },
          '2019-Q1',
        );
        const moran = moransI(cube.values, h3Neighbours(cube.cells, 1));
        expect(legend).toContain(
          `Moran's I = ${moran.statistic.toFixed(3)} (expected ${moran.expected.toFixed(3)} if random), p = ${moran.pSim!.toFixed(3)} from 999 permutations`,
        );
        await andRedraw(page, () => page.getByTestId('gi-fdr').check());
        await expect(page.getByTestId('legend-hotspots').textContent()).resolves.toContain(
          'Benjamini–Hochberg false discovery rate): on',
        );
        // "More" opens the shipped statistics page at the section on Gi*, beside the map.
        const [docs] = await Promise.all([
          page.context().waitForEvent('page'),
          page.getByTestId('more-hotspots').click(),
        ]);
        await docs.waitForLoadState();
        expect(new URL(docs.url()).pathname).toMatch(/\/docs\/statistics\.html$/);
        expect(new URL(docs.url()).hash).toBe('#hot-spots-getis-ord-gi');
        await expect(docs.locator('#hot-spots-getis-ord-gi').textContent()).resolves.toBe('Hot spots (Getis-Ord Gi*)');
        await docs.close();
        await expect.poll(() => addressParam(page, 'fdr')).toBe('1');
        await page.screenshot({ path: `${SCREENSHOT_DIR}/layer-hotspots-fdr.png` });
      }
      await andRedraw(page, () => page.getByTestId(`layer-${layer}`).uncheck());
    }
    expect(log.errors).toEqual([]);
  });

  it('incident cells, hot spots and emerging hot spots are visible at the opening zoom (as dots where cells are specks)', async () => {
    await show(`${baseUrl}?period=2019-Q4`);
    const before = await screenshotPixels(page);
    for (const layer of ['hexbin', 'hotspots', 'emerging']) {
      await andRedraw(page, () => page.getByTestId(`layer-${layer}`).check());
      await page.getByTestId(`legend-${layer}`).waitFor({ timeout: 60_000 });
      const after = await screenshotPixels(page, `${SCREENSHOT_DIR}/opening-zoom-${layer}.png`);
      expect(changed(before, after), `${layer} at the opening zoom`).toBeGreaterThan(100);
      await andRedraw(page, () => page.getByTestId(`layer-${layer}`).uncheck());
    }
    expect(log.errors).toEqual([]);
  });

  it('emerging hot spots: the layer draws the categories the statistics give, with a key and a z-series per cell', async () => {
    const period = '2019-Q4';
    // What the map must show, computed here from the published files with the same code path.
    const withCells = { ...dataset, incidents: parseIncidentsCsv(readSampleFile('incidents.csv')) };
    const input = emergingInput(withCells, period);
    const expected = emergingHotSpots(input.values, h3Neighbours(input.cells, 1), { timeStep: 1 });
    const counts = new Map<string, number>();
    for (const r of expected)
      if (r.category !== 'no-pattern') counts.set(r.category, (counts.get(r.category) ?? 0) + 1);
    expect(counts.size).toBeGreaterThan(0);

    await show(`${baseUrl}?period=${period}&layers=flows#map=8.6/51.3/0.9`);
    const before = await screenshotPixels(page);
    await andRedraw(page, () => page.getByTestId('layer-emerging').check());
    const after = await screenshotPixels(page, `${SCREENSHOT_DIR}/layer-emerging.png`);
    expect(changed(before, after)).toBeGreaterThan(150);
    await expect.poll(() => addressParam(page, 'layers')).toBe('flows,emerging');
    const legend = (await page.getByTestId('legend-emerging').textContent()) ?? '';
    expect(legend).toContain(`from ${input.periods[0]} to ${period} (the period shown)`);
    for (const [category, n] of counts) expect(legend).toContain(`${categoryLabel(category as never)} (${n} cells)`);

    // Hovering a classified cell shows its category, its z-series chart and its trend.
    // The classified cell nearest the middle of this Kent view.
    const distance = (cell: string) => {
      const [lat, lng] = cellToLatLng(cell);
      return (lat - 51.3) ** 2 + (lng - 0.9) ** 2;
    };
    const i = expected
      .map((r, index) => ({ r, index }))
      .filter(({ r }) => r.category !== 'no-pattern')
      .sort((a, b) => distance(input.cells[a.index]) - distance(input.cells[b.index]))[0].index;
    const [lat, lng] = cellToLatLng(input.cells[i]);
    const at = await project(page, [lng, lat]);
    await page.mouse.move(at.x, at.y);
    const tooltip = page.getByTestId('tooltip');
    await tooltip.waitFor();
    await expect(tooltip.textContent()).resolves.toContain(categoryLabel(expected[i].category));
    await expect(tooltip.textContent()).resolves.toContain(`z = ${expected[i].trendZ.toFixed(2)}`);
    await expect(page.getByTestId('emerging-chart').count()).resolves.toBe(1);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/layer-emerging-tooltip.png` });
    expect(log.errors).toEqual([]);
  });

  it('hot spots: a suppressed cell reads "suppressed", never the value imputed for the statistic', async () => {
    const period = '2019-Q4';
    const withCells = { ...dataset, incidents: parseIncidentsCsv(readSampleFile('incidents.csv')) };
    const input = hotspotInput(withCells, period);
    const distance = (cell: string) => {
      const [lat, lng] = cellToLatLng(cell);
      return (lat - 51.3) ** 2 + (lng - 0.9) ** 2;
    };
    const cell = input.cells.filter((_, i) => input.counts[i] === null).sort((a, b) => distance(a) - distance(b))[0];
    expect(cell).toBeDefined();
    await show(`${baseUrl}?period=${period}&layers=hotspots#map=9/51.3/0.9`);
    await page.getByTestId('legend-hotspots').waitFor({ timeout: 60_000 });
    const [lat, lng] = cellToLatLng(cell);
    const at = await project(page, [lng, lat]);
    const tooltip = page.getByTestId('tooltip');
    // The hot-spot layer draws once the worker has answered: hover until its cell is picked.
    await expect
      .poll(
        async () => {
          await page.mouse.move(at.x + 2, at.y);
          await page.mouse.move(at.x, at.y);
          return (await tooltip.count()) ? tooltip.textContent() : '';
        },
        { timeout: 30_000 },
      )
      .toContain(cell);
    const text = (await tooltip.textContent()) ?? '';
    expect(text).toContain(cell);
    expect(text).toContain('suppressed');
    expect(text).not.toMatch(
      new RegExp(`\\b${withCells.manifest.disclosure.threshold / 2} ${withCells.manifest.incidentMeasure}`),
    );
    expect(log.errors).toEqual([]);
  });

  it('change between two periods: flows drawn by change, a key, the largest increases and decreases', async () => {
    await show(`${baseUrl}?period=2019-Q4`);
    const counts = await screenshotPixels(page);
    await andRedraw(page, () => page.getByTestId('compare-with').selectOption('2016-Q4'));
    const change = await screenshotPixels(page, `${SCREENSHOT_DIR}/change-2016-to-2019.png`);
    expect(changed(counts, change)).toBeGreaterThan(500);
    await expect.poll(() => addressParam(page, 'vs')).toBe('2016-Q4');
    await expect(page.getByTestId('legend-change').textContent()).resolves.toContain(
      'Change from Oct–Dec 2016 (Q4) to Oct–Dec 2019 (Q4)',
    );
    // At the opening zoom 'auto' would group exporting areas, but grouped most routes could not be
    // compared (a group's total holds protected members): change mode compares areas one by one,
    // and says why.
    const choice = { grouping: 'auto' as const, zoom: 6, period: '2019-Q4', compareWith: '2016-Q4', minCount: 0 };
    expect(groupedFor(dataset, choice)).toBe(false);
    const grouped = comparability(dataset, true, choice)!;
    await expect(page.getByTestId('change-ungrouped').textContent()).resolves.toContain(
      `grouped (e.g. all of London), ${grouped.notComparable} of ${grouped.routes} routes could not be compared`,
    );
    // The lists are the same derivation as the map, from the published files.
    const network = buildNetwork(dataset, false);
    const changes = flowChanges(network, dataset.periods.indexOf('2016-Q4'), dataset.periods.indexOf('2019-Q4'), {
      minCount: 0,
      topN: 0,
    });
    const top = changes.find((c) => c.diff !== null && c.diff > 0)!;
    const lists = (await page.getByTestId('change-lists').textContent()) ?? '';
    expect(lists).toContain(`${top.flow.originNode.name} → ${top.flow.destNode.name}`);
    expect(lists).toContain('Largest decreases');
    // No suppressed value is ever differenced into a number on screen.
    const unknown = changes.filter((c) => c.kind === 'not-available').length;
    if (unknown) expect(lists).toContain(`${unknown} route`);
    // Back to counts.
    await andRedraw(page, () => page.getByTestId('compare-with').selectOption(''));
    await expect.poll(() => addressParam(page, 'vs')).toBeNull();
    await expect(page.getByTestId('legend-change').count()).resolves.toBe(0);
    expect(log.errors).toEqual([]);
  });

  it("in change mode the destination choropleth shows each destination's change, on a diverging key", async () => {
    await show(`${baseUrl}?period=2019-Q4&layers=flows,choropleth`);
    const rates = await screenshotPixels(page);
    await andRedraw(page, () => page.getByTestId('compare-with').selectOption('2016-Q4'));
    const change = await screenshotPixels(page, `${SCREENSHOT_DIR}/choropleth-change-2016-to-2019.png`);
    expect(changed(rates, change)).toBeGreaterThan(500);
    const key = (await page.getByTestId('legend-choropleth').textContent()) ?? '';
    expect(key).toContain('Change in active county lines into each destination per 10,000 residents');
    // The counts per class are the same derivation from the published files.
    const expected = choroplethChange(dataset, dataset.periods.indexOf('2016-Q4'), dataset.periods.indexOf('2019-Q4'));
    const values = [...expected.changes.values()];
    const increases = values.filter((v) => v !== null && v > expected.breaks[2]).length;
    expect(increases).toBeGreaterThan(0);
    const shown = [...key.matchAll(/increase \([^)]*\): (\d+)/gi)].reduce((sum, m) => sum + Number(m[1]), 0);
    expect(shown).toBe(increases);
    expect(key).toContain(
      `Not available (no published flow in either period): ${values.filter((v) => v === null).length}`,
    );
    expect(log.errors).toEqual([]);
  });

  it('switching the measure changes the widths, the totals, the legend and the CSV behind the map', async () => {
    // The 2019 peak: the most routes, so the most that differ between measures.
    await show(`${baseUrl}?period=2019-Q4`);
    const lines = await screenshotPixels(page);
    const summary = page.getByTestId('summary').locator('p').first();
    /** The summary's total as the same derivation makes it from the published file's column. */
    const expectedTotal = (measure?: string) => {
      const network = buildNetwork(datasetForMeasure(dataset, measure), true);
      const total = summariseFlows(
        networkFlows(network).filter((f) => passesFilter(f, { periodIndex: 15, minCount: 0, topN: 0 })),
      );
      return describeTotal(total.total, total.suppressedFlows);
    };
    // Cuckooing cases are rarer than lines: most routes' values are suppressed, so most lines thin.
    await andRedraw(page, () => page.getByTestId('measure').selectOption('cuckooing'));
    const cuckooing = await screenshotPixels(page, `${SCREENSHOT_DIR}/measure-cuckooing.png`);
    expect(changed(lines, cuckooing), 'widths follow the measure').toBeGreaterThan(150);
    await expect.poll(() => addressParam(page, 'measure')).toBe('cuckooing');
    await expect(page.getByTestId('legend').textContent()).resolves.toContain('Flows: cuckooing cases');
    await expect(summary.textContent()).resolves.toBe(`${expectedTotal('cuckooing')} cuckooing cases on the map`);
    // The CSV behind the map names the measure's column as the published file does; nothing under 10.
    await page.getByTestId('data-panel').locator('summary').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
    expect(download.suggestedFilename()).toBe('flows-2019-Q4-cuckooing.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\n')[0]).toBe('origin,destination,period,count_cuckooing,suppressed_member_flows');
    const values = csv
      .trim()
      .split('\n')
      .slice(1)
      .map((row) => row.split(',')[3]);
    expect(values.filter((v) => v !== '[c]').every((v) => Number(v) >= 10)).toBe(true);
    await page.getByTestId('data-panel').locator('summary').click();
    await andRedraw(page, () => page.getByTestId('measure').selectOption('referrals'));
    await screenshotPixels(page, `${SCREENSHOT_DIR}/measure-referrals.png`);
    await expect(summary.textContent()).resolves.toBe(`${expectedTotal('referrals')} young people referred on the map`);
    expect(expectedTotal('referrals')).not.toBe(expectedTotal());
    await andRedraw(page, () => page.getByTestId('measure').selectOption(''));
    await expect.poll(() => addressParam(page, 'measure')).toBeNull();
    await expect(summary.textContent()).resolves.toBe(`${expectedTotal()} active county lines on the map`);
    // The same state draws the same pixels (sampled; 0 in practice).
    expect(changed(lines, await screenshotPixels(page))).toBeLessThan(20);
    expect(log.errors).toEqual([]);
  });

  it('clicking Thanet isolates the flows into Thanet and its panel shows the totals; a click on an arrowhead selects the area under it', async () => {
    await show(baseUrl);
    const before = await screenshotPixels(page);
    const thanet = await project(page, [1.42, 51.37]);
    await andRedraw(page, () => page.mouse.click(thanet.x, thanet.y));
    const panel = page.getByTestId('selection-panel');
    await panel.waitFor();
    await expect(panel.locator('h2').textContent()).resolves.toBe('Thanet');
    // Expected totals straight from the files: merged network at the national view.
    const latest = dataset.periods.at(-1)!;
    const network = buildNetwork(dataset, true);
    const filter = { periodIndex: dataset.periods.indexOf(latest), minCount: 0, topN: 0 };
    const into = summariseFlows(
      networkFlows(network).filter((f) => passesFilter(f, { ...filter, focus: { id: 'E07000114', direction: 'in' } })),
    );
    await expect(page.getByTestId('selection-totals').textContent()).resolves.toContain(
      `In: ${describeTotal(into.total, into.suppressedFlows)}`,
    );
    await expect.poll(() => addressParam(page, 'sel')).toBe('E07000114');
    const after = await screenshotPixels(page, `${SCREENSHOT_DIR}/select-thanet.png`);
    expect(changed(before, after), 'other flows disappear').toBeGreaterThan(300);
    // Only Thanet's flows remain: the summary's destinations are Thanet alone.
    await expect(
      page.getByTestId('summary').locator('.top-lists div:nth-child(2) li').allTextContents(),
    ).resolves.toEqual([expect.stringMatching(/^Thanet: /)]);
    await andRedraw(page, () => page.keyboard.press('Escape'));
    await expect(panel.count()).resolves.toBe(0);
    // Where arrowheads cover Canterbury, a click selects Canterbury, not nothing.
    const centre = await project(page, [1.0963, 51.281]);
    const rect = await page.evaluate(() => window.__atlas!.canvasRect().toJSON() as DOMRect);
    const underArrow = await page.evaluate(
      ({ cx, cy }) => {
        // Topmost layer only while searching (one picking pass per point), then what lies under it.
        for (let dy = -12; dy <= 12; dy += 3)
          for (let dx = -12; dx <= 12; dx += 3) {
            if (!window.__atlas!.layersAt(cx + dx, cy + dy, 1)[0]?.startsWith('flow-arrows')) continue;
            if (window.__atlas!.layersAt(cx + dx, cy + dy).includes('areas')) return { x: cx + dx, y: cy + dy };
          }
        return undefined;
      },
      { cx: centre.x - rect.x, cy: centre.y - rect.y },
    );
    expect(underArrow, 'an arrowhead over Canterbury').toBeDefined();
    await andRedraw(page, () => page.mouse.click(rect.x + underArrow!.x, rect.y + underArrow!.y));
    await expect.poll(() => addressParam(page, 'sel')).toBe('E07000106');
    expect(log.errors).toEqual([]);
  });

  it('play advances the period shown, within the chosen window', async () => {
    await show(`${baseUrl}?period=2016-Q1`);
    await page.getByTestId('range-to').selectOption({ label: '2016-Q4' });
    await page.getByTestId('speed').selectOption('4');
    await page.getByTestId('play').click();
    await page.waitForFunction(
      (label) => document.querySelector('[data-testid="period-label"]')?.textContent !== label,
      periodLabel('2016-Q1'),
      { timeout: 10_000 },
    );
    const seen = new Set<string>();
    for (let i = 0; i < 12; i++) {
      seen.add((await page.getByTestId('period-label').textContent()) ?? '');
      await page.waitForTimeout(150);
    }
    await page.getByTestId('play').click();
    expect([...seen].every((label) => label.includes('2016'))).toBe(true);
    expect(seen.size).toBeGreaterThan(1);
  });

  it('the flow-style switch redraws flows as 3D arcs on a tilted map', async () => {
    await show(baseUrl);
    const before = await screenshotPixels(page, `${SCREENSHOT_DIR}/style-curved.png`);
    await andRedraw(page, () => page.getByTestId('flow-style').selectOption('arcs'));
    const after = await screenshotPixels(page, `${SCREENSHOT_DIR}/style-arcs.png`);
    expect(changed(before, after)).toBeGreaterThan(1000);
    await expect.poll(() => addressParam(page, 'style')).toBe('arcs');
    // The arcs themselves are drawn: navy origin ends and lighter blue destination ends, counted
    // against the same tilted view without flows (origin areas are blue too).
    await andRedraw(page, () => page.getByTestId('layer-flows').uncheck());
    const noFlows = await screenshotPixels(page);
    const head = hex(DESK_LOOK.flow.target);
    expect(pixelsNear(after, head) - pixelsNear(noFlows, head), 'light blue arc ends').toBeGreaterThan(60);
    expect(pixelsNear(after, '#12436D') - pixelsNear(noFlows, '#12436D'), 'blue arc starts').toBeGreaterThan(60);
    await andRedraw(page, () => page.getByTestId('layer-flows').check());
    await andRedraw(page, () => page.getByTestId('flow-colour').selectOption('group'));
    await page.screenshot({ path: `${SCREENSHOT_DIR}/style-arcs-by-group.png` });
    await expect(page.getByTestId('legend').textContent()).resolves.toContain('Exporting area');
    expect(log.errors).toEqual([]);
  });

  it('filters run on the GPU: a minimum count hides suppressed flows without rebuilding data', async () => {
    await show(baseUrl);
    // This Chromium draws in software, where the app keeps period changes on the CPU (only the
    // shown period uploaded, map/renderer.ts); the path a graphics card takes is asked for here.
    await andRedraw(page, () => page.evaluate(() => window.__atlasTools!.setFilterOnCpu(false)));
    const builds = () => page.evaluate(() => performance.getEntriesByName('atlas:flow-data').length);
    const builtBefore = await builds();
    expect(builtBefore).toBeGreaterThan(0);
    const before = await screenshotPixels(page);
    await andRedraw(page, () => page.getByTestId('min-count').fill('20'));
    const after = await screenshotPixels(page, `${SCREENSHOT_DIR}/filter-min-20.png`);
    expect(changed(before, after)).toBeGreaterThan(200);
    await expect.poll(() => addressParam(page, 'min')).toBe('20');
    // A period change and a top-N filter redraw too, still from the same flow data.
    await andRedraw(page, () => page.getByTestId('top-n').selectOption('5'));
    await andRedraw(page, () => page.getByRole('button', { name: 'Previous period' }).click());
    expect(await builds()).toBe(builtBefore);
  });

  it('with the destination choropleth on, hovering and clicking a destination still work (typed picking)', async () => {
    await show(`${baseUrl}?layers=flows,choropleth#map=8.6/51.3/0.9`);
    // East Thanet: inside the area, away from the flows, which all arrive from the west.
    const thanet = dataset.areas.features.find((f) => f.properties.id === 'E07000114')!;
    const target: [number, number] = [thanet.properties.centroid[0] + 0.06, thanet.properties.centroid[1] + 0.01];
    expect(booleanPointInPolygon(target, thanet.geometry as Polygon)).toBe(true);
    const point = await project(page, target);
    await page.mouse.move(point.x, point.y);
    const tooltip = page.getByTestId('tooltip');
    await tooltip.waitFor({ timeout: 10_000 });
    await expect(tooltip.textContent()).resolves.toContain('Thanet');
    await andRedraw(page, () => page.mouse.click(point.x, point.y));
    await expect(page.getByTestId('selection-panel').locator('h2').textContent()).resolves.toBe('Thanet');
    await expect.poll(() => addressParam(page, 'sel')).toBe('E07000114');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/choropleth-select-thanet.png` });
    expect(log.errors).toEqual([]);
  });
});
