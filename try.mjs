import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new','--no-sandbox','--use-angle=swiftshader','--enable-unsafe-swiftshader'] });
const p = await b.newPage({ viewport: { width: 1280, height: 720 } });
const errs = [];
p.on('console', m => { if (m.type()==='error') errs.push(m.text()); });
p.on('pageerror', e => errs.push(e.message));
await p.goto('http://127.0.0.1:4321/?briefing=data/briefings/sample.json&present');
const ready = async (after = 0) => { await p.waitForFunction((a) => document.body.dataset.mapReady === 'true' && Number(document.body.dataset.mapVersion) > a, after, { timeout: 90000 }); return Number(await p.evaluate(() => document.body.dataset.mapVersion)); };
let v = await ready();
console.log('scene', await p.evaluate(() => [document.body.dataset.scene, document.body.dataset.presenting, location.search]));
await p.screenshot({ path: '/tmp/scene0.png' });
for (let i = 1; i < 3; i++) {
  await p.keyboard.press('PageDown');
  await p.waitForFunction((i) => document.body.dataset.scene === String(i), i);
  v = await ready(v);
  await p.screenshot({ path: `/tmp/scene${i}.png` });
}
console.log('errors', errs);
await b.close();
