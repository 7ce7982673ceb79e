/**
 * No silent failure from the command line: every way a command cannot do what was asked ends in
 * a message that names the file (briefly) and a non-zero exit, never a stack trace, never "0 rows"
 * and exit 0, never a default written in place of what was asked.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main as dataCli } from '../../src/cli/data';
import { scenesNamed, main as snapshotCli } from '../../scripts/snapshot';
import { runCli, runMain } from './run-cli';

const HEADER =
  'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';
const ROW = 'id1,2024-01,Kent Police,Kent Police,1.380,51.3890,On or near Harbour Street,E01024200,Thanet 001A,Drugs,,';

const folder = () => mkdtempSync(join(tmpdir(), 'atlas-fail-'));

async function policeUk(files: Record<string, string | Buffer>, out?: string) {
  const dir = folder();
  for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
  const result = await runMain(dataCli, ['police-uk', dir, '--out', out ?? join(dir, 'pub')]);
  return { ...result, dir };
}

/** A failure the way users should see it: exit 1, short lines, no stack, nothing written. */
function expectRefusal(result: { code: number; err: string; out: string }, message: string) {
  expect(result.code).toBe(1);
  expect(result.err).toContain(message);
  expect(result.err).not.toMatch(/\n\s+at |node:internal|Error: /);
  for (const line of result.err.split('\n')) expect(line.length).toBeLessThan(400);
}

describe('police-uk refuses what it cannot read', () => {
  it('an existing file or an impossible path as --out', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'taken'), 'x');
    const asFile = await policeUk({ '2024-01-kent-street.csv': `${HEADER}\n${ROW}\n` }, join(dir, 'taken'));
    expectRefusal(asFile, `${join(dir, 'taken')}: is a file; --out needs a folder`);
    const impossible = await policeUk({ '2024-01-kent-street.csv': `${HEADER}\n${ROW}\n` }, join(dir, 'taken', 'sub'));
    expectRefusal(impossible, `cannot be made: ${join(dir, 'taken')} is a file, not a folder`);
  });

  it('a 0-byte file, a header alone, and one 5 MB line without a line break', async () => {
    expectRefusal(await policeUk({ '2024-01-a-street.csv': '' }), '2024-01-a-street.csv: is empty (0 bytes)');
    expectRefusal(
      await policeUk({ '2024-01-b-street.csv': `${HEADER}\n` }),
      '2024-01-b-street.csv: has no rows of crimes',
    );
    const long = await policeUk({ '2024-01-c-street.csv': 'x'.repeat(5_000_000) });
    expectRefusal(long, '2024-01-c-street.csv: has no rows of crimes');
    expect(existsSync(join(long.dir, 'pub'))).toBe(false);
  });

  it('rows that are not UTF-8 are named, not counted as other crime types', async () => {
    const latin1 = Buffer.concat([
      Buffer.from(`${HEADER}\n${ROW}\n`),
      Buffer.from('id2,2024-01,Kent Police,Kent Police,1.380,51.3890,On or near Caf'),
      Buffer.from([0xe9]),
      Buffer.from(' Street,E01024200,Thanet 001A,Drugs,,\n'),
    ]);
    expectRefusal(
      await policeUk({ '2024-01-kent-street.csv': latin1 }),
      '2024-01-kent-street.csv: row 3: is not UTF-8 text (police.uk files are UTF-8)',
    );
  });

  it('a symlink loop is named briefly', async () => {
    const dir = folder();
    const deep = join(dir, 'download', 'kent');
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(deep, '2024-01-kent-street.csv'), `${HEADER}\n${ROW}\n`);
    symlinkSync(join(dir, 'download'), join(deep, 'back'));
    const result = await runMain(dataCli, ['police-uk', join(dir, 'download'), '--out', join(dir, 'pub')]);
    expectRefusal(result, 'kent/back leads back to a folder already read (a symlink loop)');
    expect(result.err.length).toBeLessThan(300);
  });
});

describe('statistics say when they are not defined', () => {
  it('moran: constant values are refused with the reason, never p = 0.001 beside a blank I', () => {
    const dir = folder();
    writeFileSync(join(dir, 'v.csv'), 'id,value\nA,5\nB,5\nC,5\nD,5\n');
    writeFileSync(join(dir, 'w.gal'), '4\nA 1\nB\nB 2\nA C\nC 2\nB D\nD 1\nC\n');
    const result = runCli(['moran', join(dir, 'v.csv'), '--weights', join(dir, 'w.gal')]);
    expectRefusal(result, "v.csv: Moran's I and General G are not defined here: every id has the same value");
    expect(result.out).toBe('');
  });

  it('moran: islands are named in a warning', () => {
    const dir = folder();
    writeFileSync(join(dir, 'v.csv'), 'id,value\nA,1\nB,4\nC,2\nD,8\nE,3\n');
    writeFileSync(join(dir, 'w.gal'), '5\nA 1\nB\nB 2\nA C\nC 1\nB\nD 0\n\nE 0\n\n');
    const result = runCli(['moran', join(dir, 'v.csv'), '--weights', join(dir, 'w.gal')]);
    expect(result.code, result.err).toBe(0);
    expect(result.err).toBe(
      'warning: 2 of 5 ids have no neighbour (islands), so they count in the mean but in no neighbourhood: "D", "E"',
    );
  });

  it('emerging: counts that break the rule are refused as the map refuses them', () => {
    const dir = folder();
    writeFileSync(
      join(dir, 'incidents.csv'),
      'cell,period,count\n871f1d4b3ffffff,2024-Q1,15\n871f1d4b3ffffff,2024-Q2,3\n871f1d4b3ffffff,2024-Q3,[c]\n',
    );
    const result = runCli(['emerging', join(dir, 'incidents.csv')]);
    expectRefusal(
      result,
      'incidents.csv: row 3, field "count": a count under the threshold (10), which the dataset\'s disclosure rule suppresses; refused',
    );
    expect(result.err).not.toMatch(/\b3\b(?!,)/);
  });
});

describe('snapshot checks what it was asked before it renders', () => {
  it('--out into a folder that cannot be made fails at once, naming it', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'file'), 'x');
    const started = performance.now();
    const result = await runMain(snapshotCli, ['--out', join(dir, 'file', 'map.png')]);
    expectRefusal(
      result,
      `${join(dir, 'file', 'map.png')}: cannot be made: ${join(dir, 'file')} is a file, not a folder`,
    );
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('--briefing with a dataset that does not exist: a message, exit 1, no file', async () => {
    mkdirSync('data/briefings', { recursive: true });
    const briefing = join('data/briefings', `missing-dataset-${process.pid}.json`);
    writeFileSync(
      briefing,
      JSON.stringify({ title: 'B', dataset: '../nowhere/manifest.json', scenes: [{ title: 'One' }] }),
    );
    const out = join(folder(), 'shots');
    try {
      const result = await runMain(snapshotCli, ['--briefing', briefing, '--out-dir', out]);
      expectRefusal(result, 'cannot be read (the dataset named by');
      expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    } finally {
      writeFileSync(briefing, '');
      const { rmSync } = await import('node:fs');
      rmSync(briefing);
    }
  });
});

describe('snapshot --scenes names scenes as the presenter numbers them', () => {
  it('reads numbers and ranges from 1, in briefing order, each once', () => {
    expect(scenesNamed(undefined, 3)).toEqual([0, 1, 2]);
    expect(scenesNamed('2', 7)).toEqual([1]);
    expect(scenesNamed('6,2-3, 2', 7)).toEqual([1, 2, 5]);
    expect(scenesNamed('1-7', 7)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('a scene the briefing lacks, or words, are bad usage naming the range, never an empty run', () => {
    for (const spec of ['0', '8', '3-9', '5-2', 'two', '', '1,,2', '-1'])
      expect(() => scenesNamed(spec, 7), spec).toThrow('give scene numbers from 1 to 7');
  });

  it('exits 2 with the usage text before a browser starts', async () => {
    const out = join(folder(), 'shots');
    const tooFar = await runMain(snapshotCli, [
      '--briefing',
      'data/briefings/sample.json',
      '--scenes',
      '9',
      '--out-dir',
      out,
    ]);
    expect(tooFar).toMatchObject({ code: 2 });
    expect(tooFar.err).toContain('--scenes "9": give scene numbers from 1 to 7');
    expect(tooFar.err).toContain('usage:');
    const noBriefing = await runMain(snapshotCli, ['--scenes', '1', '--out', join(out, 'x.png')]);
    expect(noBriefing).toMatchObject({ code: 2 });
    expect(noBriefing.err).toContain('--scenes picks scenes of a --briefing');
    expect(existsSync(out)).toBe(false);
  });
});
