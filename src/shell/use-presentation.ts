/**
 * Presenting: the keys presentation clickers and people use, and the page attributes tools and
 * tests read. Next: →, ↓, PageDown, Space; previous: ←, ↑, PageUp, Shift+Space; Home and End; a
 * number then Enter jumps; B or "." blanks (any key restores); Esc leaves; F (or F5 from the
 * start, Shift+F5 from here) presents, full screen; P opens the presenter view.
 *
 * `<body data-presenting="true">` while presenting, `data-scene="<zero-based index>"` whenever a
 * scene is shown.
 */
import { useEffect } from 'react';
import { useAtlasStore } from '../state/store';
import { openPresenterWindow } from './presenter-channel';

const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown', 'n', 'N']);
const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp']);
const BLANK = new Set(['b', 'B', '.']);

/** Typing in a form is not a command. */
const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/** Starts presenting, full screen where the browser allows it (it needs a key press or click). */
export function present(fromScene?: number): void {
  const s = useAtlasStore.getState();
  if (!s.briefing) return;
  s.setPresenting(true);
  s.showScene(fromScene ?? s.sceneIndex ?? 0);
  if (!document.fullscreenElement) void document.documentElement.requestFullscreen?.().catch(() => {});
}

export function stopPresenting(): void {
  useAtlasStore.getState().setPresenting(false);
  if (document.fullscreenElement) void document.exitFullscreen?.().catch(() => {});
}

/** One key as a command; returns whether it was one. Shared by the main and presenter windows. */
export function presentationKey(key: string, shiftKey: boolean, digits: { value: string }): boolean {
  const s = useAtlasStore.getState();
  if (!s.briefing) return false;
  if (s.presenting && s.blanked) {
    s.setBlanked(false);
    return true;
  }
  if (key === 'F5') {
    present(shiftKey ? s.sceneIndex : 0);
    return true;
  }
  if (key === 'f' || key === 'F') {
    if (s.presenting) stopPresenting();
    else present();
    return true;
  }
  if (!s.presenting) return false;
  if (/^[0-9]$/.test(key)) {
    digits.value = (digits.value + key).slice(-3);
    return true;
  }
  if (key === 'Enter' && digits.value) {
    s.showScene(Number(digits.value) - 1);
    digits.value = '';
    return true;
  }
  digits.value = '';
  if (NEXT.has(key) || (key === ' ' && !shiftKey)) s.stepScene(1);
  else if (PREVIOUS.has(key) || (key === ' ' && shiftKey)) s.stepScene(-1);
  else if (key === 'Home') s.showScene(0);
  else if (key === 'End') s.showScene(s.briefing.scenes.length - 1);
  else if (BLANK.has(key)) s.setBlanked(true);
  else if (key === 'Escape') stopPresenting();
  else return false;
  return true;
}

export function usePresentation(): void {
  const presenting = useAtlasStore((s) => s.presenting);
  const sceneIndex = useAtlasStore((s) => s.sceneIndex);

  useEffect(() => {
    document.body.dataset.presenting = String(presenting);
    if (sceneIndex === undefined) delete document.body.dataset.scene;
    else document.body.dataset.scene = String(sceneIndex);
  }, [presenting, sceneIndex]);

  useEffect(() => {
    const digits = { value: '' };
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const presentingNow = useAtlasStore.getState().presenting;
      if (!presentingNow && isTyping(e.target)) return;
      if ((e.key === 'p' || e.key === 'P') && useAtlasStore.getState().briefing) {
        openPresenterWindow();
        e.preventDefault();
        return;
      }
      if (presentationKey(e.key, e.shiftKey, digits)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Leaving full screen with the browser's own Esc leaves presenting too.
  useEffect(() => {
    const onFullscreen = () => {
      if (!document.fullscreenElement && useAtlasStore.getState().presenting && wasFullscreen) stopPresenting();
      wasFullscreen = Boolean(document.fullscreenElement);
    };
    let wasFullscreen = Boolean(document.fullscreenElement);
    document.addEventListener('fullscreenchange', onFullscreen);
    return () => document.removeEventListener('fullscreenchange', onFullscreen);
  }, []);
}
