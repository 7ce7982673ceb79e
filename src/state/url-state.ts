/**
 * The URL is the view's shareable form (see view.ts for the codec): read once when the page
 * opens, then kept in step with the store. replaceState, so moving around adds no history.
 *
 * The address is written at most once per URL_SETTLE_MS, with the state as it is then, not on
 * every change (MapLibre's own `hash` option waits likewise):
 * - under load, Chromium's replaceState took 0.3 to 26 ms (it waits on the browser process), the
 *   largest part of a period step's JavaScript when it ran in the click (bench/README.md);
 * - a held arrow key or a fast play would write it at every step, and browsers limit how often
 *   a page may: Chromium ignores calls past 200 in 10 s, Safari throws past 100 in 30 s.
 * Whatever hands the link on reads it through `viewHref` (which writes first) or `useViewHref`,
 * so a copied link or an embed snippet is never a step behind the map.
 */
import { useAtlasStore, type AtlasStore } from './store';
import { pickView, readDisplay, readView, writeView } from '../data/view';

/** MapLibre's hash waits as long. */
export const URL_SETTLE_MS = 300;

let waiting: ReturnType<typeof setTimeout> | undefined;

/** The address for a state: this page's, with the view's fields written from the state. */
const hrefFor = (state: AtlasStore) => writeView(pickView(state), window.location.href, { theme: state.theme });

function writeNow(): void {
  waiting = undefined;
  const next = hrefFor(useAtlasStore.getState());
  if (next === window.location.href) return;
  // Timed for the bench (row c), which counts it in the step it follows and reports it apart too.
  const started = performance.now();
  window.history.replaceState(window.history.state, '', next);
  performance.measure('atlas:url-write', { start: started });
}

/** The address of the view on screen, written to the address bar first if it was waiting. */
export function viewHref(): string {
  if (waiting !== undefined) {
    clearTimeout(waiting);
    writeNow();
  }
  return window.location.href;
}

/** The view's address, for a component that shows or hands on the link: follows every change. */
export function useViewHref(): string {
  return useAtlasStore(hrefFor);
}

/** Applies the URL to the store, then keeps the URL in step; returns the unsubscribe. */
export function syncUrlWithStore(): () => void {
  useAtlasStore.setState({ ...readView(window.location.href), ...readDisplay(window.location.href) });
  // Any change starts the wait, none restarts it: a pointer moving over the map (hover is in the
  // store) must not hold the address back for as long as it moves.
  const unsubscribe = useAtlasStore.subscribe(() => {
    waiting ??= setTimeout(writeNow, URL_SETTLE_MS);
  });
  // A reload or a bookmark made just after a change still gets the view on screen.
  const onHide = () => void viewHref();
  window.addEventListener('pagehide', onHide);
  document.addEventListener('visibilitychange', onHide);
  return () => {
    unsubscribe();
    viewHref(); // a write still waiting is made, not dropped
    window.removeEventListener('pagehide', onHide);
    document.removeEventListener('visibilitychange', onHide);
  };
}
