/**
 * Every bad input in tests/fixtures/bad/ must give its exact expected message (expected.json), and
 * the inputs that load with a warning must say so. A case is a file, or a folder of files opened
 * together (as a user would drop them).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles, type ImportOptions, type InputFile } from '../../src/data/io/import';
import { DataError, formatProblem } from '../../src/data/problems';

const DIR = 'tests/fixtures/bad';
type Expectation = string | { message?: string; warning?: string; options?: ImportOptions };
const expected: Record<string, Expectation> = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8'));

function filesOf(name: string): InputFile[] {
  const path = join(DIR, name);
  const paths = statSync(path).isDirectory()
    ? readdirSync(path)
        .sort()
        .map((f) => join(path, f))
    : [path];
  return paths.map((p) => ({ name: p.split('/').pop()!, bytes: new Uint8Array(readFileSync(p)) }));
}

function outcome(name: string, options?: ImportOptions): { errors: string[]; warnings: string[] } {
  try {
    const result = importFiles(filesOf(name), options);
    return { errors: [], warnings: result.warnings.map(formatProblem) };
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    return { errors: error.problems.filter((p) => p.severity === 'error').map(formatProblem), warnings: [] };
  }
}

describe('bad inputs give precise messages', () => {
  it('has at least 30 error cases, and a case for every fixture', () => {
    const cases = Object.entries(expected).filter(([, e]) => typeof e === 'string' || e.message);
    expect(cases.length).toBeGreaterThanOrEqual(30);
    const fixtures = readdirSync(DIR).filter((f) => f !== 'expected.json' && f !== 'README.md');
    expect(fixtures.sort()).toEqual(Object.keys(expected).sort());
  });

  for (const [name, expectation] of Object.entries(expected)) {
    const { message, warning, options } =
      typeof expectation === 'string' ? { message: expectation, warning: undefined, options: undefined } : expectation;
    it(name, () => {
      const { errors, warnings } = outcome(name, options);
      if (message) expect(errors).toContain(message);
      if (warning) {
        expect(errors).toEqual([]);
        expect(warnings).toContain(warning);
      }
    });
  }
});
