/**
 * The contract of a data CLI command: its name, its usage lines, the options it takes and how it
 * runs. `src/cli/data.ts` keeps the table of commands; adding a command is one file in
 * `src/cli/commands/` and one line in that table.
 */
import type { ParseArgsConfig } from 'node:util';

export type Print = (line: string) => void;

/** What a command prints to: standard output (results) and standard error (problems, notes). */
export interface CommandIo {
  out: Print;
  err: Print;
}

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** Parsed arguments: option values by name (strings, or booleans for flags), then positionals. */
export interface CommandArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

export interface Command {
  name: string;
  /** One line (or more) after `npm run data -- `: the command, its arguments and options. */
  usage: string;
  options: OptionSpec;
  /** The exit code: 0 done. Problems are thrown (DataError, UsageError) and printed by the caller. */
  run(args: CommandArgs, io: CommandIo): number | Promise<number>;
}

/** The value of a string option (parseArgs types every value as string | boolean). */
export const text = (args: CommandArgs, name: string): string | undefined => {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
};
