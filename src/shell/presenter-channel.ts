/**
 * The presenter view, a second window of the same app (`?presenter`), kept in step with the main
 * window over a BroadcastChannel: the main window sends the briefing and where it stands after
 * every change; the presenter window sends the keys pressed in it, which the main window applies
 * as its own. So keys in either window drive both, and the presenter can never disagree with what
 * the room sees.
 */
import type { Briefing } from '../data/briefing';
import { useAtlasStore } from '../state/store';

const CHANNEL = 'atlas-presenter';

export type PresenterMessage =
  | { type: 'hello' }
  | { type: 'key'; key: string; shiftKey: boolean }
  | {
      type: 'state';
      briefing?: Briefing;
      sceneIndex?: number;
      presenting: boolean;
      blanked: boolean;
      /** When presenting began (ms since the epoch), for the elapsed time. */
      startedAt?: number;
    }
  /** A picture of a scene (scene-pictures.ts), or none when it could not be drawn. */
  | { type: 'picture'; sceneIndex: number; title: string; picture?: Blob };

let startedAt: number | undefined;

/** Main window: answers the presenter with the state after every change and applies its keys. */
export function serveThePresenter(applyKey: (key: string, shiftKey: boolean) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel(CHANNEL);
  // Pictures are drawn only once a presenter's window has asked: the room's map comes first.
  let presenterOpen = false;
  const sendPictures = () => {
    const { briefing, sceneIndex } = useAtlasStore.getState();
    if (!presenterOpen || !briefing || sceneIndex === undefined) return;
    for (const index of [sceneIndex, sceneIndex + 1]) {
      const scene = briefing.scenes[index];
      if (!scene) continue;
      void import('./scene-pictures')
        .then(({ scenePicture }) => scenePicture(scene))
        .then((picture) =>
          channel.postMessage({
            type: 'picture',
            sceneIndex: index,
            title: scene.title,
            picture,
          } satisfies PresenterMessage),
        );
    }
  };
  const send = () => {
    const s = useAtlasStore.getState();
    if (s.presenting && startedAt === undefined) startedAt = Date.now();
    if (!s.presenting) startedAt = undefined;
    channel.postMessage({
      type: 'state',
      briefing: s.briefing,
      sceneIndex: s.sceneIndex,
      presenting: s.presenting,
      blanked: s.blanked,
      startedAt,
    } satisfies PresenterMessage);
    sendPictures();
  };
  channel.onmessage = (event: MessageEvent<PresenterMessage>) => {
    if (event.data.type === 'hello') {
      presenterOpen = true;
      send();
    } else if (event.data.type === 'key') applyKey(event.data.key, event.data.shiftKey);
  };
  const unsubscribe = useAtlasStore.subscribe((s, before) => {
    if (
      s.briefing !== before.briefing ||
      s.sceneIndex !== before.sceneIndex ||
      s.presenting !== before.presenting ||
      s.blanked !== before.blanked
    )
      send();
  });
  return () => {
    unsubscribe();
    channel.close();
  };
}

/** Presenter window: follows the main window's state and sends it the keys pressed here. */
export function followTheRoom(
  onState: (state: Extract<PresenterMessage, { type: 'state' }>) => void,
  onPicture: (picture: Extract<PresenterMessage, { type: 'picture' }>) => void,
): {
  sendKey: (key: string, shiftKey: boolean) => void;
  close: () => void;
} {
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<PresenterMessage>) => {
    if (event.data.type === 'state') onState(event.data);
    else if (event.data.type === 'picture') onPicture(event.data);
  };
  channel.postMessage({ type: 'hello' } satisfies PresenterMessage);
  return {
    sendKey: (key, shiftKey) => channel.postMessage({ type: 'key', key, shiftKey } satisfies PresenterMessage),
    close: () => channel.close(),
  };
}

/** Opens (or brings forward) the presenter window. */
export function openPresenterWindow(): Window | null {
  const url = new URL(window.location.href);
  url.search = '?presenter';
  url.hash = '';
  return window.open(url.href, 'atlas-presenter', 'popup,width=1000,height=720');
}
