/**
 * Vite plugins that keep the app self-contained: the basemap is generated from Natural Earth at
 * build time, and the published datasets under data/ are served from the app's own origin.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';
import { buildBasemap, type Basemap } from './basemap.ts';

/** Public paths of the basemap files; src/map/basemap-style.ts points MapLibre at them. */
export const BASEMAP_FILES = { land: 'basemap/land.json', lines: 'basemap/lines.json' } as const;

let cachedBasemap: Basemap | undefined;
function basemapFiles(): Record<string, string> {
  cachedBasemap ??= buildBasemap();
  return {
    [BASEMAP_FILES.land]: JSON.stringify(cachedBasemap.land),
    [BASEMAP_FILES.lines]: JSON.stringify(cachedBasemap.lines),
  };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/**
 * Generates the basemap and copies data/ into the build; serves both in dev. The app fetches
 * them by relative URL, so a build works from any folder or sub-path, offline.
 */
export function offlineAssets(dataDir: string): Plugin {
  return {
    name: 'atlas-offline-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = decodeURIComponent((req.url ?? '').split('?')[0]).replace(/^\/+/, '');
        const basemap = basemapFiles()[path];
        if (basemap) {
          res.setHeader('Content-Type', 'application/json');
          res.end(basemap);
          return;
        }
        if (path.startsWith('data/') && !path.includes('..')) {
          const file = join(dataDir, path.slice('data/'.length));
          try {
            if (statSync(file).isFile()) {
              res.end(readFileSync(file));
              return;
            }
          } catch {
            // fall through to Vite's own 404
          }
        }
        next();
      });
    },
    generateBundle() {
      for (const [fileName, source] of Object.entries(basemapFiles()))
        this.emitFile({ type: 'asset', fileName, source });
      for (const file of listFiles(dataDir)) {
        const fileName = ['data', ...relative(dataDir, file).split(sep)].join('/');
        this.emitFile({ type: 'asset', fileName, source: readFileSync(file) });
      }
    },
  };
}

/**
 * index.html carries a strict Content-Security-Policy. The dev server's React refresh preamble is
 * an inline script, so in dev only we allow inline scripts; builds keep the strict policy.
 */
export function devOnlyCspRelaxation(): Plugin {
  return {
    name: 'atlas-dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'");
    },
  };
}

/** The policy in index.html's meta tag: one source for the tag and the header. */
function pagePolicy(root: string): string {
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  return /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? "default-src 'self'";
}

/**
 * Which file of `dir` a request for `pathname` is answered with: the file itself, or the page
 * `name.html` or `name/index.html` for a path without it (as the static server resolves them);
 * undefined when none exists (the server then falls back to the app, index.html).
 */
export function servedFile(dir: string, pathname: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(pathname).replace(/^\/+|\/+$/g, '');
  } catch {
    return undefined;
  }
  if (path.split('/').includes('..')) return undefined;
  const isFile = (candidate: string) => {
    try {
      return statSync(join(dir, candidate)).isFile();
    } catch {
      return false;
    }
  };
  return [path, `${path}.html`, path ? `${path}/index.html` : 'index.html'].find(
    (candidate) => candidate && isFile(candidate),
  );
}

/**
 * Security headers, since some things only a header can say: the page's Content-Security-Policy
 * (also in a meta tag) plus `frame-ancestors` — the embed page may be framed by any site, the app
 * by none — and nosniff and no-referrer. The preview server (`npm start`) sends them all; the dev
 * server only the framing ones (its React refresh needs inline scripts). A production host should
 * send the same (see the README).
 *
 * Framing is decided by the file served, never by how the path ends: `/embed` serves embed.html
 * (framable), `/foo/embed.html` falls back to the app (never framable). The request is pointed at
 * the file decided on, so the static server cannot answer with another.
 */
export function securityHeaders(): Plugin {
  const middleware =
    (policy: string | undefined, dir: () => string) =>
    (req: { url?: string }, res: { setHeader: (name: string, value: string) => void }, next: () => void) => {
      const [pathname, ...query] = (req.url ?? '/').split('?');
      const file = servedFile(dir(), pathname);
      if (file !== undefined)
        req.url = `/${file.split('/').map(encodeURIComponent).join('/')}${query.length ? `?${query.join('?')}` : ''}`;
      const framable = file === 'embed.html';
      const framing = framable ? 'frame-ancestors *' : "frame-ancestors 'none'";
      res.setHeader('Content-Security-Policy', policy ? `${policy}; ${framing}` : framing);
      if (!framable) res.setHeader('X-Frame-Options', 'DENY');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Referrer-Policy', 'no-referrer');
      next();
    };
  let root = '.';
  let outDir = 'dist';
  return {
    name: 'atlas-security-headers',
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
    },
    configureServer(server) {
      server.middlewares.use(middleware(undefined, () => root));
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware(pagePolicy(root), () => outDir));
    },
  };
}
