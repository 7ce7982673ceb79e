/**
 * Writing a command's files: the folder is checked before any work is done, so a wrong `--out`
 * fails at once with a message instead of a stack trace after minutes of reading, and nothing is
 * made or written until every file is ready.
 */
import { accessSync, constants, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DataError } from '../data/problems';

const reason = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error as Error).message;

/**
 * A DataError unless `dir` is a writable folder, or could be made as one: its nearest existing
 * ancestor is a writable folder. `target` is what will be written there (the folder itself, or a
 * file in it), which the message names. Makes nothing.
 */
export function checkOutDir(dir: string, option = '--out', target = dir): void {
  const refuse = (message: string) => new DataError([{ severity: 'error', file: target, message }]);
  const wanted = resolve(dir);
  let path = wanted;
  for (;;) {
    let isFolder: boolean;
    try {
      isFolder = statSync(path).isDirectory();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const parent = dirname(path);
      // Missing, or under a file (ENOTDIR): look at the parent, which says which.
      if ((code === 'ENOENT' || code === 'ENOTDIR') && parent !== path) {
        path = parent;
        continue;
      }
      throw refuse(`cannot be used as ${option} (${reason(error)})`);
    }
    if (!isFolder)
      throw refuse(
        path === wanted && target === dir
          ? `is a file; ${option} needs a folder`
          : `cannot be made: ${path} is a file, not a folder`,
      );
    try {
      accessSync(path, constants.W_OK);
    } catch (error) {
      throw refuse(`cannot be written (${reason(error)} on ${path})`);
    }
    return;
  }
}

/** Makes `dir` if needed and writes every file into it; returns their names. */
export function writeFiles(dir: string, files: Record<string, string | Uint8Array>): string[] {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new DataError([{ severity: 'error', file: dir, message: `cannot be made (${reason(error)})` }]);
  }
  for (const [name, data] of Object.entries(files)) {
    try {
      writeFileSync(join(dir, name), data);
    } catch (error) {
      throw new DataError([
        { severity: 'error', file: join(dir, name), message: `cannot be written (${reason(error)})` },
      ]);
    }
  }
  return Object.keys(files);
}
