/**
 * A briefing opened from a URL keeps its place in the URL: `briefing=<path>&scene=N` (one-based, as
 * the progress shows) and `present` while presenting, so a reload or a shared link comes back to
 * the same scene. Written with replaceState beside the view's own fields.
 */
import { useAtlasStore } from '../state/store';
import { viewHref } from '../state/url-state';

export function syncBriefingUrl(path: string): () => void {
  return useAtlasStore.subscribe((s, before) => {
    if (
      s.sceneIndex === before.sceneIndex &&
      s.presenting === before.presenting &&
      s.briefingUrl === before.briefingUrl
    )
      return;
    // From the view's address as it is now (its own write may be waiting), so neither undoes the other.
    const url = new URL(viewHref());
    if (!s.briefing || !s.briefingUrl) {
      for (const key of ['briefing', 'scene', 'present']) url.searchParams.delete(key);
    } else {
      url.searchParams.set('briefing', path);
      if (s.sceneIndex === undefined) url.searchParams.delete('scene');
      else url.searchParams.set('scene', String(s.sceneIndex + 1));
      if (s.presenting) url.searchParams.set('present', '');
      else url.searchParams.delete('present');
    }
    const next = url.href.replace(/([?&]present)=(?=&|#|$)/, '$1');
    if (next !== window.location.href) window.history.replaceState(window.history.state, '', next);
  });
}
