/**
 * The data CLI: the same importers, checks and disclosure control as the app, for files on disk.
 * Every command is one module in `src/cli/commands/` (the `Command` contract, `command.ts`):
 *
 *   validate        check files as build would read them; writes nothing
 *   build           raw or published inputs → a published dataset folder with its disclosure report
 *   import-flowmap  a flowmap.blue locations + flows pair → a published dataset folder
 *   hotspots        Getis-Ord Gi* of `id,value` rows (CSV to stdout)
 *   moran           global clustering: Moran's I and General G (CSV to stdout)
 *   emerging        emerging hot-spot classes of a published incidents file (CSV to stdout)
 *   change          the change between two periods that the map's change mode draws (CSV to stdout)
 *   police-uk       police.uk street-level files → published incident cells and their report
 *
 * Exit codes: 0 success, 1 bad input (every problem printed), 2 bad usage.
 */
import { parseArgs } from 'node:util';
import type { Command, Print } from './command';
import { build, importFlowmap } from './commands/build';
import { change } from './commands/change';
import { emerging } from './commands/emerging';
import { hotspots } from './commands/hotspots';
import { moran } from './commands/moran';
import { policeUk } from './commands/police-uk';
import { validate } from './commands/validate';
import { exitCodeFor, UsageError } from './exit';
import { OPTION_HELP } from './inputs';

export const COMMANDS: readonly Command[] = [
  validate,
  build,
  importFlowmap,
  hotspots,
  policeUk,
  moran,
  emerging,
  change,
];

const USAGE = `usage:
${COMMANDS.map((c) => `  npm run data -- ${c.usage}`).join('\n')}

${OPTION_HELP}
  --measure        build: what a flow count counts, in words; change: a further measure's id
  --origins        change: merge exporting areas into their groups as the national map does (grouped,
                   the default) or not (separate)`;

/** Runs one command; a promise only for commands that stream (police-uk). */
export function main(argv: string[], out: Print = console.log, err: Print = console.error): number | Promise<number> {
  const [name, ...rest] = argv;
  const fail = (error: unknown) => exitCodeFor(error, USAGE, err);
  try {
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) throw new UsageError(name ? `unknown command "${name}"` : 'no command given');
    const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: command.options });
    const code = command.run({ values, positionals }, { out, err });
    return typeof code === 'number' ? code : code.catch(fail);
  } catch (error) {
    return fail(error);
  }
}

if (process.argv[1] && /cli[\\/]data\.ts$/.test(process.argv[1]))
  void Promise.resolve(main(process.argv.slice(2))).then((code) => {
    process.exitCode = code;
  });
