import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli';
import { importFiles } from '../../src/data/io/import';

const run = runCli;

describe('data CLI', () => {
  it('validate: the sample folder passes, a bad file fails with its message and exit 1', () => {
    const ok = run(['validate', 'data/sample']);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('OK: 55 areas');
    const bad = run([
      'validate',
      'tests/fixtures/bad/negative-count/locations.csv',
      'tests/fixtures/bad/negative-count/flows.csv',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.err).toBe('error: flows.csv: row 2, field "count": is negative; counts are whole numbers ≥ 0');
  });

  it('usage errors exit 2 with the usage text', () => {
    expect(run([]).code).toBe(2);
    expect(run(['build', 'data/sample']).err).toContain('build needs --out <dir>');
    expect(run(['validate', 'x.csv', '--threshold', 'ten']).err).toContain('--threshold needs a whole number');
  });

  it('import-flowmap: builds a dataset the app opens, with a disclosure report, dropping unknown columns', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-cli-'));
    writeFileSync(
      join(dir, 'locations.csv'),
      'id,name,lat,lon\nA,Alpha,51.5,-0.1\nB,Beta,51.36,1.38\nC,Gamma,50.4,-4.6\nD,Delta,51.48,-3.18\n',
    );
    writeFileSync(
      join(dir, 'flows.csv'),
      'origin,dest,count,time,informant\nA,B,23,2024-01,Ann\nA,C,4,2024-01,Bob\nD,C,31,2024-01,Cy\nD,B,12,2024-01,Di\n',
    );
    const out = join(dir, 'out');
    const result = run([
      'import-flowmap',
      join(dir, 'locations.csv'),
      join(dir, 'flows.csv'),
      '--out',
      out,
      '--title',
      'Test routes',
    ]);
    expect(result.code, result.err).toBe(0);
    const flows = readFileSync(join(out, 'flows.csv'), 'utf8');
    expect(flows).not.toMatch(/,(\d|[1-9]\d*[1-46-9])\n/); // every published count is ≥ 10 and a multiple of 5
    expect(flows).toContain('A,C,2024-01,[c]');
    // A→C is suppressed; A→B, D→C and D→B close a cycle around it, so all four are suppressed.
    expect(flows.match(/\[c\]/g)).toHaveLength(4);
    const report = readFileSync(join(out, 'disclosure-report.md'), 'utf8');
    // Only what the published file shows: 4 rows, 4 `[c]`s (not which were under the threshold).
    expect(report).toContain('flows.csv: 4 rows; 4 rows suppressed (`[c]`).');
    expect(report).toContain('`informant` from `flows.csv`: not on the allow-list');
    // The dropped column's values were in the flows file: no output may carry them, nor the column.
    const outputs = ['manifest.json', 'areas.geojson', 'flows.csv', 'disclosure-report.json'].map((n) =>
      readFileSync(join(out, n), 'utf8'),
    );
    for (const name of ['Ann', 'Bob', 'Cy', 'Di']) expect(outputs.filter((text) => text.includes(name))).toEqual([]);
    expect(flows.split('\n')[0]).toBe('origin,dest,period,count');
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).title).toBe('Test routes');
    // The app's own loader (same importer) opens what the CLI wrote.
    const names = ['manifest.json', 'areas.geojson', 'flows.csv'];
    const reopened = importFiles(names.map((n) => ({ name: n, bytes: new Uint8Array(readFileSync(join(out, n))) })));
    expect(reopened.dataset.flows).toHaveLength(4);
  });

  it('build: coarsens raw incident points to H3 cells and never writes a point', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-cli-'));
    writeFileSync(join(dir, 'locations.csv'), 'id,name,lat,lon\nA,Alpha,51.5,-0.1\nB,Beta,51.36,1.38\n');
    writeFileSync(join(dir, 'flows.csv'), 'origin,dest,count,period\nA,B,40,2024-Q1\n');
    const points = [
      'lat,lon,period',
      ...Array.from({ length: 14 }, (_, i) => `51.3${i % 3},1.3${i % 2},2024-Q1`),
      '51.9,1.9,2024-Q1',
    ];
    writeFileSync(join(dir, 'incidents.csv'), points.join('\n') + '\n');
    const out = join(dir, 'out');
    const result = run(['build', dir, '--out', out, '--h3-resolution', '6']);
    expect(result.code, result.err).toBe(0);
    const cells = readFileSync(join(out, 'incidents.csv'), 'utf8');
    expect(cells.split('\n')[0]).toBe('cell,period,count');
    expect(cells).not.toMatch(/51\.|1\.3/);
    expect(cells).toContain('[c]');
    expect(existsSync(join(out, 'disclosure-report.json'))).toBe(true);
    // Cells and `[c]`s as published; never the 15 points they came from.
    const report = readFileSync(join(out, 'disclosure-report.md'), 'utf8');
    expect(report).toContain('(H3 cells at resolution 6, per period); 1 row suppressed');
    expect(report).not.toMatch(/\b15\b/);
  });
});

describe.skipIf(!existsSync('../shared/fixtures-real/lad-uk-2019-buc.geojson'))(
  'data CLI on real ONS boundaries',
  () => {
    it('ONS boundaries + a flows spreadsheet → a dataset the app opens, with a report', () => {
      const dir = mkdtempSync(join(tmpdir(), 'atlas-real-'));
      writeFileSync(
        join(dir, 'flows.csv'),
        'origin,dest,period,count,officer\nE09000022,E07000114,2024-Q1,23,PC 1\nE09000028,E07000114,2024-Q1,6,PC 2\nE09000012,E07000114,2024-Q1,14,PC 3\nE09000022,E06000052,2024-Q1,31,PC 4\nE09000028,E06000052,2024-Q1,12,PC 5\nE08000012,W06000015,2024-Q1,40,PC 6\n',
      );
      const out = join(dir, 'out');
      const started = performance.now();
      const result = run([
        'build',
        '../shared/fixtures-real/lad-uk-2019-buc.geojson',
        join(dir, 'flows.csv'),
        '--out',
        out,
        '--title',
        'Real boundaries',
      ]);
      console.log(`[real] build from the whole-UK LAD file in ${(performance.now() - started).toFixed(0)} ms`);
      expect(result.code, result.err).toBe(0);
      expect(result.out).toContain('375 of 382 areas appear in no flow and are not drawn');
      const areas = JSON.parse(readFileSync(join(out, 'areas.geojson'), 'utf8'));
      expect(areas.features.map((f: { properties: { id: string } }) => f.properties.id).sort()).toEqual(
        ['E06000052', 'E07000114', 'E08000012', 'E09000012', 'E09000022', 'E09000028', 'W06000015'].sort(),
      );
      expect(Object.keys(areas.features[0].properties).sort()).toEqual(['centroid', 'id', 'name', 'role']);
      expect(readFileSync(join(out, 'disclosure-report.md'), 'utf8')).toContain(
        '`officer` from `flows.csv`: not on the allow-list',
      );
      expect(readFileSync(join(out, 'flows.csv'), 'utf8')).not.toMatch(/officer|PC \d/);
      const reopened = run(['validate', out]);
      expect(reopened.code, reopened.err).toBe(0);
    });
  },
);

describe('data CLI: hotspots', () => {
  it('with GeoDa .gal weights reproduces PySAL esda Gi* (star, binary)', () => {
    const result = run([
      'hotspots',
      'tests/fixtures/hotspots/pysal-six-points.csv',
      '--weights',
      'tests/fixtures/hotspots/pysal-six-points.gal',
    ]);
    expect(result.code, result.err).toBe(0);
    const rows = result.out.split('\n');
    expect(rows[0]).toBe('id,value,z,p,bin');
    const [id, value, z] = rows[1].split(',');
    expect([id, value]).toEqual(['P0', '2']);
    expect(Math.abs(Number(z) - -1.39727626)).toBeLessThan(1e-6);
  });

  it('with H3 ids uses k-ring neighbours, and --fdr changes nothing it should not', () => {
    const incidents = readFileSync('data/sample/incidents.csv', 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    const q = incidents.filter(([, period, count]) => period === '2019-Q1' && count !== '[c]');
    const dir = mkdtempSync(join(tmpdir(), 'atlas-hot-'));
    writeFileSync(join(dir, 'values.csv'), ['id,value', ...q.map(([cell, , count]) => `${cell},${count}`)].join('\n'));
    const plain = run(['hotspots', join(dir, 'values.csv'), '--k', '2']);
    const fdr = run(['hotspots', join(dir, 'values.csv'), '--k', '2', '--fdr']);
    expect(plain.code, plain.err).toBe(0);
    const bins = (out: string) =>
      out
        .split('\n')
        .slice(1)
        .map((r) => Number(r.split(',')[4]));
    expect(bins(plain.out)).toHaveLength(q.length);
    expect(bins(plain.out).some((b) => b > 0)).toBe(true);
    expect(bins(fdr.out).filter((b) => b !== 0).length).toBeLessThanOrEqual(
      bins(plain.out).filter((b) => b !== 0).length,
    );
  });

  it('bad values and weights exit 1 with a message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-hot-'));
    writeFileSync(join(dir, 'v.csv'), 'id,value\nA,1\nB,x\nC,3\n');
    expect(run(['hotspots', join(dir, 'v.csv')]).err).toBe(
      'error: v.csv: row 3, field "value": expected a number, found "x"',
    );
    writeFileSync(join(dir, 'v.csv'), 'id,value\nA,1\nB,2\nC,3\n');
    writeFileSync(join(dir, 'w.gal'), '3\nA 1\nB\nB 1\nZ\nC 0\n');
    const result = run(['hotspots', join(dir, 'v.csv'), '--weights', join(dir, 'w.gal')]);
    expect(result.code).toBe(1);
    expect(result.err).toBe('error: w.gal: names neighbour "Z", which is not in v.csv');
  });
});
