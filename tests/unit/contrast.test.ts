/**
 * The projector themes read from the back of a room: every colour pair each theme draws side by
 * side reaches its contrast (text 7:1, marks 3:1), computed with the WCAG 2.2 formula, and no line
 * is thinner than 2 px.
 */
import { describe, expect, it } from 'vitest';
import { contrastRatio, deltaE2000, deltaE2000Lab } from '../../src/map/contrast';
import { drawnColour } from '../../src/map/key';
import { EMERGING_ALPHA } from '../../src/map/layers/emerging';
import { DESK_LOOK, EMERGING_COLOURS, PROJECTOR_LOOKS, projectorContrastPairs } from '../../src/map/theme';

describe('WCAG contrast', () => {
  it('matches the published reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 6);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 6);
    // WebAIM's checker: #777777 on white is 4.48:1.
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('the desk look’s arrowhead stands out from the land (3:1, as a graphic mark)', () => {
    expect(contrastRatio(DESK_LOOK.flow.target, DESK_LOOK.basemap.land)).toBeGreaterThanOrEqual(3);
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

describe('colour differences between classes (CIEDE2000)', () => {
  it('matches Sharma, Wu and Dalal’s reference pairs', () => {
    // From "The CIEDE2000 color-difference formula: implementation notes" (2005), table 1.
    const pairs: [number[], number[], number][] = [
      [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
      [[50, -1.3802, -84.2814], [50, 0, -82.7485], 1.0],
      [[50, 2.5, 0], [50, 0, -2.5], 4.3065],
      [[50, 2.5, 0], [73, 25, -18], 27.1492],
      [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
      [[22.7233, 20.0904, -46.694], [23.0331, 14.973, -42.5619], 2.0373],
    ];
    for (const [a, b, expected] of pairs) expect(deltaE2000Lab(a, b)).toBeCloseTo(expected, 3);
    expect(deltaE2000('#000000', '#ffffff')).toBeCloseTo(100, 0);
  });

  it('every two emerging hot- and cold-spot classes differ by ΔE ≥ 10 as drawn, and from the land', () => {
    for (const look of [DESK_LOOK, PROJECTOR_LOOKS.light]) {
      const drawn = Object.entries(EMERGING_COLOURS)
        .filter(([category]) => category !== 'no-pattern')
        .map(([category, hex]) => [category, drawnColour(hex, look, EMERGING_ALPHA)] as const);
      for (const [i, [a, ca]] of drawn.entries()) {
        expect(deltaE2000(ca, look.basemap.land), `${a} on the land`).toBeGreaterThanOrEqual(10);
        for (const [b, cb] of drawn.slice(i + 1)) expect(deltaE2000(ca, cb), `${a} / ${b}`).toBeGreaterThanOrEqual(10);
      }
    }
  });
});
