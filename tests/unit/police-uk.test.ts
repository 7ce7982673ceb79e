/**
 * police.uk street-level files: streamed, filtered to one crime type, Month as the period,
 * positions straight into H3 cells, every other column dropped, counts protected.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/data';
import { runMain } from './run-cli';

const FIXTURE = 'tests/fixtures/police-uk';

describe('npm run data -- police-uk', () => {
  it('builds published incident cells from a police.uk download folder', async () => {
    const out = mkdtempSync(join(tmpdir(), 'atlas-police-'));
    const result = await runMain(main, ['police-uk', FIXTURE, '--out', out, '--threshold', '10']);
    expect(result.code).toBe(0);
    // What the published file shows, never the raw tallies: 35 crimes with a position is the total
    // of every cell, the suppressed one included.
    expect(result.out.split('\n')).toEqual([
      'read 2 police.uk file(s): "Drugs" crimes with a position, as H3 cells at resolution 7; rows of other types and rows without a position were left out',
      `wrote incidents.csv (3 cells, 1 suppressed) and disclosure-report.md to ${out}`,
    ]);
    expect(result.out).not.toMatch(/\b(35|38)\b/);
    const cells = readFileSync(join(out, 'incidents.csv'), 'utf8').trim().split('\n');
    expect(cells[0]).toBe('cell,period,count');
    const harbour = latLngToCell(51.3895, 1.385, 7);
    // 12 in January and 20 in February at the harbour: rounded to 10 and 20; the 3 elsewhere suppressed.
    expect(cells).toContain(`${harbour},2024-01,10`);
    expect(cells).toContain(`${harbour},2024-02,20`);
    expect(cells.some((l) => l.endsWith(',[c]'))).toBe(true);
    // Nothing but cell, period and count leaves: no crime id, street, LSOA or outcome.
    const written = readFileSync(join(out, 'incidents.csv'), 'utf8');
    for (const text of ['id0', 'Harbour', 'E0102', 'Thanet', 'investigation', 'Kent'])
      expect(written).not.toContain(text);
    const report = readFileSync(join(out, 'disclosure-report.md'), 'utf8');
    expect(report).toContain('`Crime ID`');
    expect(report).toContain('`LSOA name`');
  });

  it('--crime-type picks another type; a file that is not police.uk is named with its missing columns', async () => {
    const out = mkdtempSync(join(tmpdir(), 'atlas-police-'));
    const shoplifting = await runMain(main, ['police-uk', FIXTURE, '--out', out, '--crime-type', 'Shoplifting']);
    // One shoplifting crime: one cell, suppressed; a count of crimes is never printed.
    expect(shoplifting.code).toBe(0);
    expect(shoplifting.out).toContain('wrote incidents.csv (1 cell, 1 suppressed)');
    const bad = join(out, 'bad-street.csv');
    writeFileSync(bad, 'id,lat,lon\n1,51.5,-0.1\n');
    const refused = await runMain(main, ['police-uk', bad, '--out', out]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(
      'bad-street.csv: field "Month, Longitude, Latitude, Crime type": missing column(s); a police.uk street-level file has Month, Longitude, Latitude, Crime type (found id, lat, lon)',
    );
  });

  it('a large download with a bad row late: the problem is named and the process exits (no thread left running)', () => {
    // Enough crimes that points go to worker threads before the bad row is read.
    const dir = mkdtempSync(join(tmpdir(), 'atlas-police-large-'));
    const header =
      'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';
    const rows = Array.from(
      { length: 150_000 },
      (_, i) => `id${i},2024-01,Kent Police,Kent Police,${(1.3 + (i % 97) * 0.001).toFixed(4)},51.3890,,,,Drugs,,`,
    );
    rows.push('late,2024-13,Kent Police,Kent Police,1.38,51.389,,,,Drugs,,');
    writeFileSync(join(dir, '2024-01-kent-street.csv'), `${header}\n${rows.join('\n')}\n`);
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/data.ts', 'police-uk', dir, '--out', join(dir, 'out')],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(run.signal, 'the process had to be killed: something kept it alive').toBeNull();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('2024-01-kent-street.csv: row 150002, field "Month": expected a month like 2024-03');
  }, 150_000);
});
