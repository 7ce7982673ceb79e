/**
 * What the default view looks like, held still: one golden image with a tolerance (software
 * rendering is deterministic, but anti-aliasing may shift a few pixels between Chromium builds),
 * and file snapshots of the legend and the trend chart, whose text and geometry should change only
 * on purpose.
 *
 * A mismatch writes `<name>-changed.png` and `<name>-diff.png` to test-results/golden/ to look at.
 * To accept a new look: UPDATE_GOLDEN=1 npm run test:e2e -- golden (and `-u` for the snapshots).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openPage, waitForMapReady } from './harness';

const chromiumPath = inject('chromiumPath');
const baseUrl = inject('baseUrl');

const GOLDEN_DIR = 'tests/browser/golden';
const CHANGED_DIR = 'test-results/golden';
/** A pixel differs when its colour moves further than this (RGB distance)… */
const PIXEL_TOLERANCE = 48;
/** …and the image differs when more than this share of its pixels do. */
const IMAGE_TOLERANCE = 0.005;

function compareWithGolden(name: string, actual: Buffer): { differing: number; total: number } {
  const goldenPath = `${GOLDEN_DIR}/${name}.png`;
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(goldenPath)) {
    if (process.env.CI === 'true' && !existsSync(goldenPath))
      throw new Error(`${goldenPath} is missing; make it with UPDATE_GOLDEN=1`);
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(goldenPath, actual);
  }
  const golden = PNG.sync.read(readFileSync(goldenPath));
  const now = PNG.sync.read(actual);
  expect([now.width, now.height], 'image size').toEqual([golden.width, golden.height]);
  const diff = new PNG({ width: now.width, height: now.height });
  let differing = 0;
  for (let i = 0; i < now.data.length; i += 4) {
    const d = Math.hypot(
      now.data[i] - golden.data[i],
      now.data[i + 1] - golden.data[i + 1],
      now.data[i + 2] - golden.data[i + 2],
    );
    const off = d > PIXEL_TOLERANCE;
    if (off) differing++;
    // The diff image: differing pixels red over a faded copy of the golden.
    diff.data.set(
      off
        ? [255, 0, 0, 255]
        : [golden.data[i] / 3 + 170, golden.data[i + 1] / 3 + 170, golden.data[i + 2] / 3 + 170, 255],
      i,
    );
  }
  const total = now.width * now.height;
  if (differing / total > IMAGE_TOLERANCE) {
    mkdirSync(CHANGED_DIR, { recursive: true });
    writeFileSync(`${CHANGED_DIR}/${name}-changed.png`, actual);
    writeFileSync(`${CHANGED_DIR}/${name}-diff.png`, PNG.sync.write(diff));
  }
  return { differing, total };
}

/** Markup with one element per line, so a snapshot diff points at what changed. */
const readable = (html: string) => `${html.replace(/></g, '>\n<')}\n`;

/** Outer HTML with each element's attributes in name order: the markup, not the order a renderer set them in. */
const canonicalHtml = (element: Element) => {
  const copy = element.cloneNode(true) as Element;
  for (const node of [copy, ...copy.querySelectorAll('*')]) {
    const attributes = [...node.attributes].map((a) => [a.name, a.value]).sort(([a], [b]) => a.localeCompare(b));
    for (const [name] of attributes) node.removeAttribute(name);
    for (const [name, value] of attributes) node.setAttribute(name, value);
  }
  return copy.outerHTML;
};

describe.skipIf(!chromiumPath)('the default view, held still (Chromium)', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launch(chromiumPath!);
    ({ page } = await openPage(browser, baseUrl, { width: 1280, height: 720 }));
    await waitForMapReady(page);
    // The pointer rests off the map, so no hover highlight or tooltip is in the picture.
    await page.mouse.move(1, 1);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('matches the golden image within tolerance', async () => {
    const { differing, total } = compareWithGolden('default-view', await page.screenshot());
    expect(differing / total, `${differing} of ${total} pixels differ; see ${CHANGED_DIR}/`).toBeLessThanOrEqual(
      IMAGE_TOLERANCE,
    );
  });

  it('the legend', async () => {
    const html = await page.getByTestId('legend').evaluate(canonicalHtml);
    await expect(readable(html)).toMatchFileSnapshot('./__snapshots__/legend.html');
  });

  it('the summary trend chart', async () => {
    const html = await page.getByTestId('summary').locator('figure.trend').evaluate(canonicalHtml);
    await expect(readable(html)).toMatchFileSnapshot('./__snapshots__/trend-chart.svg.html');
  });
});
