import { useAtlasStore } from '../state/store';

const NEWER = 'the site has a newer version of this file';

/**
 * After one visit the hosted atlas keeps working with the network cut: the service worker
 * (generated at build time, scripts/service-worker.ts) precaches the app, basemap, datasets and
 * briefings; data comes from the network first whenever it answers (scripts/service-worker.ts).
 * Only over http(s) and in a build; the dev server and file:// go without.
 */
export function registerOfflineCache(): void {
  if (import.meta.env.DEV || !('serviceWorker' in navigator) || !/^https?:$/.test(window.location.protocol)) return;
  // The worker shows cached data when the network is slow, then says if the site's copy differs.
  navigator.serviceWorker.addEventListener('message', (event: MessageEvent) => {
    const data = event.data as { type?: unknown; url?: unknown } | null;
    if (data?.type !== 'atlas-newer-data' || typeof data.url !== 'string') return;
    const store = useAtlasStore.getState();
    const file = data.url.split('/').pop() ?? data.url;
    if (store.problems.some((p) => p.file === file && p.message.startsWith(NEWER)) || !store.dataset) return;
    store.setProblems([
      ...store.problems,
      {
        severity: 'warning',
        file,
        message: `${NEWER}; the map shows the copy saved for offline use. Reload to see it.`,
      },
    ]);
  });
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
