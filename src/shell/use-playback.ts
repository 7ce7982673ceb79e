/**
 * Playback runs here, in the app shell, not in the period control: a presentation hides the
 * panel but keeps playing.
 */
import { useEffect } from 'react';
import { useAtlasStore } from '../state/store';

export function usePlayback(): void {
  const playing = useAtlasStore((s) => s.playing);
  const speed = useAtlasStore((s) => s.speed);
  useEffect(() => {
    if (!playing) return;
    const timer = window.setInterval(() => useAtlasStore.getState().advance(), 1000 / speed);
    return () => window.clearInterval(timer);
  }, [playing, speed]);
}
