/**
 * The address bar follows the store at most once per URL_SETTLE_MS, with the state as it is then;
 * whatever hands the link on gets the view on screen at once. A fake window (the unit tests run in
 * Node): its `location.href` is what replaceState last wrote.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAtlasStore } from '../../src/state/store';
import { syncUrlWithStore, URL_SETTLE_MS, viewHref } from '../../src/state/url-state';

const START = 'https://atlas.example/?period=2019-Q1';

function fakeWindow() {
  const writes: string[] = [];
  const page = {
    location: { href: START },
    history: {
      state: null,
      replaceState: (_state: unknown, _title: string, url: string) => {
        writes.push(url);
        page.location.href = url;
      },
    },
    addEventListener: () => {},
    removeEventListener: () => {},
  };
  vi.stubGlobal('window', page);
  vi.stubGlobal('document', { addEventListener: () => {}, removeEventListener: () => {} });
  return { page, writes };
}

const period = (href: string) => new URL(href).searchParams.get('period');

describe('the address bar', () => {
  let stop: () => void;
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    stop?.();
    vi.useRealTimers();
    vi.unstubAllGlobals();
    // Test files share modules here (README): the next one finds the store as it began.
    useAtlasStore.setState(useAtlasStore.getInitialState(), true);
  });

  it('is written once for changes that come close together, with the last of them', () => {
    const { page, writes } = fakeWindow();
    stop = syncUrlWithStore();
    expect(useAtlasStore.getState().period).toBe('2019-Q1');
    for (const p of ['2019-Q2', '2019-Q3', '2019-Q4']) useAtlasStore.getState().setPeriod(p);
    expect(writes, 'nothing written in the change itself').toEqual([]);
    vi.advanceTimersByTime(URL_SETTLE_MS);
    expect(writes.map(period)).toEqual(['2019-Q4']);
    expect(period(page.location.href)).toBe('2019-Q4');
  });

  it('a change that keeps coming (a pointer over the map) does not hold it back', () => {
    const { writes } = fakeWindow();
    stop = syncUrlWithStore();
    useAtlasStore.getState().setPeriod('2020-Q1');
    for (let t = 0; t < URL_SETTLE_MS; t += 50) {
      useAtlasStore.setState({ hover: undefined });
      vi.advanceTimersByTime(50);
    }
    expect(writes.map(period)).toEqual(['2020-Q1']);
  });

  it('a link handed on at once is the view on screen, and nothing is written twice', () => {
    const { writes } = fakeWindow();
    stop = syncUrlWithStore();
    useAtlasStore.getState().setPeriod('2020-Q2');
    expect(period(viewHref())).toBe('2020-Q2');
    vi.advanceTimersByTime(URL_SETTLE_MS * 2);
    expect(writes.map(period)).toEqual(['2020-Q2']);
  });
});
