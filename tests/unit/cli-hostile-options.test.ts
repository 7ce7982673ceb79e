/**
 * The data CLI under hostile options and hostile input: no option value configures disclosure
 * control away or prints a stack trace, no count is read from non-decimal text, and nothing it
 * writes can run as a spreadsheet formula or become Markdown/HTML in the disclosure report.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli';
import { importFiles } from '../../src/data/io/import';
import { parseFlowsCsv } from '../../src/data/io/parse';
import { coarsenIncidents } from '../../src/data/disclosure/protect';
import { problemMessages } from './problem-messages';

const run = runCli;

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-hostile-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** Three incident points 10 m apart, plus a flow table to build a dataset around them. */
const POINTS_DATASET = {
  'locations.csv': 'id,name,lat,lon\nA,Alpha,51.5,-0.1\nB,Beta,51.36,1.38\n',
  'flows.csv': 'origin,dest,count,period\nA,B,40,2024-Q1\n',
  'incident-points.csv':
    'lat,lon,period\n51.36000,1.38000,2024-Q1\n51.36009,1.38000,2024-Q1\n51.36018,1.38000,2024-Q1\n',
};

const inputs = (dir: string) => ['locations.csv', 'flows.csv', 'incident-points.csv'].map((n) => join(dir, n));

/** What a caller must never see: a stack frame or a raw zod issue array. */
function expectCleanUsageError(result: ReturnType<typeof run>, says: string) {
  expect(result.code).toBe(2);
  expect(result.err).toContain(says);
  expect(result.err).toContain('usage:');
  expect(result.err).not.toMatch(/\n\s+at |TypeError|"code":|\[\s*\{/);
}

describe('numeric options are bounded, with a usage message', () => {
  it('--h3-resolution finer than the format allows is refused before anything is written', () => {
    const dir = workspace(POINTS_DATASET);
    for (const resolution of ['10', '15', '99']) {
      const out = join(dir, `out-${resolution}`);
      const result = run(['build', ...inputs(dir), '--out', out, '--h3-resolution', resolution]);
      expectCleanUsageError(result, `--h3-resolution needs a whole number from 0 to 9, got "${resolution}"`);
      expect(existsSync(out)).toBe(false);
    }
    // The finest allowed resolution still merges points 10 m apart into one cell.
    const out = join(dir, 'out-9');
    expect(
      run(['build', ...inputs(dir), '--out', out, '--h3-resolution', '9', '--threshold', '5', '--rounding', '1']).code,
    ).toBe(0);
    expect(readFileSync(join(out, 'incidents.csv'), 'utf8').trim().split('\n')).toHaveLength(2);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).h3Resolution).toBe(9);
  });

  it('manifest text over its limit (a 10,000-character title) is refused before anything is written', () => {
    const dir = workspace(POINTS_DATASET);
    const out = join(dir, 'out-title');
    const result = run(['build', ...inputs(dir), '--out', out, '--title', `<script>${'W'.repeat(10_000)}`]);
    expectCleanUsageError(result, '--title: at most 200 characters (this text is shown on the map)');
    expect(result.err.length).toBeLessThan(3000);
    expect(existsSync(out)).toBe(false);
  });

  it('the disclosure report says what area one cell covers', () => {
    const dir = workspace(POINTS_DATASET);
    const out = join(dir, 'out');
    expect(run(['build', ...inputs(dir), '--out', out]).code).toBe(0);
    expect(readFileSync(join(out, 'disclosure-report.md'), 'utf8')).toContain(
      'One cell covers about 5.2 km² on average.',
    );
    expect(run(['build', ...inputs(dir), '--out', join(dir, 'fine'), '--h3-resolution', '9']).code).toBe(0);
    expect(readFileSync(join(dir, 'fine', 'disclosure-report.md'), 'utf8')).toContain(
      'One cell covers about 110,000 m² on average.',
    );
  });

  it('--threshold and --rounding outside their ranges give usage, not a zod issue array', () => {
    const dir = workspace(POINTS_DATASET);
    const build = (...options: string[]) => run(['build', ...inputs(dir), '--out', join(dir, 'out'), ...options]);
    expectCleanUsageError(build('--threshold', '0'), '--threshold needs a whole number from 5 to 1000, got "0"');
    expectCleanUsageError(build('--threshold', '1'), '--threshold needs a whole number from 5 to 1000, got "1"');
    expectCleanUsageError(build('--rounding', '0'), '--rounding needs a whole number from 1 to 10, got "0"');
    expectCleanUsageError(
      build('--threshold', '20', '--rounding', '25'),
      '--rounding needs a whole number from 1 to 20, got "25"',
    );
    expectCleanUsageError(build('--threshold=-3'), '--threshold needs a whole number from 5 to 1000, got "-3"');
    expectCleanUsageError(build('--threshold', '1e1'), '--threshold needs a whole number from 5 to 1000, got "1e1"');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('hotspots --k is bounded and answers at once', () => {
    const dir = workspace({ 'values.csv': 'id,value\n871fb4662ffffff,3\n871fb4660ffffff,5\n871fb4661ffffff,8\n' });
    for (const k of ['0', '11', '1000', '100000']) {
      const result = run(['hotspots', join(dir, 'values.csv'), '--k', k]);
      expectCleanUsageError(result, `--k needs a whole number from 1 to 10, got "${k}"`);
      expect(result.ms).toBeLessThan(1000);
    }
    expect(run(['hotspots', join(dir, 'values.csv'), '--k', '10']).code).toBe(0);
  });

  it('an error that is not a DataError (a numeric code, a non-Error) is a message, not a crash', () => {
    // coarsenIncidents guards the range itself, for callers other than the CLI.
    expect(() =>
      coarsenIncidents([{ lat: 51.36, lon: 1.38, period: '2024-Q1' }], 15, { threshold: 10, roundingBase: 5 }),
    ).toThrow('H3 resolution 15 is not allowed: incident cells must be resolution 0 to 9');
  });
});

describe('counts are whole decimal numbers', () => {
  const notDecimal = ['0x10', '1e1', '0b11111', '0o20', '12.0'];

  it('raw flows: hex, exponent, binary and octal counts are rejected with row and field', () => {
    const dir = workspace({
      'locations.csv': 'id,name,lat,lon\nA,Alpha,51.5,-0.1\nB,Beta,51.36,1.38\n',
      'flows.csv': ['origin,dest,count,period', ...notDecimal.map((count) => `A,B,${count},2024-Q1`)].join('\n') + '\n',
    });
    const result = run(['validate', join(dir, 'locations.csv'), join(dir, 'flows.csv')]);
    expect(result.code).toBe(1);
    expect(result.err.split('\n')).toEqual(
      notDecimal.map(
        (_, i) =>
          `error: flows.csv: row ${i + 2}, field "count": is a number in another notation (hex, binary, exponent, "12.0"…); expected a whole number ≥ 0 in decimal digits`,
      ),
    );
  });

  it('published flows: the same rule', () => {
    const text = ['origin,dest,period,count', ...notDecimal.map((count) => `A,B,2024-Q1,${count}`)].join('\n') + '\n';
    expect(problemMessages(() => parseFlowsCsv(text, 'flows.csv'))).toEqual(
      notDecimal.map(
        (_, i) =>
          `flows.csv: row ${i + 2}, field "count": is a number in another notation (hex, binary, exponent, "12.0"…); expected a whole number ≥ 0 or "[c]" in decimal digits`,
      ),
    );
  });
});

describe('what the CLI writes cannot attack whoever opens it', () => {
  const HOSTILE_IDS = [
    '=HYPERLINK("http://example.org/x","click")',
    '+SUM(1+1)',
    '@SUM(1)',
    '-2+3',
    "'=already escaped",
  ];

  /** Cells as a spreadsheet would see them: none may start with a formula character. */
  function expectNoFormulaCells(csv: string) {
    const cells = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data.flat();
    const plainNumber = /^-?\d+(\.\d+)?(e-?\d+)?$/;
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell) && !plainNumber.test(cell))).toEqual([]);
  }

  it('flows.csv neutralises formula cells, and the app reads the ids back unchanged', () => {
    const locations = [
      'id,name,lat,lon',
      ...HOSTILE_IDS.map((id, i) => `"${id.replace(/"/g, '""')}",Place ${i},${51 + i / 10},${-1 + i / 10}`),
    ];
    const flows = [
      'origin,dest,count,period',
      ...HOSTILE_IDS.slice(1).map(
        (id) => `"${HOSTILE_IDS[0].replace(/"/g, '""')}","${id.replace(/"/g, '""')}",40,2024-Q1`,
      ),
    ];
    const dir = workspace({ 'locations.csv': locations.join('\n') + '\n', 'flows.csv': flows.join('\n') + '\n' });
    const out = join(dir, 'out');
    const result = run(['import-flowmap', join(dir, 'locations.csv'), join(dir, 'flows.csv'), '--out', out]);
    expect(result.code, result.err).toBe(0);
    const written = readFileSync(join(out, 'flows.csv'), 'utf8');
    expectNoFormulaCells(written);
    expect(written).toContain(`"'=HYPERLINK(""http://example.org/x"",""click"")"`);
    expect(written).toContain(`"''=already escaped"`);
    const names = ['manifest.json', 'areas.geojson', 'flows.csv'];
    const reopened = importFiles(names.map((n) => ({ name: n, bytes: new Uint8Array(readFileSync(join(out, n))) })));
    expect(reopened.dataset.flows.map((f) => f.dest).sort()).toEqual(HOSTILE_IDS.slice(1).sort());
    expect(new Set(reopened.dataset.flows.map((f) => f.origin))).toEqual(new Set([HOSTILE_IDS[0]]));
  });

  it('a hostile incident cell id never reaches incidents.csv: it is not an H3 cell', () => {
    const dir = workspace({
      'locations.csv': 'id,name,lat,lon\nA,Alpha,51.5,-0.1\nB,Beta,51.36,1.38\n',
      'flows.csv': 'origin,dest,count,period\nA,B,40,2024-Q1\n',
      'cells.csv': 'cell,period,count\n871fb4662ffffff,2024-Q1,20\n"=1+1",2024-Q1,20\n',
    });
    const out = join(dir, 'out');
    const result = run([
      'build',
      join(dir, 'locations.csv'),
      join(dir, 'flows.csv'),
      join(dir, 'cells.csv'),
      '--out',
      out,
    ]);
    expect(result.code).toBe(1);
    expect(result.err).toBe('error: cells.csv: row 3, field "cell": "=1+1" is not an H3 cell');
    expect(existsSync(out)).toBe(false);
  });

  it('hotspots output neutralises ids; negative z-scores stay numbers', () => {
    const ids = ['=A', '+B', '@C', '-D', 'E'];
    const dir = workspace({
      'values.csv': ['id,value', ...ids.map((id, i) => `"${id}",${[1, 2, 9, 12, 3][i]}`)].join('\n') + '\n',
      // A ring: each id neighbours the next (.gal: "id count" then the neighbours' line).
      'w.gal': `0 ${ids.length}\n${ids.map((id, i) => `${id} 1\n${ids[(i + 1) % ids.length]}`).join('\n')}\n`,
    });
    const result = run(['hotspots', join(dir, 'values.csv'), '--weights', join(dir, 'w.gal')]);
    expect(result.code, result.err).toBe(0);
    expectNoFormulaCells(result.out);
    const rows = Papa.parse<string[]>(result.out, { skipEmptyLines: true }).data;
    expect(rows.slice(1).map((r) => r[0])).toEqual(["'=A", "'+B", "'@C", "'-D", 'E']);
    expect(rows.slice(1).some((r) => Number(r[2]) < 0)).toBe(true);
  });

  it('a bare CR inside a written cell is quoted, so it cannot start a new row', () => {
    const dir = workspace({
      'locations.csv': 'id,name,lat,lon\n"A\rB",Alpha,51.5,-0.1\nC,Beta,51.36,1.38\n',
      'flows.csv': 'origin,dest,count,period\n"A\rB",C,40,2024-Q1\n',
    });
    const out = join(dir, 'out');
    expect(run(['import-flowmap', join(dir, 'locations.csv'), join(dir, 'flows.csv'), '--out', out]).code).toBe(0);
    const written = readFileSync(join(out, 'flows.csv'), 'utf8');
    expect(written).toContain('"A\rB",C,2024-Q1,40');
    expect(Papa.parse(written, { header: true, skipEmptyLines: true }).data).toHaveLength(1);
  });

  it('disclosure-report.md keeps hostile column names and file names as text', () => {
    const hostile = [
      '<img src=x onerror=alert(1)>',
      'a`b` <b>bold</b>',
      '`` ``<script>x</script>',
      '*em* [link](http://example.org)',
    ];
    const header = ['origin', 'dest', 'count', 'period', ...hostile.map((h) => `"${h}"`)].join(',');
    const dir = workspace({
      'locations.csv': 'id,name,lat,lon\nA,Alpha,51.5,-0.1\nB,Beta,51.36,1.38\n',
      '<img src=x onerror=alert(2)>.csv': `${header}\nA,B,40,2024-Q1,1,2,3,4\n`,
    });
    const out = join(dir, 'out');
    const result = run([
      'build',
      join(dir, 'locations.csv'),
      join(dir, '<img src=x onerror=alert(2)>.csv'),
      '--out',
      out,
    ]);
    expect(result.code, result.err).toBe(0);
    const markdown = readFileSync(join(out, 'disclosure-report.md'), 'utf8');
    // Rendered as GitHub would (CommonMark, raw HTML allowed): no element comes from the input.
    const html = new MarkdownIt({ html: true }).render(markdown);
    expect(html).not.toMatch(/<(img|b|i|script|em|a)[\s>]/);
    for (const name of hostile) expect(html).toContain(new MarkdownIt().utils.escapeHtml(name));
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;.csv');
  });
});

describe('validating what is given', () => {
  const real = '../shared/fixtures-real/lad-london.geojson';
  it.skipIf(!existsSync(real))('a boundary file alone validates, with a note that a build needs flows', () => {
    const result = run(['validate', real]);
    expect(result.code, result.err).toBe(0);
    expect(result.out).toContain('OK: 33 areas, 0 flows');
    expect(result.out).toContain('note: no flows given; a build needs a flows CSV');
    expect(run(['build', real, '--out', join(tmpdir(), 'never-written')]).err).toContain('no flows given');
  });
});

describe('text from inputs, made fit to show', () => {
  it('control characters visible, long text cut, names shortened for labels and tooltips', async () => {
    const { visibleText } = await import('../../src/data/problems');
    const { shortName } = await import('../../src/data/format');
    expect(visibleText('a\u0000b\tc\u007f')).toBe('a\u2400b\u2409c\u2421');
    expect(visibleText('x'.repeat(500), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(shortName('N'.repeat(10_000)).length).toBe(60);
    expect(shortName('Thanet\u202e evil')).toBe('Thanet evil');
  });
});
