/**
 * The shareable part of the view lives in the URL's query: `?period=2024-Q4`. (The camera lives in
 * the hash, `#map=zoom/lat/lon`, kept by MapLibre.) Everything else derives from the store.
 */
import { isPeriod } from '../data/periods';
import type { Period } from '../data/schema';
import { useAtlasStore } from './store';

export interface UrlState {
  period?: Period;
}

export function readUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const period = params.get('period');
  return { period: period && isPeriod(period) ? period : undefined };
}

export function writeUrlState(state: UrlState, href: string): string {
  const url = new URL(href);
  if (state.period) url.searchParams.set('period', state.period);
  else url.searchParams.delete('period');
  return url.href;
}

/** Applies the URL to the store, then keeps the URL in step (replaceState: no history spam). */
export function syncUrlWithStore(): () => void {
  const initial = readUrlState(window.location.search);
  if (initial.period) useAtlasStore.setState({ period: initial.period });
  return useAtlasStore.subscribe((state, previous) => {
    if (state.period === previous.period) return;
    const next = writeUrlState({ period: state.period }, window.location.href);
    if (next !== window.location.href) window.history.replaceState(window.history.state, '', next);
  });
}
