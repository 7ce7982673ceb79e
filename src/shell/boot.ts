/**
 * Start-up shared by every entry (the app; later the embed page): the URL's view goes into the
 * store and stays in step with it, then the dataset opens — `?data=` when it names one on this
 * site, else the bundled sample. A refused or failed `?data=` leaves the sample on screen under
 * its problems, so the reader still has a map and knows why it is not the one linked.
 */
import type { DataProblem } from '../data/problems';
import { useAtlasStore, type AppMode } from '../state/store';
import { syncUrlWithStore } from '../state/url-state';
import { openDataset, resolveDataParam } from './data-actions';

export interface BootOptions {
  mode: AppMode;
}

export function boot({ mode }: BootOptions): void {
  useAtlasStore.setState({ mode });
  syncUrlWithStore();
  void openFirstDataset(new URLSearchParams(window.location.search).get('data'));
}

async function openFirstDataset(dataParam: string | null): Promise<void> {
  const target = dataParam === null ? undefined : resolveDataParam(dataParam, window.location.href);
  if (target === undefined) {
    await openDataset();
    return;
  }
  // Refused without fetching anything.
  const problems: DataProblem[] | undefined =
    'refused' in target
      ? [{ severity: 'error', file: '?data=', message: target.refused }]
      : await openDataset(target.url);
  if (!problems) return;
  await openDataset();
  useAtlasStore.getState().setProblems(problems, 'The map shows the bundled illustrative sample instead.');
}
