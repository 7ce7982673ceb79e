/**
 * Test-only routes on the preview server (never in a build): what a misconfigured or hostile
 * server in front of the atlas could answer.
 *
 *   /__e2e/redirect?to=<url>[&delay=ms]            302 to that address, after `delay` ms
 *   /__e2e/manifest.json?areas=…&flows=…&incidents=…   the sample manifest naming those files
 *   /__e2e/briefing.json?view=<json>               a one-scene briefing of the sample with that view
 *   /__e2e/republish?title=T[&delay=ms]            from now on, data/sample/manifest.json is the
 *                                                  sample's with title T, answered after `delay` ms
 *                                                  (a site republishing its data; a slow network);
 *                                                  without a title, back to the file as built
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

export function e2eRoutes(): Plugin {
  let republished: { title: string; delay: number } | undefined;
  return {
    name: 'atlas-e2e-routes',
    configurePreviewServer(server) {
      server.middlewares.use('/data/sample/manifest.json', (_req, res, next) => {
        if (!republished) return next();
        const manifest = { ...JSON.parse(readFileSync('data/sample/manifest.json', 'utf8')), title: republished.title };
        setTimeout(() => {
          res.setHeader('Content-Type', 'application/json');
          res.setHeader('Cache-Control', 'no-store');
          res.end(JSON.stringify(manifest));
        }, republished.delay);
      });
      server.middlewares.use('/__e2e', (req, res) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        if (url.pathname === '/republish') {
          const title = url.searchParams.get('title');
          republished = title ? { title, delay: Number(url.searchParams.get('delay') ?? 0) } : undefined;
          res.end('ok');
          return;
        }
        if (url.pathname === '/briefing.json') {
          res.setHeader('Content-Type', 'application/json');
          res.end(
            JSON.stringify({
              title: 'A briefing naming what the data lacks',
              dataset: '../data/sample/manifest.json',
              scenes: [{ title: 'Unknown names', view: JSON.parse(url.searchParams.get('view') ?? '{}') }],
            }),
          );
          return;
        }
        if (url.pathname === '/redirect') {
          setTimeout(
            () => {
              res.statusCode = 302;
              res.setHeader('Location', url.searchParams.get('to') ?? '/');
              res.end();
            },
            Number(url.searchParams.get('delay') ?? 0),
          );
          return;
        }
        if (url.pathname === '/manifest.json') {
          const manifest = JSON.parse(readFileSync('data/sample/manifest.json', 'utf8'));
          for (const file of ['areas', 'flows', 'incidents']) {
            const value = url.searchParams.get(file);
            if (value) manifest.files[file] = value;
          }
          res.setHeader('Content-Type', 'application/json');
          res.end(JSON.stringify(manifest));
          return;
        }
        res.statusCode = 404;
        res.end();
      });
    },
  };
}
