/**
 * After one visit the hosted atlas keeps working with the network cut: the service worker
 * (generated at build time, scripts/service-worker.ts) precaches the app, basemap, datasets and
 * briefings. Only over http(s) and in a build; the dev server and file:// go without.
 */
export function registerOfflineCache(): void {
  if (import.meta.env.DEV || !('serviceWorker' in navigator) || !/^https?:$/.test(window.location.protocol)) return;
  // After the first map: precaching every file must not compete with drawing it.
  const register = () =>
    navigator.serviceWorker.register(new URL('sw.js', document.baseURI).href).catch(() => {
      // Offline use is a bonus: without it the atlas works as before, online.
    });
  const started = performance.now();
  const wait = () => {
    if (document.body.dataset.mapReady === 'true' || performance.now() - started > 60_000) void register();
    else window.setTimeout(wait, 500);
  };
  wait();
}
