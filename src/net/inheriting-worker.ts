/**
 * Workers that run under the page's Content-Security-Policy. A worker started from its own URL
 * takes its policy from that script's response headers, which a static host (or a USB stick)
 * does not send, so `connect-src 'self'` in the page's meta tag would not bind it. A worker
 * started from a `blob:` URL inherits the policy of the page that made it; the blob only imports
 * the real script, which `script-src 'self'` allows.
 *
 * `globals` (JSON) are set on the worker's global object before its script runs: what the worker
 * is to do first can travel with its start instead of in a message. A message posted before a
 * worker runs is held until the page's main thread hands it over, and at page load that thread is
 * busy creating the map (measured: 250–350 ms on two cores).
 */
export function inheritingWorkerUrl(scriptUrl: string, globals?: Record<string, unknown>): string {
  const absolute = JSON.stringify(new URL(scriptUrl, document.baseURI).href);
  const source =
    globals === undefined
      ? `import ${absolute};\n`
      : // A dynamic import, so that the globals are set first; a script that fails to load still
        // reaches the page as the worker's error event, as a static import's failure would.
        `Object.assign(self, ${JSON.stringify(globals)});\n` +
        `import(${absolute}).catch((error) => setTimeout(() => { throw error; }));\n`;
  return URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
}
