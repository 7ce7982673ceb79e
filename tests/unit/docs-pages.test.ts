import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headingSlug, markdownPage } from '../../scripts/docs-pages';
import { MORE_SECTION } from '../../src/ui/analysis-controls';

describe('the statistics page the app links to', () => {
  const html = markdownPage(readFileSync('docs/statistics.md', 'utf8'), 'Statistics');

  it("has the section each analysis layer's More link names", () => {
    for (const [layer, section] of Object.entries(MORE_SECTION))
      expect(html, `${layer} → #${section}`).toContain(`id="${section}"`);
  });

  it('is plain HTML: no script runs, Markdown links point at the shipped pages', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("default-src 'none'");
    expect(markdownPage('[formats](data-format.md#more-measures)', 't')).toContain(
      'href="data-format.html#more-measures"',
    );
    expect(markdownPage('<img src=x onerror=alert(1)>', 't')).not.toContain('<img');
  });

  it('slugs headings as GitHub does', () => {
    expect(headingSlug('Hot spots (Getis-Ord Gi*)')).toBe('hot-spots-getis-ord-gi');
    expect(headingSlug("The map's layers in plain words")).toBe('the-maps-layers-in-plain-words');
  });
});
