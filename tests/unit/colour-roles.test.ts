/**
 * One meaning per hue (#23): every colour the map and its keys draw with sits in the hue family of
 * its role (src/map/theme.ts, COLOUR_ROLES), and no two families overlap.
 */
import { describe, expect, it } from 'vitest';
import { toLab } from '../../src/map/contrast';
import { hex } from '../../src/map/key';
import { COLOUR_ROLES, GROUP_COLOURS, NEUTRAL_CHROMA, paletteByRole, type Rgba } from '../../src/map/theme';

function hueAndChroma(colour: string | Rgba): { hue: number; chroma: number } {
  const [, a, b] = toLab(typeof colour === 'string' ? colour : hex(colour));
  return { hue: ((Math.atan2(b, a) * 180) / Math.PI + 360) % 360, chroma: Math.hypot(a, b) };
}

const inFamily = (hue: number, [from, to]: readonly [number, number]) => hue >= from && hue < to;

describe('colour roles', () => {
  it('no two hue families share an angle, and together they go round the wheel once', () => {
    const ranges: (readonly [number, number])[] = [];
    for (const role of Object.values(COLOUR_ROLES)) if (role.hue) ranges.push(role.hue);
    ranges.sort((a, b) => a[0] - b[0]);
    expect(ranges[0][0]).toBe(0);
    for (let i = 1; i < ranges.length; i++)
      expect(ranges[i][0], `${ranges[i]} after ${ranges[i - 1]}`).toBe(ranges[i - 1][1]);
    expect(ranges.at(-1)![1]).toBe(360);
  });

  const palette = paletteByRole();
  it('lists every layer’s colours', () => {
    expect(palette.length).toBeGreaterThan(60);
    for (const role of Object.keys(COLOUR_ROLES))
      expect(
        palette.some((p) => p.role === role),
        role,
      ).toBe(true);
  });

  for (const { role, what, colour } of palette) {
    it(`${what} is ${role}`, () => {
      const { hue, chroma } = hueAndChroma(colour);
      const family = COLOUR_ROLES[role].hue;
      if (family === undefined) expect(chroma, `${what}: grey enough to mean nothing`).toBeLessThan(NEUTRAL_CHROMA);
      else {
        expect(chroma, `${what}: coloured enough to carry its hue`).toBeGreaterThanOrEqual(NEUTRAL_CHROMA - 5);
        expect(inFamily(hue, family), `${what}: hue ${hue.toFixed(0)}° in ${family}`).toBe(true);
      }
    });
  }

  it('the exporting-area palette has no warm colour, which would read as incidents beside a hot spot', () => {
    for (const colour of GROUP_COLOURS) {
      const { hue, chroma } = hueAndChroma(colour);
      if (chroma >= NEUTRAL_CHROMA) expect(inFamily(hue, COLOUR_ROLES.incidents.hue), colour).toBe(false);
    }
  });
});
