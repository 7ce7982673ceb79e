import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new','--no-sandbox','--use-angle=swiftshader','--enable-unsafe-swiftshader'] });
for (const theme of ['light', 'dark']) {
  const p = await b.newPage({ viewport: { width: 1280, height: 720 } });
  const errs = [];
  p.on('console', m => { if (m.type()==='error') errs.push(m.text()); });
  await p.goto(`http://127.0.0.1:4321/?briefing=data/briefings/sample.json&present&scene=3&theme=${theme}`);
  await p.waitForFunction(() => document.body.dataset.mapReady === 'true' && document.body.dataset.scene === '2', null, { timeout: 90000 });
  await p.waitForFunction(() => document.body.dataset.mapReady === 'true', null, { timeout: 90000 });
  await p.screenshot({ path: `/tmp/theme-${theme}.png` });
  console.log(theme, errs, await p.evaluate(() => location.search));
}
await b.close();
