/**
 * Nothing that leaves the analyst's machine lets a suppressed count be recovered: not the
 * published files, not the disclosure report, not what the CLI prints, not a message. The cases
 * are the ones a motivated intruder would try: a raw total beside a published part ("17 points"
 * beside a published 13 gives the suppressed 4), and messages that quote the values they refuse.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { main as dataCli } from '../../src/cli/data';
import { revealedByTotals } from '../../src/data/disclosure/secondary-suppression';
import { importFiles } from '../../src/data/io/import';
import { main as packCli } from '../../scripts/pack';
import { problemMessages } from './problem-messages';
import { runCli, runMain } from './run-cli';

const workspace = (files: Record<string, string>) => {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-disclosure-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
};

/** Every file a command wrote, by name. */
const written = (dir: string) =>
  Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));

/**
 * The whole numbers standing alone in a text (not part of a decimal, an id or a hex cell), so
 * "3" is found in "3 rows" but not in "51.3", "2024-Q3" or "871f1d4b3ffffff".
 */
const wholeNumbers = (text: string) => new Set(text.match(/(?<![\w.])\d+(?![\w.])/g) ?? []);

function expectNone(outputs: Record<string, string>, forbidden: number[]) {
  const found = Object.entries(outputs).flatMap(([name, text]) =>
    forbidden.filter((n) => wholeNumbers(text).has(String(n))).map((n) => `${n} in ${name}`),
  );
  expect(found).toEqual([]);
}

/** Eight areas: three routes out of A, B and C, so no count of areas or rows equals a raw value. */
const LOCATIONS = [
  'id,name,lat,lon',
  'A,Alpha,51.51,-0.12',
  'B,Bravo,53.41,-2.98',
  'C,Charlie,52.48,-1.89',
  'X,Xray,51.36,1.38',
  'Y,Yankee,50.26,-5.05',
  'Z,Zulu,51.48,-3.18',
  'V,Victor,51.28,1.08',
  'W,Whiskey,51.62,-3.94',
].join('\n');

/** Thirteen incidents at the harbour, four in Cornwall: published as 13 and [c] at rounding 1. */
const POINTS = [
  'lat,lon,period',
  ...Array.from({ length: 13 }, () => '51.3365,1.4187,2024-Q1'),
  ...Array.from({ length: 4 }, () => '50.2660,-5.0527,2024-Q1'),
].join('\n');

describe('no output gives back a suppressed count', () => {
  it('build: a flow of 3 beside one of 40, and 13 points beside 4, at --rounding 1', () => {
    const dir = workspace({
      'locations.csv': LOCATIONS,
      // A→X (3) is alone in its column: it cannot be hidden by another, so the total into X is unsafe.
      'flows.csv':
        'origin,dest,count,period\nA,X,3,2024-Q1\nA,Y,40,2024-Q1\nB,Z,50,2024-Q1\nC,V,60,2024-Q1\nC,W,70,2024-Q1\n',
      'points.csv': POINTS,
    });
    const out = join(dir, 'pub');
    const result = runCli(['build', dir, '--out', out, '--rounding', '1']);
    expect(result.code, result.err).toBe(0);
    const files = written(out);
    expect(files['incidents.csv']).toContain(`${latLngToCell(51.3365, 1.4187, 7)},2024-Q1,13`);
    expect(files['incidents.csv']).toContain(`${latLngToCell(50.266, -5.0527, 7)},2024-Q1,[c]`);
    expect(files['flows.csv']).toContain('A,X,2024-Q1,[c]');
    expect(files['flows.csv']).toContain('A,Y,2024-Q1,40');
    // The raw values under the threshold (3, 4) and the raw totals (43 = 3 + 40, 17 = 13 + 4).
    expectNone({ ...files, stdout: result.out, stderr: result.err }, [3, 4, 43, 17]);
    // What the report does say: rows and [c]s of the published files, and the unsafe total.
    expect(files['disclosure-report.md']).toContain('flows.csv: 5 rows; 1 row suppressed (`[c]`).');
    expect(files['disclosure-report.md']).toContain('2024-Q1: total out of `A`, total into `X`');
    expect(JSON.parse(files['disclosure-report.json']).incidents).toEqual({ resolution: 7, cells: 2, suppressed: 1 });
  });

  it('police-uk: 13 and 4 crimes in two cells print and report cells, never 17', async () => {
    const header =
      'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';
    const row = (lon: number, lat: number) =>
      `id,2024-01,Kent Police,Kent Police,${lon},${lat},On or near X,E01,Thanet 001,Drugs,,`;
    const dir = workspace({
      '2024-01-kent-street.csv': [
        header,
        ...Array.from({ length: 13 }, () => row(1.4187, 51.3365)),
        ...Array.from({ length: 4 }, () => row(1.0813, 51.2802)),
        `id,2024-01,Kent Police,Kent Police,1.1,51.3,On or near Y,E01,Thanet 002,Shoplifting,,`,
      ].join('\n'),
    });
    const out = join(dir, 'pub');
    const result = await runMain(dataCli, ['police-uk', dir, '--out', out, '--rounding', '1']);
    expect(result.code, result.err).toBe(0);
    expect(result.out).toContain('wrote incidents.csv (2 cells, 1 suppressed)');
    expectNone({ ...written(out), stdout: result.out }, [4, 17, 18]);
  });

  it('a published file holding raw counts is refused by row and field, never by value', () => {
    const manifest = {
      title: 'Raw by mistake',
      source: 'Test',
      licence: 'OGL',
      flowMeasure: 'lines',
      h3Resolution: 7,
      disclosure: { threshold: 10, roundingBase: 5 },
      files: { areas: 'areas.geojson', flows: 'flows.csv' },
    };
    const area = (id: string, lon: number) => ({
      type: 'Feature',
      properties: { id, name: id, role: id === 'A' ? 'origin' : 'destination', centroid: [lon, 51] },
      geometry: { type: 'Point', coordinates: [lon, 51] },
    });
    const encode = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
    const messages = problemMessages(() =>
      importFiles([
        encode('manifest.json', JSON.stringify(manifest)),
        encode('areas.geojson', JSON.stringify({ type: 'FeatureCollection', features: [area('A', 0), area('B', 1)] })),
        encode(
          'flows.csv',
          'origin,dest,period,count\nA,B,2024-Q1,3\nA,B,2024-Q2,7\nA,B,2024-Q3,[c]\nA,B,2024-Q4,13\n',
        ),
      ]),
    );
    expect(messages).toEqual([
      `flows.csv: row 2, field "count": a count under the threshold (10), which the dataset's disclosure rule suppresses; refused`,
      `flows.csv: row 3, field "count": a count under the threshold (10), which the dataset's disclosure rule suppresses; refused`,
      `flows.csv: row 5, field "count": a count not rounded to a multiple of 5, as the dataset's disclosure rule requires; refused`,
    ]);
  });

  it('pack: a briefing whose dataset holds raw counts exits 1 and writes nothing', async () => {
    const dir = workspace({
      'manifest.json': JSON.stringify({
        title: 'Raw',
        source: 'Test',
        licence: 'OGL',
        flowMeasure: 'lines',
        h3Resolution: 7,
        disclosure: { threshold: 10, roundingBase: 5 },
        files: { areas: 'areas.geojson', flows: 'flows.csv' },
      }),
      'areas.geojson': readFileSync('data/sample/areas.geojson', 'utf8'),
      'flows.csv':
        'origin,dest,period,count\nE09000022,E07000114,2024-Q1,6\nE09000022,E06000052,2024-Q1,8\nE09000028,E07000114,2024-Q1,9\n',
      'b.json': JSON.stringify({ title: 'B', dataset: 'manifest.json', scenes: [{ title: 'One' }] }),
    });
    const out = join(dir, 'pack.html');
    const result = await runMain(packCli, ['--briefing', join(dir, 'b.json'), '--out', out]);
    expect(result.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(result.err).toContain('flows.csv: row 2, field "count": a count under the threshold (10)');
    // Rows 2 to 4 are named; the values 6, 8 and 9 (and their sums) never are.
    expectNone({ stderr: result.err, stdout: result.out }, [6, 8, 9, 14, 15, 17, 23]);
  });

  it('pack: a scene naming a period or an area the dataset lacks exits 1 and writes nothing', async () => {
    const dir = workspace({
      'b.json': JSON.stringify({
        title: 'B',
        dataset: join(process.cwd(), 'data/sample/manifest.json'),
        scenes: [{ title: 'Later', view: { period: '2031-Q1', selection: { id: 'E99999999' } } }],
      }),
    });
    const out = join(dir, 'pack.html');
    const result = await runMain(packCli, ['--briefing', join(dir, 'b.json'), '--out', out]);
    expect(result.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(result.err.split('\n')).toEqual([
      'error: b.json: scene 1 ("Later"), field "view.period": "2031-Q1" is not a period of the dataset (it has 2016-Q1 to 2024-Q4)',
      'error: b.json: scene 1 ("Later"), field "view.selection": no area of the dataset has id "E99999999"',
    ]);
  });
});

/** One period's table as published: the [c] cells that totals would give back, found by brute force. */
function recoverableByBruteForce(rows: { origin: string; dest: string; count: number | null }[]): string[] {
  // A suppressed cell is recoverable iff its ends fall apart when it is taken out of the graph of
  // suppressed cells (rows and columns as nodes): then a sum of totals isolates it.
  const suppressed = rows.filter((r) => r.count === null);
  return suppressed
    .filter((cell) => {
      const rest = suppressed.filter((other) => other !== cell);
      const seen = new Set([`r:${cell.origin}`]);
      const queue = [`r:${cell.origin}`];
      while (queue.length) {
        const node = queue.pop()!;
        for (const e of rest)
          for (const [a, b] of [
            [`r:${e.origin}`, `c:${e.dest}`],
            [`c:${e.dest}`, `r:${e.origin}`],
          ])
            if (a === node && !seen.has(b)) {
              seen.add(b);
              queue.push(b);
            }
      }
      return !seen.has(`c:${cell.dest}`);
    })
    .map((c) => `${c.origin}>${c.dest}`)
    .sort();
}

describe('the disclosure report, over random small tables', () => {
  const ids = ['A', 'B', 'C', 'D'];
  const table = fc.uniqueArray(
    fc.record({
      origin: fc.constantFrom(...ids),
      dest: fc.constantFrom('P', 'Q', 'R', 'S'),
      period: fc.constantFrom('2024-Q1', '2024-Q2'),
      count: fc.oneof(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 10, max: 90 })),
    }),
    { minLength: 1, maxLength: 12, selector: (r) => `${r.origin}${r.dest}${r.period}` },
  );
  const locations = [
    'id,name,lat,lon',
    ...['A', 'B', 'C', 'D', 'P', 'Q', 'R', 'S'].map((id, i) => `${id},Area ${id},${50.5 + i * 0.3},${-4 + i * 0.6}`),
  ].join('\n');

  it('holds only numbers the published files give, and names exactly the totals they would reveal', () => {
    fc.assert(
      fc.property(table, fc.constantFrom(1, 5), (rows, rounding) => {
        const dir = workspace({
          'locations.csv': locations,
          'flows.csv': `origin,dest,period,count\n${rows.map((r) => `${r.origin},${r.dest},${r.period},${r.count}`).join('\n')}\n`,
        });
        const out = join(dir, 'pub');
        const result = runCli(['build', dir, '--out', out, '--rounding', String(rounding)]);
        expect(result.code, result.err).toBe(0);
        // Read back only what is published.
        const published = readFileSync(join(out, 'flows.csv'), 'utf8')
          .trim()
          .split('\n')
          .slice(1)
          .map((line) => {
            const [origin, dest, period, count] = line.split(',');
            return { origin, dest, period, count: count === '[c]' ? null : Number(count) };
          });
        const report = JSON.parse(readFileSync(join(out, 'disclosure-report.json'), 'utf8'));
        expect(report.flows).toEqual({
          rows: published.length,
          suppressed: published.filter((r) => r.count === null).length,
        });
        const periods = [...new Set(published.map((r) => r.period))].sort();
        expect(
          report.unsafeTotals.map(
            (u: { period: string; origin: string; dest: string }) => `${u.period} ${u.origin}>${u.dest}`,
          ),
        ).toEqual(
          periods.flatMap((p) =>
            recoverableByBruteForce(published.filter((r) => r.period === p)).map((k) => `${p} ${k}`),
          ),
        );
        // Every whole number in the Markdown is one of those, the rule's, or a year.
        const allowed = new Set([report.flows.rows, report.flows.suppressed, 10, rounding, 2024].map(String));
        const markdown = readFileSync(join(out, 'disclosure-report.md'), 'utf8');
        expect([...wholeNumbers(markdown)].filter((n) => !allowed.has(n))).toEqual([]);
        // And what the CLI printed: rows, [c]s and areas as published (8 areas, or fewer in use).
        const areasShown = JSON.parse(readFileSync(join(out, 'areas.geojson'), 'utf8')).features.length;
        const printed = new Set([
          ...allowed,
          String(areasShown),
          String(periods.length),
          String(report.unsafeTotals.length),
          '8',
          String(8 - areasShown),
        ]);
        // The paths it names are the test's own folder (mkdtemp's six random characters are all
        // digits about once in 60,000 folders), not numbers from the table.
        const printedText = result.out.replaceAll(dir, '<folder>');
        expect([...wholeNumbers(printedText)].filter((n) => !printed.has(n))).toEqual([]);
      }),
      { seed: 20261204, numRuns: 60 },
    );
  });

  it('the same published table gives the same report, whatever raw values lay behind it', () => {
    // 3 and 7 are both suppressed, 41 and 39 both publish as 40: the report cannot tell them apart.
    const build = (small: number, large: number) => {
      const dir = workspace({
        'locations.csv': locations,
        'flows.csv': `origin,dest,count,period\nA,P,${small},2024-Q1\nA,Q,${large},2024-Q1\nB,P,25,2024-Q1\nB,Q,30,2024-Q1\nC,R,60,2024-Q1\n`,
      });
      expect(runCli(['build', dir, '--out', join(dir, 'pub')]).code).toBe(0);
      return ['flows.csv', 'disclosure-report.md', 'disclosure-report.json'].map((n) =>
        readFileSync(join(dir, 'pub', n), 'utf8'),
      );
    };
    expect(build(3, 41)).toEqual(build(7, 39));
  });
});

describe('revealedByTotals', () => {
  it('agrees with the brute force on a cycle and a lone cell', () => {
    const cells = [
      { row: 'A', col: 'P', value: 1, suppressed: true },
      { row: 'A', col: 'Q', value: 1, suppressed: true },
      { row: 'B', col: 'P', value: 1, suppressed: true },
      { row: 'B', col: 'Q', value: 1, suppressed: true },
      { row: 'C', col: 'R', value: 1, suppressed: true },
      { row: 'C', col: 'P', value: 40, suppressed: false },
    ];
    expect(revealedByTotals(cells).map((c) => `${c.row}>${c.col}`)).toEqual(['C>R']);
  });
});
