/**
 * Opening a briefing: the file (same site only, like `?data=`), then its dataset, then the scene
 * asked for. Problems are shown and the map keeps what it had.
 */
import type { Briefing } from '../data/briefing';
import { useAtlasStore } from '../state/store';
import { problemsOf } from '../worker/data-client';
import { dataClient, openDataset, resolveDataParam } from './data-actions';

export const SAMPLE_BRIEFING = 'data/briefings/sample.json';

/** Opens the briefing at `path` and shows scene `scene` (zero-based); returns whether it opened. */
export async function openBriefing(path: string, scene = 0): Promise<boolean> {
  const store = useAtlasStore.getState();
  const target = resolveDataParam(path, window.location.href);
  if ('refused' in target) {
    store.setProblems([
      { severity: 'error', file: '?briefing=', message: target.refused.replace('?data=', '?briefing=') },
    ]);
    return false;
  }
  let briefing: Briefing;
  try {
    briefing = await dataClient().openBriefing({ url: target.url });
  } catch (error) {
    store.setProblems(problemsOf(error, path));
    return false;
  }
  return showBriefing(briefing, target.url, scene);
}

/** Shows a briefing already read (opened, imported or restored), with its dataset. */
export async function showBriefing(briefing: Briefing, url: string, scene = 0): Promise<boolean> {
  const store = useAtlasStore.getState();
  const manifest = resolveDataParam(new URL(briefing.dataset, url).href, window.location.href);
  if ('refused' in manifest) {
    store.setProblems([
      {
        severity: 'error',
        file: url.split('/').pop() ?? url,
        field: 'dataset',
        message: manifest.refused.replace('?data=', 'dataset'),
      },
    ]);
    return false;
  }
  if (store.datasetUrl === undefined || new URL(store.datasetUrl, document.baseURI).href !== manifest.url) {
    const problems = await openDataset(manifest.url);
    if (problems) return false;
  }
  useAtlasStore.getState().setBriefing(briefing, url);
  useAtlasStore.getState().showScene(scene);
  return true;
}
