/**
 * Esc, from anywhere on the page, by mode: exploring, it clears the selection and stops playback;
 * in an embed it only clears the selection (an embed's reader did not start anything else). A
 * presentation will leave presenting instead.
 */
import { useEffect } from 'react';
import { useAtlasStore, type AppMode } from '../state/store';

const ON_ESCAPE: Record<AppMode, () => void> = {
  explore: () => {
    const s = useAtlasStore.getState();
    s.clearSelection();
    s.setPlaying(false);
  },
  embed: () => useAtlasStore.getState().clearSelection(),
};

export function useEscapeKey(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // While presenting, Esc leaves presenting (use-presentation.ts).
      if (e.key === 'Escape' && !useAtlasStore.getState().presenting) ON_ESCAPE[useAtlasStore.getState().mode]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
