/** Browser side of dataset loading: same-origin fetches into the pure loader, results into the store. */
import { loadDataset } from './data/load';
import { DataError } from './data/parse';
import { useAtlasStore } from './state/store';

export const SAMPLE_MANIFEST = 'data/sample/manifest.json';

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
  return response.text();
}

export async function openDataset(manifestUrl = SAMPLE_MANIFEST): Promise<void> {
  const store = useAtlasStore.getState();
  store.startLoading();
  try {
    const absolute = new URL(manifestUrl, document.baseURI).href;
    store.setDataset(await loadDataset(absolute, fetchText), manifestUrl);
  } catch (error) {
    const problems =
      error instanceof DataError ? error.problems : [{ severity: 'error' as const, file: manifestUrl, message: (error as Error).message }];
    store.setProblems(problems);
  }
}
