/**
 * Test-only routes on the preview server (never in a build): what a misconfigured or hostile
 * server in front of the atlas could answer.
 *
 *   /__e2e/redirect?to=<url>                       302 to that address
 *   /__e2e/manifest.json?areas=…&flows=…&incidents=…   the sample manifest naming those files
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

export function e2eRoutes(): Plugin {
  return {
    name: 'atlas-e2e-routes',
    configurePreviewServer(server) {
      server.middlewares.use('/__e2e', (req, res) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        if (url.pathname === '/redirect') {
          res.statusCode = 302;
          res.setHeader('Location', url.searchParams.get('to') ?? '/');
          res.end();
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
