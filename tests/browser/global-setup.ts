/**
 * Builds the app, serves the production build on a free local port and tells the browser tests
 * where it is and which Chromium to drive. Without Chromium the suite is skipped, loudly, unless
 * CI=true or E2E_REQUIRED=1, when it fails instead.
 */
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { e2eRoutes } from './e2e-routes';
import { findChromium } from '../../scripts/chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    chromiumPath: string | null;
    /**
     * How much slower this machine is than the one the budgets were set on (at least 1): long
     * browser checks scale their time budget by it, so a busy machine is never a failure.
     */
    slowness: number;
  }
}

/** A fixed piece of work and how long it took on the machine the budgets were set on. */
const CALIBRATION_REFERENCE_MS = 560;
function measureSlowness(): number {
  const started = performance.now();
  let sum = 0;
  for (let i = 0; i < 1e8; i++) sum += Math.sqrt(i);
  const ms = performance.now() - started;
  return sum > 0 ? Math.max(1, ms / CALIBRATION_REFERENCE_MS) : 1;
}

export { findChromium };

export default async function setup(project: TestProject) {
  const chromiumPath = findChromium();
  const required = process.env.CI === 'true' || process.env.E2E_REQUIRED === '1';
  if (!chromiumPath) {
    if (required)
      throw new Error(
        'Browser suite is mandatory here (CI=true or E2E_REQUIRED=1) but no Chromium was found. Install it: apt-get install -y chromium, or set CHROMIUM_PATH.',
      );
    const bar = '!'.repeat(78);
    console.warn(
      `\n${bar}\n!! BROWSER TESTS SKIPPED: no Chromium found (set CHROMIUM_PATH or apt-get install -y chromium)\n${bar}\n`,
    );
    project.provide('chromiumPath', null);
    project.provide('baseUrl', '');
    project.provide('slowness', 1);
    return;
  }
  const slowness = measureSlowness();
  console.log(`[e2e] calibration: this machine is ${slowness.toFixed(2)}× the reference (budgets scale by it)`);
  project.provide('slowness', slowness);
  const started = performance.now();
  // Vitest sets NODE_ENV=test, which would make this a development build; test what ships.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ logLevel: 'warn', configFile: 'vite.config.ts', mode: 'production' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  console.log(`[e2e] production build in ${Math.round(performance.now() - started)} ms`);
  const server: PreviewServer = await preview({
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
    configFile: 'vite.config.ts',
    logLevel: 'warn',
    plugins: [e2eRoutes()],
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}/`);
  project.provide('chromiumPath', chromiumPath);
  return async () => {
    await server.close();
  };
}
