/**
 * Opening a briefing: the file (same site only, like `?data=`), then its dataset, then the scene
 * asked for. Problems are shown and the map keeps what it had.
 */
import type { Briefing } from '../data/briefing';
import { useAtlasStore } from '../state/store';
import { problemsOf } from '../data/problems';
import { sceneReferenceProblems } from '../data/scene-references';
import { LOCAL_BRIEFING_URL, dropDraft, loadDraft, saveDraft } from './briefing-drafts';
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
  // Edits made in this browser win over the file; the panel offers to go back to the file.
  const draft = await loadDraft(target.url);
  let briefing: Briefing;
  try {
    briefing = draft ?? (await dataClient().openBriefing({ url: target.url }));
  } catch (error) {
    store.setProblems(problemsOf(error, path));
    return false;
  }
  const shown = await showBriefing(briefing, target.url, scene);
  if (shown && draft) useAtlasStore.setState({ briefingEdited: true });
  return shown;
}

/** Drops this browser's edits and reopens the briefing from its file. */
export async function revertToFile(): Promise<void> {
  const { briefingUrl, sceneIndex } = useAtlasStore.getState();
  if (!briefingUrl) return;
  dropDraft(briefingUrl);
  try {
    const briefing = await dataClient().openBriefing({ url: briefingUrl });
    await showBriefing(briefing, briefingUrl, sceneIndex ?? 0);
  } catch (error) {
    useAtlasStore.getState().setProblems(problemsOf(error, briefingUrl.split('/').pop() ?? briefingUrl));
  }
}

/** Reads a briefing file the reader chose; a bad one is reported and the current briefing stays. */
export async function importBriefing(file: File): Promise<void> {
  let briefing: Briefing;
  try {
    briefing = await dataClient().openBriefing({ text: await file.text(), name: file.name });
  } catch (error) {
    useAtlasStore.getState().setProblems(problemsOf(error, file.name));
    return;
  }
  const url = new URL(file.name.replace(/[^\w.-]+/g, '-'), LOCAL_BRIEFING_URL()).href;
  if (await showBriefing(briefing, url, 0)) saveDraft(url, briefing);
}

/**
 * Shows a briefing already read (opened, imported or restored), with its dataset, at scene
 * `scene`; `null` keeps the view on screen (a briefing restored after a reload).
 */
export async function showBriefing(briefing: Briefing, url: string, scene: number | null = 0): Promise<boolean> {
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
  if (scene !== null) useAtlasStore.getState().showScene(scene);
  // Scenes that name a period, measure or area the dataset lacks would not show what their author
  // meant: say which, and keep it on screen (as a link's unknown values are).
  const { dataset } = useAtlasStore.getState();
  const references = dataset ? sceneReferenceProblems(briefing, dataset, url.split('/').pop() ?? url) : [];
  if (references.length)
    useAtlasStore
      .getState()
      .setProblems([
        ...useAtlasStore.getState().problems,
        ...references.map((p) => ({ ...p, severity: 'warning' as const })),
      ]);
  return true;
}
