/** Runs a CLI's `main` in-process, collecting what it prints and how long it took. */
import { main } from '../../src/cli/data';

type Print = (line: string) => void;

function collecting() {
  const out: string[] = [];
  const err: string[] = [];
  const started = performance.now();
  return {
    out: (l: string) => out.push(l),
    err: (l: string) => err.push(l),
    result: (code: number) => ({ code, out: out.join('\n'), err: err.join('\n'), ms: performance.now() - started }),
  };
}

/** A CLI whose `main` may be async (pack, snapshot). */
export async function runMain(
  cli: (argv: string[], out: Print, err: Print) => number | Promise<number>,
  args: string[],
) {
  const io = collecting();
  return io.result(await cli(args, io.out, io.err));
}

/** The data CLI, which answers synchronously. */
export function runCli(args: string[]) {
  const io = collecting();
  const code = main(args, io.out, io.err);
  if (typeof code !== 'number') throw new Error(`${args[0]} answers asynchronously: use runMain`);
  return io.result(code);
}
