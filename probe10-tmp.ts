import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { CHROMIUM_ARGS } from './scripts/chromium.ts';
const DIR = process.argv[2];
const server = createServer((req, res) => {
  let p = join(DIR, decodeURIComponent(req.url!.split('?')[0]));
  if (p.endsWith('/')) p += 'index.html';
  if (!existsSync(p)) { res.statusCode = 404; return res.end(); }
  res.setHeader('Content-Type', p.endsWith('.html') ? 'text/html' : p.match(/\.m?js$/) ? 'text/javascript' : p.endsWith('.css') ? 'text/css' : p.endsWith('.svg') ? 'image/svg+xml' : 'application/json');
  res.end(readFileSync(p));
});
await new Promise<void>((r) => server.listen(4568, r));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
for (let i = 0; i < Number(process.argv[3] ?? 4); i++) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  const t0 = Date.now();
  const ev: string[] = [];
  ctx.on('request', (r) => ev.push(`${Date.now() - t0} >${r.url().replace(/^.*\//, '').slice(0, 28)}`));
  ctx.on('requestfinished', (r) => ev.push(`${Date.now() - t0} <${r.url().replace(/^.*\//, '').slice(0, 28)}`));
  page.on('console', (m) => ev.push(`${Date.now() - t0} log ${m.text()}`));
  await page.goto('http://127.0.0.1:4568/');
  await page.waitForFunction(() => document.body.dataset.mapReady === 'true', null, { timeout: 120000, polling: 'raf' });
  const r = await page.evaluate(() => ({ now: Math.round(performance.now()), marks: performance.getEntriesByType('mark').map((m) => `${m.name}@${Math.round(m.startTime)}`) }));
  console.log(`RUN ${i} ready ${r.now} (wall ${Date.now() - t0}) marks ${r.marks.join(' ')}\n  ${ev.join('\n  ')}`);
  await ctx.close();
}
await browser.close(); server.close();
