import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './chromium';
const base = process.env.BASE ?? 'http://127.0.0.1:4199/';
const dir = process.env.DIR ?? '/tmp/probes/udd';
const extra = process.env.EXTRA ? process.env.EXTRA.split(' ') : [];
const ctx = await chromium.launchPersistentContext(dir, { executablePath: findChromium()!, args: [...CHROMIUM_ARGS, ...extra], viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce', serviceWorkers: 'block' });
for (let i = 0; i < 3; i++) {
  const p = await ctx.newPage();
  const t = Date.now();
  await p.goto(base + (i % 2 ? '?period=2019-Q4' : ''));
  await p.waitForFunction(() => document.body.dataset.mapReady === 'true', undefined, { polling: 50, timeout: 60000 });
  console.log('persist', i, Date.now() - t, 'ms');
  await p.close();
}
await ctx.close();
