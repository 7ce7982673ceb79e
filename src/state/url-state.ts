/**
 * The URL is the view's shareable form (see view.ts for the codec): read once when the page
 * opens, then kept in step with the store. replaceState, so moving around adds no history.
 */
import { useAtlasStore } from './store';
import { pickView, readDisplay, readView, writeView } from '../data/view';

/** Applies the URL to the store, then keeps the URL in step; returns the unsubscribe. */
export function syncUrlWithStore(): () => void {
  useAtlasStore.setState({ ...readView(window.location.href), ...readDisplay(window.location.href) });
  return useAtlasStore.subscribe((state) => {
    const next = writeView(pickView(state), window.location.href, { theme: state.theme });
    if (next === window.location.href) return;
    // Timed for the bench: in headless Chromium the call alone takes 0.3 to 26 ms, the largest and
    // least steady part of a period step's JavaScript (bench/README.md).
    const started = performance.now();
    window.history.replaceState(window.history.state, '', next);
    performance.measure('atlas:url-write', { start: started });
  });
}
