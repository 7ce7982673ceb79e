/**
 * What the data CLI's commands share: reading input files (a folder stands for the data files in
 * it), the numeric options and their ranges, and the import options every reading command takes.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ImportOptions, InputFile } from '../data/io/import';
import { DataError } from '../data/problems';
import { disclosureSchema, H3_RESOLUTION_RANGE } from '../data/schema';
import { text, type CommandArgs, type OptionSpec } from './command';
import { UsageError } from './exit';

export const DEFAULT_THRESHOLD = disclosureSchema.shape.threshold.parse(undefined);

/**
 * What each numeric option may be. The H3 range is the published format's own (a finer cell could
 * single out a street); the threshold cannot go under 5, the lowest rule UK statistical bodies
 * use; past 10 rings Gi* no longer looks at a neighbourhood (and the ring sizes grow as 3k²).
 */
export const OPTION_RANGES = {
  threshold: [5, 1000],
  'h3-resolution': H3_RESOLUTION_RANGE,
  k: [1, 10],
  'time-step': [0, 12],
} as const satisfies Record<string, readonly [number, number]>;

/** Usage lines for the options with ranges, shown under the commands. */
export const OPTION_HELP = `  --threshold      suppress counts under N; 5 to 1000 (default 10)
  --rounding       round published counts to a multiple of N; 1 to the threshold (default 5)
  --h3-resolution  incident cell size; 0 (coarsest) to 9 (about 0.1 km² a cell) (default 7, about 5 km²)
  --k              Gi* neighbourhood in H3 rings; 1 to 10 (default 1)
  --time-step      emerging: earlier periods in each bin's neighbourhood; 0 to 12 (default 1)`;

/** A whole number within [min, max], or a usage error that says the range. */
export function wholeOption(
  name: string,
  value: string | undefined,
  [min, max]: readonly [number, number],
): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= min && n <= max))
    throw new UsageError(`--${name} needs a whole number from ${min} to ${max}, got "${value}"`);
  return n;
}

/** The disclosure rule options (`--threshold`, `--rounding`). */
export const RULE_OPTIONS: OptionSpec = { threshold: { type: 'string' }, rounding: { type: 'string' } };

/** The options of every command that reads a dataset's files. */
export const IMPORT_OPTIONS: OptionSpec = {
  ...RULE_OPTIONS,
  'h3-resolution': { type: 'string' },
  'id-field': { type: 'string' },
  'name-field': { type: 'string' },
};

/** The disclosure rule asked for: each value only where given (a dataset's own rule applies otherwise). */
export function ruleOptions(args: CommandArgs): NonNullable<ImportOptions['disclosure']> {
  const threshold = wholeOption('threshold', text(args, 'threshold'), OPTION_RANGES.threshold);
  const rounding = text(args, 'rounding');
  return {
    ...(threshold !== undefined ? { threshold } : {}),
    ...(rounding !== undefined
      ? { roundingBase: wholeOption('rounding', rounding, [1, threshold ?? DEFAULT_THRESHOLD]) }
      : {}),
  };
}

export function importOptions(args: CommandArgs): ImportOptions {
  return {
    acceptRawPoints: true,
    disclosure: ruleOptions(args),
    h3Resolution: wholeOption('h3-resolution', text(args, 'h3-resolution'), OPTION_RANGES['h3-resolution']),
    areaMapping: { idField: text(args, 'id-field'), nameField: text(args, 'name-field') },
  };
}

const DATA_FILE = /\.(json|geojson|csv)$/i;

/** One file's bytes, or a DataError naming it and why it cannot be read. */
export function readInput(path: string): InputFile {
  try {
    return { name: basename(path), bytes: new Uint8Array(readFileSync(path)) };
  } catch (error) {
    throw new DataError([
      {
        severity: 'error',
        file: path,
        message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      },
    ]);
  }
}

/** Files as given; a folder stands for the data files in it (e.g. a published dataset). */
export function readInputs(paths: string[]): InputFile[] {
  if (paths.length === 0) throw new UsageError('no input files given');
  const expanded = paths.flatMap((path) => {
    try {
      if (statSync(path).isDirectory())
        return readdirSync(path)
          .filter((name) => DATA_FILE.test(name) && !name.startsWith('disclosure-report'))
          .sort()
          .map((name) => join(path, name));
    } catch {
      // reported below, when reading
    }
    return [path];
  });
  const notData = expanded.filter((path) => !DATA_FILE.test(path));
  if (notData.length)
    throw new DataError(
      notData.map((path) => ({
        severity: 'error',
        file: path,
        message: 'is not a data file: give .json, .geojson or .csv files, or a folder of them',
      })),
    );
  return expanded.map(readInput);
}
