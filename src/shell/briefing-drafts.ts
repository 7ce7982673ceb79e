/**
 * Authoring is saved as it happens, in this browser (localStorage): a reload or a crash loses
 * nothing. A draft is kept per briefing address, so reopening the same briefing brings the edited
 * version back (with a way to return to the file); exporting writes the same JSON the files use.
 */
import { briefingJson, type Briefing, type Scene } from '../data/briefing-json';
import { pickView } from '../data/view';
import { useAtlasStore } from '../state/store';
import { dataClient } from './data-actions';

const PREFIX = 'atlas:briefing-draft:';
/** Where a briefing made in this browser lives: beside the published ones, for relative paths. */
export const LOCAL_BRIEFING_URL = () => new URL('data/briefings/my-briefing.json', document.baseURI).href;

const storage = (): Storage | undefined => {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
};

/**
 * Saves the draft. Storage full, blocked or turned off: the edits stay in memory (authoring goes
 * on), and the briefing panel says they will not survive a reload until exported.
 */
export function saveDraft(url: string, briefing: Briefing): void {
  let saved = false;
  try {
    const store = storage();
    if (store) {
      store.setItem(PREFIX + url, briefingJson(briefing));
      saved = true;
    }
  } catch {
    saved = false;
  }
  useAtlasStore.setState({ draftNotSaved: !saved });
}

export function draftText(url: string): string | undefined {
  try {
    return storage()?.getItem(PREFIX + url) ?? undefined;
  } catch {
    return undefined;
  }
}

export function dropDraft(url: string): void {
  try {
    storage()?.removeItem(PREFIX + url);
  } catch {
    // Nothing stored that could be dropped.
  }
}

/** The draft for `url`, checked like any briefing file; undefined when there is none or it is bad. */
export async function loadDraft(url: string): Promise<Briefing | undefined> {
  const text = draftText(url);
  if (!text) return undefined;
  try {
    return await dataClient().openBriefing({ text, name: 'saved draft' });
  } catch {
    dropDraft(url);
    return undefined;
  }
}

/** The latest local briefing (one made here, not from a file), if any. */
export const hasLocalDraft = () => draftText(LOCAL_BRIEFING_URL()) !== undefined;

/** Applies an edit to the scenes and saves the draft. */
export function editScenes(change: (scenes: Scene[]) => Scene[]): void {
  const s = useAtlasStore.getState();
  if (!s.briefing) return;
  s.setScenes(change([...s.briefing.scenes]));
  const after = useAtlasStore.getState();
  if (after.briefing && after.briefingUrl) saveDraft(after.briefingUrl, after.briefing);
  useAtlasStore.setState({ briefingEdited: true });
}

/** The view on screen as a new scene, after the one shown (or as a new briefing's first). */
export function addCurrentViewAsScene(): void {
  const s = useAtlasStore.getState();
  const view = pickView(s);
  const scene: Scene = { title: `Scene ${(s.briefing?.scenes.length ?? 0) + 1}`, caption: '', notes: '', view };
  if (!s.briefing) {
    const url = LOCAL_BRIEFING_URL();
    const dataset = s.datasetUrl ? relativeTo(url, new URL(s.datasetUrl, document.baseURI).href) : '';
    s.setBriefing({ title: 'My briefing', author: '', dataset, scenes: [scene] }, url);
    saveDraft(url, useAtlasStore.getState().briefing!);
    useAtlasStore.setState({ sceneIndex: 0, briefingEdited: true });
    return;
  }
  const at = (s.sceneIndex ?? s.briefing.scenes.length - 1) + 1;
  editScenes((scenes) => [...scenes.slice(0, at), scene, ...scenes.slice(at)]);
  useAtlasStore.setState({ sceneIndex: at });
}

/** A path from the folder of `from` to `to` (both absolute, same site). */
export function relativeTo(from: string, to: string): string {
  const a = new URL(from).pathname.split('/').slice(0, -1);
  const b = new URL(to).pathname.split('/');
  let common = 0;
  while (common < a.length && common < b.length - 1 && a[common] === b[common]) common++;
  return [...a.slice(common).map(() => '..'), ...b.slice(common)].join('/');
}

/** Downloads the briefing as its JSON file. */
export function exportBriefing(): void {
  const { briefing } = useAtlasStore.getState();
  if (!briefing) return;
  const name = `${
    briefing.title
      .replace(/[^\w-]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase() || 'briefing'
  }.json`;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([briefingJson(briefing)], { type: 'application/json' }));
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
