/**
 * A briefing pack: one HTML file that holds the whole app, the basemap, a dataset and a briefing,
 * and presents from disk (file://) with no network and no server. The app's script is inline and
 * allowed by its hash in a strict Content-Security-Policy (no 'unsafe-inline' for scripts); the
 * data travel in a JSON block that is never executed; MapLibre's worker starts from a blob.
 *
 * Pure string work, shared by the pack CLI (scripts/pack.ts) and the in-app download.
 */

/** The element that carries a pack's files: `<script type="application/json" id=…>`. */
export const PACK_ELEMENT_ID = 'atlas-pack';

export interface PackContents {
  /** Path of the briefing among `files`, e.g. "data/briefings/sample.json". */
  briefing: string;
  /** File paths (relative to the page, as the hosted app fetches them) → their text. */
  files: Record<string, string>;
  /** The MapLibre worker's source, run from a blob. */
  maplibreWorker: string;
}

/** The pack's policy: the one inline script by hash, workers from blobs, nothing from anywhere. */
export function packCsp(scriptHash: string): string {
  return [
    "default-src 'none'",
    `script-src 'sha256-${scriptHash}'`,
    "style-src 'unsafe-inline'",
    'img-src data: blob:',
    'font-src data:',
    // MapLibre, on a page with an opaque origin (file://), restarts its worker from a data: URL.
    'worker-src blob: data:',
    'connect-src blob: data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** JSON that cannot close its <script> element or open a comment. */
export const scriptSafeJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * The pack's HTML. `scriptHash` is the base64 SHA-256 of `js` exactly as written here (the
 * caller computes it: node:crypto in the CLI, SubtleCrypto in the browser).
 */
export function packHtml({
  title,
  js,
  css,
  contents,
  scriptHash,
}: {
  title: string;
  js: string;
  css: string;
  contents: PackContents;
  scriptHash: string;
}): string {
  if (js.includes('</script')) throw new Error('the app script contains "</script": it cannot be inlined as is');
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(packCsp(scriptHash))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<style>${css.replace(/<\/style/gi, '<\\/style')}</style>
</head>
<body>
<div id="root"></div>
<noscript>This briefing needs JavaScript and WebGL.</noscript>
<script type="application/json" id="${PACK_ELEMENT_ID}">${scriptSafeJson(contents)}</script>
<script type="module">${js}</script>
</body>
</html>
`;
}
