/**
 * The embed in an article on another site: a host page on a second localhost port frames
 * /embed.html, receives its height in both forms (Datawrapper's and AMP's), and gets a new height
 * when the frame is narrowed to a phone's width. The app itself refuses to be framed. Nothing is
 * requested from any origin but the two.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { launch, SCREENSHOT_DIR, allowOrigin } from './harness';

const chromiumPath = inject('chromiumPath');
const baseUrl = inject('baseUrl');

type Message = { origin: string; data: unknown };

describe.skipIf(!chromiumPath)('the embed on another site (Chromium)', () => {
  let browser: Browser;
  let host: Server;
  let hostOrigin: string;

  beforeAll(async () => {
    browser = await launch(chromiumPath!);
    host = createServer((req, res) => {
      const [path, query] = (req.url ?? '/').split('?');
      const src = new URLSearchParams(query).get('src') ?? '';
      res.setHeader('Content-Type', 'text/html');
      res.end(
        path === '/article'
          ? `<!doctype html><html><body style="margin:0"><h1>An article</h1>
<iframe id="atlas-test" title="Map of county-lines flows" src="${src}" style="width:1000px;height:200px;border:0"></iframe>
<script>window.__messages=[];addEventListener('message',function(e){window.__messages.push({origin:e.origin,data:e.data});});</script>
</body></html>`
          : 'not found',
      );
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
    // The article page is another site on purpose: it embeds the map.
    allowOrigin(hostOrigin);
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => host?.close(resolve));
  });

  const article = async (src: string) => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${hostOrigin}/article?src=${encodeURIComponent(src)}`);
    return { page, requests };
  };
  const heights = (page: Page) =>
    page.evaluate(() =>
      ((window as unknown as { __messages: Message[] }).__messages ?? []).map((m) => ({
        origin: m.origin,
        data: m.data,
      })),
    );
  const embedFrame = (page: Page) => page.frames().find((frame) => frame.url().includes('/embed.html')) as Frame;

  it('posts its height in both forms, and a new one when narrowed', async () => {
    const { page, requests } = await article(`${baseUrl}embed.html?id=atlas-test&period=2024-Q4`);
    const frame = embedFrame(page);
    await frame.waitForFunction(() => document.body.dataset.mapReady === 'true', null, { timeout: 90_000 });
    // The map carries its alt text, generated from the flows it draws.
    await expect(frame.getByTestId('embed-map').getAttribute('aria-label')).resolves.toMatch(
      /^Flow map of active county lines, Oct–Dec 2024 \(Q4\): London sends the most lines/,
    );
    const wide = await page.waitForFunction(
      () => {
        const messages = (window as unknown as { __messages: { data: Record<string, unknown> }[] }).__messages;
        const dw = messages.filter((m) => m.data['datawrapper-height']).at(-1);
        const amp = messages.filter((m) => m.data.sentinel === 'amp').at(-1);
        return dw && amp
          ? {
              dw: (dw.data['datawrapper-height'] as Record<string, number>)['atlas-test'],
              amp: amp.data.height as number,
            }
          : false;
      },
      null,
      { timeout: 30_000 },
    );
    const atWide = (await wide.jsonValue()) as { dw: number; amp: number };
    expect(atWide.dw).toBeGreaterThan(300);
    expect(atWide.amp).toBe(atWide.dw);
    expect((await heights(page)).every((m) => m.origin === new URL(baseUrl).origin)).toBe(true);
    // What the snippet's script does with it: size the frame to the height.
    await page.evaluate((h) => (document.getElementById('atlas-test')!.style.height = `${h}px`), atWide.dw);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/embed-1000.png`, fullPage: true });
    await page.evaluate(() => (document.getElementById('atlas-test')!.style.width = '320px'));
    const narrow = await page.waitForFunction(
      (before) => {
        const messages = (window as unknown as { __messages: { data: Record<string, unknown> }[] }).__messages;
        const last = messages.filter((m) => m.data.sentinel === 'amp').at(-1);
        return last && last.data.height !== before ? (last.data.height as number) : false;
      },
      atWide.amp,
      { timeout: 30_000 },
    );
    const atNarrow = (await narrow.jsonValue()) as number;
    // At 320 px the layout changes (the key folds behind a button): a new height is posted.
    expect(atNarrow).not.toBe(atWide.amp);
    await page.evaluate((h) => (document.getElementById('atlas-test')!.style.height = `${h}px`), atNarrow);
    await frame.waitForFunction(() => document.body.dataset.mapReady === 'true', null, { timeout: 90_000 });
    await page.screenshot({ path: `${SCREENSHOT_DIR}/embed-320.png`, fullPage: true });
    const allowed = [hostOrigin, new URL(baseUrl).origin];
    expect(
      requests.filter(
        (url) => !allowed.some((o) => url.startsWith(o)) && !url.startsWith('blob:') && !url.startsWith('data:'),
      ),
    ).toEqual([]);
    await page.close();
  });

  it('the app itself refuses to be framed', async () => {
    const { page } = await article(`${baseUrl}?period=2024-Q4`);
    await page.waitForLoadState('load');
    const frame = page.frames().find((f) => f !== page.mainFrame())!;
    // Chromium replaces a frame its policy blocks with its own error page.
    expect(frame.url()).toMatch(/^chrome-error:/);
    await page.close();
  });

  it('the server sends the page policy as a header, with framing, nosniff and no-referrer', async () => {
    const app = await fetch(baseUrl);
    const policy = app.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(app.headers.get('x-frame-options')).toBe('DENY');
    expect(app.headers.get('x-content-type-options')).toBe('nosniff');
    expect(app.headers.get('referrer-policy')).toBe('no-referrer');
    const embed = await fetch(`${baseUrl}embed.html`);
    expect(embed.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(embed.headers.get('x-frame-options')).toBeNull();
  });

  it('framing follows the file served, not how the path ends', async () => {
    const embedHtml = await (await fetch(`${baseUrl}embed.html`)).text();
    const appHtml = await (await fetch(baseUrl)).text();
    for (const [path, served] of [
      ['embed', embedHtml],
      ['embed.html/', embedHtml],
      ['embed.html?period=2024-Q4', embedHtml],
      ['foo/embed.html', appHtml],
      ['no/such/page', appHtml],
    ] as const) {
      const response = await fetch(`${baseUrl}${path}`);
      expect(await response.text(), path).toBe(served);
      const framable = served === embedHtml;
      expect(response.headers.get('content-security-policy'), path).toContain(
        framable ? 'frame-ancestors *' : "frame-ancestors 'none'",
      );
      expect(response.headers.get('x-frame-options'), path).toBe(framable ? null : 'DENY');
    }
  });
});
