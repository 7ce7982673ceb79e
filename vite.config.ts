import { defineConfig } from 'vitest/config';
import { devOnlyCspRelaxation, securityHeaders, offlineAssets } from './scripts/vite-plugins.ts';
import { serviceWorker } from './scripts/service-worker.ts';
import { packBundle } from './scripts/pack-bundle.ts';
import { docsPages } from './scripts/docs-pages.ts';

export default defineConfig({
  // Relative asset URLs: the build runs from any folder or sub-path, including a USB stick.
  base: './',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  plugins: [
    offlineAssets(new URL('./data', import.meta.url).pathname),
    devOnlyCspRelaxation(),
    serviceWorker(),
    packBundle(),
    docsPages(new URL('./', import.meta.url).href),
    securityHeaders(),
  ],
  build: {
    sourcemap: true,
    target: 'es2022',
    // MapLibre alone is ~1 MB minified; the main chunk is ~2.2 MB (600 KB gzip). Warn above that.
    chunkSizeWarningLimit: 2500,
    rolldownOptions: {
      checks: { pluginTimings: false },
      // The app and the embed page share every chunk; each has its own entry.
      input: { main: 'index.html', embed: 'embed.html' },
    },
  },
  // Module workers: each is started from a blob that imports it (src/net/inheriting-worker.ts).
  worker: { format: 'es' },
  preview: { port: 4173, host: '127.0.0.1' },
  server: { port: 5173, host: '127.0.0.1' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Two workers sharing one module graph each: with Vitest's default on two cores (one
          // worker, every file importing the whole graph again) the unit files took 50 s one after
          // another; now 21 s. No unit test mocks a module or stubs a global, and shuffled orders
          // pass (--sequence.shuffle), so files may share modules.
          maxWorkers: 2,
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/browser/global-setup.ts'],
          setupFiles: ['tests/browser/setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
