/**
 * The dependency rule, checked (CI fails on a break): data flows one way,
 *
 *   data → derive → state → map, ui → shell → entry points
 *
 * and `src/data` and `src/derive` stay pure TypeScript that the CLI, the worker and tests can run
 * without a DOM: no React, deck.gl, MapLibre or Zustand. Each rule lists the folders (under src/)
 * a folder may import from, besides itself; imports of packages are checked for the pure folders.
 *
 *   npx tsx scripts/check-boundaries.ts        prints each broken import, exits 1 if any
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';

/** Folder → the src folders it may import from (besides itself). `.` is a file directly in src/. */
const MAY_IMPORT: Record<string, string[]> = {
  data: [],
  derive: ['data'],
  net: [],
  pack: ['data'],
  export: ['data', 'derive', 'state', 'map'],
  worker: ['data', 'net'],
  cli: ['data'],
  state: ['data', 'derive'],
  map: ['data', 'derive', 'state', 'net', 'pack'],
  ui: ['data', 'derive', 'state', 'map', 'shell', 'pack', 'export'],
  shell: ['data', 'derive', 'state', 'net', 'worker', 'pack', 'export'],
  '.': ['data', 'derive', 'state', 'map', 'ui', 'shell', 'net', 'worker', 'pack', 'export'],
};

/** Packages the pure folders must never import: they draw, hold UI state, or need a DOM. */
const IMPURE_PACKAGES = /^(react|react-dom|maplibre-gl|zustand|@deck\.gl\/|@vitejs\/)/;
const PURE = new Set(['data', 'derive']);

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const folderOf = (src: string, file: string) => {
  const parts = relative(src, file).split(sep);
  return parts.length === 1 ? '.' : parts[0];
};

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every import under `src` that breaks the rule, as a line naming file, import and rule. */
export function brokenImports(src = 'src'): string[] {
  const broken: string[] = [];
  for (const file of listFiles(src)) {
    const folder = folderOf(src, file);
    const allowed = MAY_IMPORT[folder];
    if (!allowed) {
      broken.push(`${file}: src/${folder}/ has no rule in scripts/check-boundaries.ts`);
      continue;
    }
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(IMPORT)) {
      const spec = (match[1] ?? match[2]).split('?')[0];
      if (spec.startsWith('.')) {
        const target = normalize(join(dirname(file), spec));
        if (!target.startsWith(normalize(src) + sep)) continue;
        const to = folderOf(src, target.endsWith('.ts') || target.endsWith('.tsx') ? target : `${target}.ts`);
        if (to !== folder && !allowed.includes(to))
          broken.push(
            `${file}: imports ${spec} (src/${to}); src/${folder} may import only ${allowed.join(', ') || 'nothing else in src'}`,
          );
      } else if (PURE.has(folder) && IMPURE_PACKAGES.test(spec)) {
        broken.push(`${file}: imports ${spec}; src/${folder} stays pure (no React, deck.gl, MapLibre or Zustand)`);
      }
    }
  }
  return broken;
}

if (process.argv[1] && /check-boundaries\.ts$/.test(process.argv[1])) {
  const broken = brokenImports();
  for (const line of broken) console.error(line);
  console.log(broken.length ? `${broken.length} import(s) break the dependency rule` : 'dependency rule: OK');
  process.exitCode = broken.length ? 1 : 0;
}
