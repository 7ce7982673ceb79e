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
const readies: number[] = [];
for (let i = 0; i < Number(process.argv[3] ?? 4); i++) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await ctx.addInitScript(() => {
    const P = WebGL2RenderingContext.prototype as any; console.log('T init ' + (performance.timeOrigin + performance.now()).toFixed(0));
    const T = (l: string) => console.log('T ' + l + ' ' + (performance.timeOrigin + performance.now()).toFixed(0));
    const link = P.linkProgram; P.linkProgram = function (p: any) { T('link'); return link.call(this, p); };
    for (const fn of ['drawElements','drawArrays','drawArraysInstanced','drawElementsInstanced']) { const f = P[fn]; P[fn] = function (...a: any[]) { const t = performance.now(); const r = f.apply(this, a); const d = performance.now() - t; if (d > 20) T(fn + ' blocked ' + d.toFixed(0)); return r; }; }
    for (const fn of ['getUniformLocation','getAttribLocation','getActiveUniform','getUniformBlockIndex','getActiveUniformBlockParameter','getActiveAttrib','getProgramInfoLog','useProgram','bufferData','texImage2D','readPixels','getError','getParameter','getExtension','getShaderParameter']) { const f = P[fn]; P[fn] = function (...a: any[]) { const t = performance.now(); const r = f.apply(this, a); const d = performance.now() - t; if (d > 20) T(fn + ' blocked ' + d.toFixed(0)); return r; }; }
    const gpp = P.getProgramParameter; P.getProgramParameter = function (p: any, n: number) { const t = performance.now(); const r = gpp.call(this, p, n); const d = performance.now() - t; if (d > 20) T('getProgParam blocked ' + d.toFixed(0)); return r; };
  });
  const page = await ctx.newPage();
  const ev: [number, string][] = [];
  ctx.on('console', (m) => { const t = m.text(); const mm = /^T (.*) (\d+)$/.exec(t); if (mm) ev.push([Number(mm[2]), mm[1]]); });
  await page.goto('http://127.0.0.1:4568/');
  await page.waitForFunction(() => document.body.dataset.mapReady === 'true', null, { timeout: 120000, polling: 'raf' });
  const r = await page.evaluate(() => ({ now: Math.round(performance.now()), origin: performance.timeOrigin }));
  await new Promise((r) => setTimeout(r, 300));
  readies.push(r.now);
  console.log(`RUN ${i} ready ${r.now}: ${ev.sort((a, b) => a[0] - b[0]).map(([t, l]) => `${Math.round(t - r.origin)} ${l}`).join(' | ')}`);
  await ctx.close();
}
console.log(JSON.stringify(readies));
await browser.close(); server.close();
