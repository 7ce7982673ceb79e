/**
 * `npm run snapshot`: one command gives the same PNG the app exports, of the asked size, and the
 * same input gives byte-identical files; a briefing gives one PNG per scene.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, inject, it } from 'vitest';
import { main } from '../../scripts/snapshot';
import { runMain } from '../unit/run-cli';

const chromiumPath = inject('chromiumPath');

const run = (args: string[]) => runMain(main, args);

describe.skipIf(!chromiumPath)('npm run snapshot (Chromium)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-snapshot-'));

  it('writes the asked size, twice identically', async () => {
    const args = [
      '--url-state',
      '?period=2020-Q2&layers=flows,totals#map=6.2/52.3/-1.6',
      '--preset',
      '600@2x',
      '--date',
      '2026-11-28',
    ];
    const first = await run([...args, '--out', join(dir, 'a.png')]);
    expect(first.code, first.err).toBe(0);
    const second = await run([...args, '--out', join(dir, 'b.png')]);
    expect(second.code, second.err).toBe(0);
    const a = readFileSync(join(dir, 'a.png'));
    const png = PNG.sync.read(a);
    expect([png.width, png.height]).toEqual([1200, 1120]);
    expect(a.equals(readFileSync(join(dir, 'b.png')))).toBe(true);
  });

  it('a briefing: one PNG per scene', async () => {
    const result = await run([
      '--briefing',
      'data/briefings/sample.json',
      '--preset',
      '640x400',
      '--date',
      '2026-11-28',
      '--out-dir',
      join(dir, 'shots'),
    ]);
    expect(result.code, result.err).toBe(0);
    const files = readdirSync(join(dir, 'shots')).sort();
    expect(files).toEqual([
      'scene-01.png',
      'scene-02.png',
      'scene-03.png',
      'scene-04.png',
      'scene-05.png',
      'scene-06.png',
      'scene-07.png',
    ]);
    for (const file of files) expect(PNG.sync.read(readFileSync(join(dir, 'shots', file))).width).toBe(640);
  });

  it('bad usage exits 2 with the usage text', async () => {
    expect(await run(['--preset', 'huge', '--out', join(dir, 'x.png')])).toMatchObject({ code: 2 });
    expect((await run(['--preset', '600@2x'])).err).toContain('give --out <file.png>');
    expect((await run(['--briefing', 'data/briefings/sample.json'])).err).toContain('give --out-dir');
  });
});
