/** Runs the data CLI in-process, collecting what it prints and how long it took. */
import { main } from '../../src/cli/data';

export function runCli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const started = performance.now();
  const code = main(
    args,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out: out.join('\n'), err: err.join('\n'), ms: performance.now() - started };
}
