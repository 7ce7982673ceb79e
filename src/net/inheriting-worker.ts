/**
 * Workers that run under the page's Content-Security-Policy. A worker started from its own URL
 * takes its policy from that script's response headers, which a static host (or a USB stick)
 * does not send, so `connect-src 'self'` in the page's meta tag would not bind it. A worker
 * started from a `blob:` URL inherits the policy of the page that made it; the blob only imports
 * the real script, which `script-src 'self'` allows.
 */
export function inheritingWorkerUrl(scriptUrl: string): string {
  const absolute = new URL(scriptUrl, document.baseURI).href;
  const source = `import ${JSON.stringify(absolute)};\n`;
  return URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
}
