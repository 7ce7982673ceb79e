/**
 * The documentation the app links to ("More" under each analysis layer), built from the same
 * Markdown the repository holds and shipped with the app as plain HTML pages: no script, the
 * page's own policy, readable offline. docs/statistics.md → docs/statistics.html (and the data format it links to).
 */
import { readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import type { Plugin } from 'vite';

/** The pages shipped: the Markdown source and the page's title. */
const PAGES = {
  'docs/statistics.md': 'Statistics — County lines route atlas',
  'docs/data-format.md': 'Data format — County lines route atlas',
};

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
export function headingSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s+/g, '-');
}

export function markdownPage(markdown: string, title: string): string {
  const md = new MarkdownIt({ html: false, linkify: false });
  md.renderer.rules.heading_open = (tokens, i, options, _env, self) => {
    tokens[i].attrSet('id', headingSlug(tokens[i + 1].content));
    return self.renderToken(tokens, i, options);
  };
  // Links between the docs point at the shipped pages.
  md.renderer.rules.link_open = (tokens, i, options, _env, self) => {
    const href = tokens[i].attrGet('href') ?? '';
    if (/^[\w-]+\.md(#|$)/.test(href)) tokens[i].attrSet('href', href.replace('.md', '.html'));
    return self.renderToken(tokens, i, options);
  };
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${title}</title>
<style>
body { font: 16px/1.5 system-ui, "Liberation Sans", "DejaVu Sans", Arial, sans-serif; color: #1b1b1b; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
pre, code { font-family: "DejaVu Sans Mono", monospace; font-size: 0.9em; }
pre { background: #f4f2ec; padding: 0.75rem; overflow-x: auto; }
h2 { margin-top: 2.5rem; border-top: 1px solid #ddd; padding-top: 1rem; }
:target { background: #fff4d6; }
</style>
</head>
<body>
<p><a href="../index.html">← Back to the map</a></p>
${md.render(markdown)}
</body>
</html>
`;
}

const pages = (root: string) =>
  Object.entries(PAGES).map(([source, title]) => ({
    fileName: source.replace(/\.md$/, '.html'),
    html: markdownPage(readFileSync(new URL(source, root), 'utf8'), title),
  }));

export function docsPages(root: string): Plugin {
  return {
    name: 'atlas-docs-pages',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split(/[?#]/)[0].replace(/^\/+/, '');
        const page = pages(root).find((p) => p.fileName === path);
        if (!page) return next();
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.end(page.html);
      });
    },
    generateBundle() {
      for (const { fileName, html } of pages(root)) this.emitFile({ type: 'asset', fileName, source: html });
    },
  };
}
