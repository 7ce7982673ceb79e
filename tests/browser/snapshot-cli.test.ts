/**
 * `npm run snapshot`: one command gives the same PNG the app exports, of the asked size, and the
 * same input gives byte-identical files; a briefing gives one PNG per scene, and a scene re-shot on
 * its own (`--scenes`) the same bytes as in the whole briefing's run.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, inject, it } from 'vitest';
import { main } from '../../scripts/snapshot';
import { parseBriefing } from '../../src/data/briefing';
import { periodLabel } from '../../src/data/periods';
import type { DrawnExport } from '../../src/export/render-png';
import { hexRgb } from './harness';
import { runMain } from '../unit/run-cli';

const chromiumPath = inject('chromiumPath');
/** A run of seven scenes and one of two: about 1 minute on the reference machine, scaled to this one. */
const BRIEFING_RUNS_MS = 240_000 * inject('slowness');

const run = (args: string[]) => runMain(main, args);

describe.skipIf(!chromiumPath)('npm run snapshot (Chromium)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-snapshot-'));

  // The same input giving the same bytes is checked on the briefing below, over two runs; a second
  // run here (15 s of Chromium) would check it once more.
  it('writes the asked size', async () => {
    const args = [
      '--url-state',
      '?period=2020-Q2&layers=flows,totals#map=6.2/52.3/-1.6',
      '--preset',
      '600@2x',
      '--date',
      '2026-11-28',
    ];
    const result = await run([...args, '--out', join(dir, 'a.png')]);
    expect(result.code, result.err).toBe(0);
    const png = PNG.sync.read(readFileSync(join(dir, 'a.png')));
    expect([png.width, png.height]).toEqual([1200, 1200]);
  });

  it(
    'a briefing: every scene drawn, seven complete images; scenes re-shot alone, the same bytes',
    async () => {
      const briefing = parseBriefing(readFileSync('data/briefings/sample.json', 'utf8'), 'sample.json');
      const runOnce = async (folder: string, only: string[] = []) => {
        const result = await run([
          ...only,
          '--briefing',
          'data/briefings/sample.json',
          '--preset',
          '800x600',
          '--date',
          '2026-11-28',
          '--report',
          '--out-dir',
          join(dir, folder),
        ]);
        expect(result.code, result.err).toBe(0);
        return readdirSync(join(dir, folder)).sort();
      };
      const files = await runOnce('shots');
      const scenes = briefing.scenes.map((_, i) => `scene-${String(i + 1).padStart(2, '0')}`);
      expect(files).toEqual(scenes.flatMap((name) => [`${name}.json`, `${name}.png`]));
      for (const [i, name] of scenes.entries()) {
        const image = PNG.sync.read(readFileSync(join(dir, 'shots', `${name}.png`)));
        expect([image.width, image.height]).toEqual([800, 600]);
        const drawn = JSON.parse(readFileSync(join(dir, 'shots', `${name}.json`), 'utf8')) as DrawnExport;
        // It says what it shows: the scene's period (or the latest), and the key of its layers.
        const view = briefing.scenes[i].view;
        expect(drawn.texts.join(' '), name).toContain(periodLabel(view.period ?? '2024-Q4'));
        // Drawn, not the basemap alone: the map holds pixels of the key's colours.
        const colours = drawn.key.flatMap((section) =>
          section.rows.flatMap((r) => ((r.kind === 'swatch' && !r.empty) || r.kind === 'width' ? [r.colour] : [])),
        );
        expect(colours.length, name).toBeGreaterThan(0);
        const onMap = colours.filter((hex) => {
          const [r, g, b] = hexRgb(hex);
          for (let y = Math.ceil(drawn.mapBox.y); y < drawn.mapBox.y + drawn.mapBox.h; y++)
            for (let x = Math.ceil(drawn.mapBox.x); x < drawn.mapBox.x + drawn.mapBox.w; x++) {
              const p = (y * image.width + x) * 4;
              if (Math.hypot(image.data[p] - r, image.data[p + 1] - g, image.data[p + 2] - b) <= 14) return true;
            }
          return false;
        });
        expect(onMap.length, `${name}: key colours on its map`).toBeGreaterThanOrEqual(Math.min(2, colours.length));
      }
      // A second run of two scenes (the choropleth and the hot spots, opened at the first of them
      // with a fresh export map): the same bytes as the whole briefing's run gave them. Shooting all
      // seven again would add half a minute and check the same promise.
      const again = await runOnce('again', ['--scenes', '3,6']);
      expect(again).toEqual(['scene-03.json', 'scene-03.png', 'scene-06.json', 'scene-06.png']);
      for (const name of ['scene-03', 'scene-06'])
        expect(
          readFileSync(join(dir, 'again', `${name}.png`)).equals(readFileSync(join(dir, 'shots', `${name}.png`))),
          name,
        ).toBe(true);
    },
    BRIEFING_RUNS_MS,
  );

  it('bad usage exits 2 with the usage text', async () => {
    expect(await run(['--preset', 'huge', '--out', join(dir, 'x.png')])).toMatchObject({ code: 2 });
    expect((await run(['--preset', '600@2x'])).err).toContain('give --out <file.png>');
    expect((await run(['--briefing', 'data/briefings/sample.json'])).err).toContain('give --out-dir');
  });
});
