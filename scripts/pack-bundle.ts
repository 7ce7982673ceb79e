/**
 * The app as one script and one stylesheet, for briefing packs (no chunks: a file:// page cannot
 * load them). Built by `npm run pack`, and into every build as pack/app.js and pack/app.css so the
 * app's own "Download briefing pack" can assemble a pack in the browser.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, type Plugin } from 'vite';

/** Set while the pack bundle builds, so the build inside the build does not start another. */
const NESTED = 'ATLAS_PACK_BUNDLE_BUILD';

export async function buildPackBundle(root: string): Promise<{ js: string; css: string }> {
  const outDir = mkdtempSync(join(tmpdir(), 'atlas-pack-build-'));
  const saved = { nodeEnv: process.env.NODE_ENV, nested: process.env[NESTED] };
  // A production build whatever the caller runs under (Vitest sets NODE_ENV=test).
  process.env.NODE_ENV = 'production';
  process.env[NESTED] = '1';
  try {
    await build({
      configFile: join(root, 'vite.config.ts'),
      root,
      mode: 'production',
      logLevel: 'error',
      build: {
        outDir,
        emptyOutDir: true,
        sourcemap: false,
        // The app alone: one entry, no chunks.
        rolldownOptions: { input: join(root, 'index.html'), output: { codeSplitting: false } },
      },
    });
    const assets = join(outDir, 'assets');
    const named = (pattern: RegExp) =>
      readFileSync(join(assets, readdirSync(assets).find((f) => pattern.test(f))!), 'utf8');
    return { js: named(/^index-.*\.js$/), css: named(/^index-.*\.css$/) };
  } finally {
    process.env.NODE_ENV = saved.nodeEnv;
    if (saved.nested === undefined) delete process.env[NESTED];
    else process.env[NESTED] = saved.nested;
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** Writes pack/app.js and pack/app.css into the build. */
export function packBundle(): Plugin {
  let root = '';
  let outDir = '';
  return {
    name: 'atlas-pack-bundle',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = config.build.outDir;
    },
    async closeBundle() {
      if (process.env[NESTED] === '1') return;
      const { js, css } = await buildPackBundle(root);
      // resolve, not join: outDir may be absolute (the bench builds into bench/dist/app by full path).
      const packDir = resolve(root, outDir, 'pack');
      mkdirSync(packDir, { recursive: true });
      writeFileSync(join(packDir, 'app.js'), js);
      writeFileSync(join(packDir, 'app.css'), css);
    },
  };
}
