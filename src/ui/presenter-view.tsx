/**
 * The presenter's own window: the scene on screen and the next one, speaker notes, time since
 * presenting began and the clock. It follows the main window and sends it the keys pressed here.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { captionText } from '../data/caption';
import { followTheRoom, type PresenterMessage } from '../shell/presenter-channel';
import { Caption } from './caption';

type RoomState = Extract<PresenterMessage, { type: 'state' }>;
type ScenePicture = Extract<PresenterMessage, { type: 'picture' }>;

/** A scene's picture by its place and title (an edited briefing renumbers its scenes). */
const pictureKey = (index: number, title: string) => `${index}|${title}`;

/** A scene's picture as the room will see it, or why there is none yet. */
function Picture({
  pictures,
  index,
  title,
  label,
}: {
  pictures: Map<string, ScenePicture>;
  index: number;
  title: string;
  label: string;
}) {
  const picture = pictures.get(pictureKey(index, title));
  const url = useMemo(() => (picture?.picture ? URL.createObjectURL(picture.picture) : undefined), [picture]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return (
    <figure
      className="presenter-picture"
      data-testid={`presenter-picture-${label}`}
      data-drawn={url ? 'true' : 'false'}
    >
      {url ? (
        <img src={url} alt={`The map of "${title}"`} width={480} height={270} />
      ) : (
        <div className="presenter-picture-wait">{picture ? 'No picture of this scene' : 'Drawing…'}</div>
      )}
    </figure>
  );
}

const clock = (date: Date) => date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
const elapsed = (ms: number) => {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};

export function PresenterView() {
  const [room, setRoom] = useState<RoomState>();
  const [pictures, setPictures] = useState(() => new Map<string, ScenePicture>());
  const [now, setNow] = useState(() => new Date());
  const link = useRef<ReturnType<typeof followTheRoom>>(undefined);

  useEffect(() => {
    link.current = followTheRoom(setRoom, (picture) =>
      setPictures((before) => new Map(before).set(pictureKey(picture.sceneIndex, picture.title), picture)),
    );
    const timer = window.setInterval(() => setNow(new Date()), 1000);
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      link.current?.sendKey(e.key, e.shiftKey);
      if (e.key !== 'Tab') e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      link.current?.close();
      window.clearInterval(timer);
      window.removeEventListener('keydown', onKey);
    };
  }, []);

  useEffect(() => {
    document.body.dataset.presenterScene = room?.sceneIndex === undefined ? '' : String(room.sceneIndex);
  }, [room?.sceneIndex]);

  if (!room?.briefing) {
    return <main className="presenter waiting">Waiting for the briefing in the main window…</main>;
  }
  const { briefing, sceneIndex = 0 } = room;
  const scene = briefing.scenes[sceneIndex];
  const next = briefing.scenes[sceneIndex + 1];
  return (
    <main className="presenter" data-testid="presenter">
      <header className="presenter-bar">
        <span data-testid="presenter-progress">
          Scene {sceneIndex + 1} / {briefing.scenes.length}
          {room.blanked ? ' · screen blanked' : ''}
          {room.presenting ? '' : ' · not presenting'}
        </span>
        <span>Elapsed {room.startedAt ? elapsed(now.getTime() - room.startedAt) : '0:00'}</span>
        <span>{clock(now)}</span>
      </header>
      <section className="presenter-current" aria-label="On screen now">
        <Picture pictures={pictures} index={sceneIndex} title={scene.title} label="current" />
        <h1 data-testid="presenter-title">{scene.title}</h1>
        <Caption text={scene.caption} className="presenter-caption" />
        <h2>Notes</h2>
        <Caption text={scene.notes || '(no notes)'} className="presenter-notes" />
      </section>
      <section className="presenter-next" aria-label="Next scene">
        <h2>Next</h2>
        {next ? (
          <>
            <Picture pictures={pictures} index={sceneIndex + 1} title={next.title} label="next" />
            <p className="presenter-next-title">{next.title}</p>
            <p className="muted">{captionText(next.caption)}</p>
          </>
        ) : (
          <p className="muted">End of the briefing.</p>
        )}
        <p className="muted keys">→ / PageDown next · ← / PageUp previous · B blank · Esc leave</p>
      </section>
    </main>
  );
}
