/**
 * The projector themes read from the back of a room: every colour pair each theme draws side by
 * side reaches its contrast (text 7:1, marks 3:1), computed with the WCAG 2.2 formula, and no line
 * is thinner than 2 px.
 */
import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../src/map/contrast';
import { DESK_LOOK, PROJECTOR_LOOKS, projectorContrastPairs } from '../../src/map/theme';

describe('WCAG contrast', () => {
  it('matches the published reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 6);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 6);
    // WebAIM's checker: #777777 on white is 4.48:1.
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('the desk look’s orange arrowhead is the 2.6:1 the projector themes fix', () => {
    expect(contrastRatio(DESK_LOOK.flow.target, DESK_LOOK.basemap.land)).toBeLessThan(3);
  });
});

for (const theme of ['light', 'dark'] as const) {
  describe(`projector theme: ${theme}`, () => {
    const pairs = projectorContrastPairs(theme);

    it('covers text, chrome, every mark on every ground, coast and borders', () => {
      expect(pairs.length).toBeGreaterThanOrEqual(27);
    });

    for (const pair of pairs) {
      it(`${pair.what}: at least ${pair.min}:1`, () => {
        expect(contrastRatio(pair.foreground, pair.background)).toBeGreaterThanOrEqual(pair.min);
      });
    }

    it('no line under 2 px, and labels about twice the desk size', () => {
      const look = PROJECTOR_LOOKS[theme];
      const widths = [
        look.basemap.coastWidthPx,
        look.basemap.borderWidthPx,
        look.area.lineWidthPx,
        look.flow.suppressedWidthPx,
        look.flow.minWidthPx,
      ];
      expect(Math.min(...widths)).toBeGreaterThanOrEqual(2);
      expect(look.label.sizePx).toBeGreaterThanOrEqual(DESK_LOOK.label.sizePx * 1.8);
      // Marks are opaque: a translucent line's contrast depends on what shows through it.
      for (const colour of [
        look.flow.source,
        look.flow.target,
        look.flow.suppressed,
        look.area.origin.line,
        look.area.destination.line,
      ]) {
        expect(colour[3]).toBe(255);
      }
    });
  });
}
