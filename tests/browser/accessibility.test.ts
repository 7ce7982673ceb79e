/**
 * Accessibility in a real browser: axe-core (the engine behind Lighthouse's audit) over the main
 * view, the embed and presenting mode, with no serious or critical violations; keyboard focus is
 * visible on every control; the map has a text alternative.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage, waitForMapReady } from './harness';

const chromiumPath = inject('chromiumPath');
const baseUrl = inject('baseUrl');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical findings for the page, each as "rule: help (where)". */
async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's CSP (script-src 'self') allows.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> } }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return (violations as Violation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join('; ')})`,
    );
}

describe.skipIf(!chromiumPath)('accessibility (axe-core) in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch(chromiumPath!);
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** The main view's page: presenting mode is audited there next, as a reader goes from desk to room. */
  let desk: Page | undefined;

  it('the main view: no serious or critical violations, a text alternative, visible focus', async () => {
    const { page } = await openPage(browser, baseUrl);
    desk = page;
    await waitForMapReady(page);
    expect(await seriousViolations(page)).toEqual([]);
    await expect(page.getByRole('region', { name: 'Map of county-lines flows' }).count()).resolves.toBe(1);
    // Tab through the first controls: each shows a focus ring (an outline or a box shadow).
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return { name: 'body', visible: false };
        const style = getComputedStyle(el);
        const visible =
          (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
        return { name: `${el.tagName} ${el.getAttribute('data-testid') ?? el.textContent?.slice(0, 30)}`, visible };
      });
      expect(focus.visible, `focus ring on ${focus.name}`).toBe(true);
    }
    // The text alternative is in the data panel, made when a reader opens it.
    await page.getByTestId('data-panel').locator('summary').click();
    await expect(page.getByTestId('alt-text').inputValue()).resolves.toMatch(/^Flow map of active county lines/);
  });

  it('the embed: no serious or critical violations', async () => {
    const { page } = await openPage(browser, `${baseUrl}embed.html?period=2024-Q4`, { width: 600, height: 700 });
    await waitForMapReady(page);
    expect(await seriousViolations(page)).toEqual([]);
    await expect(page.getByTestId('embed-map').getAttribute('aria-label')).resolves.toMatch(/^Flow map of/);
    await page.close();
  });

  it('presenting mode: no serious or critical violations', async () => {
    // The sample briefing imported on the desk and presented from there (one page load fewer than
    // opening ?briefing=…&present, the same presenting screen).
    const page = desk ?? (await openPage(browser, baseUrl)).page;
    await waitForMapReady(page);
    await page.getByTestId('import-briefing').setInputFiles('data/briefings/sample.json');
    await expect.poll(() => page.locator('.scene-list li').count()).toBeGreaterThan(1);
    await waitForMapReady(page);
    await page.getByTestId('present').click();
    await page.waitForFunction(() => document.body.dataset.presenting === 'true');
    await waitForMapReady(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
