/**
 * Presenting with a mouse, a touch screen or a laptop's trackpad: previous, next and leave buttons
 * over the map, shown on entry and on any pointer move, hidden after a few idle seconds so they
 * never sit in the room's picture; and, on the first entry of a session, a short hint of the keys.
 */
import { useEffect, useState } from 'react';
import { useAtlasStore } from '../state/store';
import { stopPresenting } from '../shell/use-presentation';
import { CloseIcon, NextIcon, PreviousIcon } from './icons';

/** How long the controls stay after the pointer last moved, and the hint after entry. */
const IDLE_MS = 3000;
const HINT_MS = 6000;

let hintShown = false;

/** True until `ms` after the last pointer move (or after mounting). */
function usePointerIdle(ms: number): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    let timer = window.setTimeout(() => setIdle(true), ms);
    const wake = () => {
      setIdle(false);
      window.clearTimeout(timer);
      timer = window.setTimeout(() => setIdle(true), ms);
    };
    // Capture phase: the map's own handlers must not keep the controls from waking.
    const events = ['pointermove', 'pointerdown', 'mousemove', 'touchstart'] as const;
    for (const type of events) window.addEventListener(type, wake, { capture: true, passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const type of events) window.removeEventListener(type, wake, { capture: true });
    };
  }, [ms]);
  return idle;
}

export function PresentControls() {
  const sceneIndex = useAtlasStore((s) => s.sceneIndex) ?? 0;
  const sceneCount = useAtlasStore((s) => s.briefing?.scenes.length ?? 0);
  const stepScene = useAtlasStore((s) => s.stepScene);
  const idle = usePointerIdle(IDLE_MS);
  return (
    <nav className="present-controls" aria-label="Presentation" data-idle={idle} data-testid="present-controls">
      <button type="button" onClick={() => stepScene(-1)} disabled={sceneIndex === 0} aria-label="Previous scene">
        <PreviousIcon />
      </button>
      <button
        type="button"
        onClick={() => stepScene(1)}
        disabled={sceneIndex >= sceneCount - 1}
        aria-label="Next scene"
        data-testid="present-next"
      >
        Next <NextIcon />
      </button>
      <button type="button" onClick={stopPresenting} aria-label="Leave presenting (Esc)" data-testid="present-exit">
        <CloseIcon />
      </button>
    </nav>
  );
}

/** The keys, said once per session on entering: they are otherwise invisible. */
export function PresentHint() {
  const [show] = useState(() => !hintShown);
  const [faded, setFaded] = useState(false);
  useEffect(() => {
    hintShown = true;
    const timer = window.setTimeout(() => setFaded(true), HINT_MS);
    const fade = () => setFaded(true);
    window.addEventListener('keydown', fade);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('keydown', fade);
    };
  }, []);
  if (!show) return null;
  return (
    <p className="present-hint" role="note" data-idle={faded} data-testid="present-hint">
      → or click the right of the map: next · ← previous · B blank · Esc leave
    </p>
  );
}
