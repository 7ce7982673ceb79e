/**
 * After one visit the hosted atlas keeps working with the network cut: the service worker
 * (generated at build time, scripts/service-worker.ts) precaches the app, basemap, datasets and
 * briefings. Only over http(s) and in a build; the dev server and file:// go without.
 */
export function registerOfflineCache(): void {
  if (import.meta.env.DEV || !('serviceWorker' in navigator) || !/^https?:$/.test(window.location.protocol)) return;
  navigator.serviceWorker.register(new URL('sw.js', document.baseURI).href).catch(() => {
    // Offline use is a bonus: without it the atlas works as before, online.
  });
}
