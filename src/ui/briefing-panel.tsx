/**
 * The briefing in the side panel: its scenes (click to show), Present (F) and the presenter view
 * (P), and authoring: add the view on screen as a scene, edit the scene's title, caption and notes,
 * move, duplicate and delete scenes (buttons, and Alt+↑/↓ on a scene), export and import the file.
 * Every edit is saved in this browser at once.
 */
import { useState, type KeyboardEvent } from 'react';
import { CloseIcon, DownIcon, DuplicateIcon, UpIcon } from './icons';
import { embeddedPack } from '../pack/embedded';
import { downloadPack } from '../shell/download-pack';
import type { Scene } from '../data/briefing';
import { pickView } from '../data/view';
import { SAMPLE_BRIEFING, importBriefing, openBriefing, revertToFile } from '../shell/briefing-actions';
import { LOCAL_BRIEFING_URL, addCurrentViewAsScene, editScenes, exportBriefing } from '../shell/briefing-drafts';
import { openPresenterWindow } from '../shell/presenter-channel';
import { present } from '../shell/use-presentation';
import { useAtlasStore } from '../state/store';

const move = (scenes: Scene[], from: number, to: number) => {
  if (to < 0 || to >= scenes.length) return scenes;
  const next = [...scenes];
  const [scene] = next.splice(from, 1);
  next.splice(to, 0, scene);
  return next;
};

function moveScene(from: number, to: number) {
  editScenes((scenes) => move(scenes, from, to));
  const count = useAtlasStore.getState().briefing?.scenes.length ?? 0;
  if (to >= 0 && to < count) useAtlasStore.setState({ sceneIndex: to });
}

function SceneEditor({ index, scene }: { index: number; scene: Scene }) {
  const update = (change: Partial<Scene>) =>
    editScenes((scenes) => scenes.map((s, i) => (i === index ? { ...s, ...change } : s)));
  return (
    <div className="scene-editor" data-testid="scene-editor">
      <label className="control">
        <span>Scene title</span>
        <input
          value={scene.title}
          maxLength={120}
          onChange={(e) => update({ title: e.target.value })}
          data-testid="scene-title-input"
        />
      </label>
      <label className="control">
        <span>Caption (what the room should see; *emphasis*, - lists)</span>
        <textarea
          rows={3}
          value={scene.caption}
          maxLength={600}
          onChange={(e) => update({ caption: e.target.value })}
          data-testid="scene-caption-input"
        />
      </label>
      <label className="control">
        <span>Speaker notes</span>
        <textarea rows={3} value={scene.notes} maxLength={5000} onChange={(e) => update({ notes: e.target.value })} />
      </label>
      <button type="button" onClick={() => update({ view: pickView(useAtlasStore.getState()) })}>
        Update scene from this view
      </button>
    </div>
  );
}

export function BriefingPanel() {
  const briefing = useAtlasStore((s) => s.briefing);
  const sceneIndex = useAtlasStore((s) => s.sceneIndex);
  const edited = useAtlasStore((s) => s.briefingEdited);
  const notSaved = useAtlasStore((s) => s.draftNotSaved);
  const briefingUrl = useAtlasStore((s) => s.briefingUrl);
  const publishedData = useAtlasStore((s) => Boolean(s.datasetUrl && !s.disclosure));
  const showScene = useAtlasStore((s) => s.showScene);
  const [packStage, setPackStage] = useState('');
  const inPack = Boolean(embeddedPack());

  const importInput = (
    <label className="file-button">
      Import briefing…
      <input
        type="file"
        accept=".json,application/json"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void importBriefing(file);
          e.target.value = '';
        }}
        data-testid="import-briefing"
      />
    </label>
  );

  if (!briefing) {
    return (
      <section className="briefing" aria-label="Briefing">
        <h2>Briefing</h2>
        <div className="briefing-actions">
          <button type="button" onClick={() => void openBriefing(SAMPLE_BRIEFING)} data-testid="open-sample-briefing">
            Open the sample briefing
          </button>
          <button type="button" onClick={addCurrentViewAsScene} disabled={!publishedData} data-testid="add-scene">
            Start a briefing from this view
          </button>
          {importInput}
        </div>
        {!publishedData && (
          <p className="muted">Briefings use published datasets; files opened here cannot be linked from one.</p>
        )}
      </section>
    );
  }

  const onSceneKey = (e: KeyboardEvent, i: number) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    moveScene(i, e.key === 'ArrowUp' ? i - 1 : i + 1);
  };
  const current = sceneIndex === undefined ? undefined : briefing.scenes[sceneIndex];
  return (
    <section className="briefing" aria-label={`Briefing: ${briefing.title}`} data-testid="briefing-panel">
      <label className="control briefing-title">
        <span>Briefing</span>
        <input
          value={briefing.title}
          maxLength={120}
          onChange={(e) => {
            useAtlasStore.setState({ briefing: { ...briefing, title: e.target.value || ' ' } });
            editScenes((scenes) => scenes);
          }}
        />
      </label>
      {edited && briefingUrl && briefingUrl !== LOCAL_BRIEFING_URL() && (
        <p className="muted" data-testid="briefing-edited">
          Edited in this browser.{' '}
          <button type="button" className="link" onClick={() => void revertToFile()}>
            Go back to the file
          </button>
        </p>
      )}
      <div className="briefing-actions">
        <button type="button" onClick={() => present()} data-testid="present" title="Present full screen (F)">
          ▶ Present
        </button>
        <button
          type="button"
          onClick={() => openPresenterWindow()}
          data-testid="presenter-view"
          title="Presenter view in a second window (P)"
        >
          Presenter view
        </button>
      </div>
      <ol className="scene-list" aria-label="Scenes (Alt+↑/↓ moves the focused scene)">
        {briefing.scenes.map((scene, i) => (
          <li key={i}>
            <button
              type="button"
              aria-current={i === sceneIndex ? 'step' : undefined}
              onClick={() => showScene(i)}
              onKeyDown={(e) => onSceneKey(e, i)}
            >
              {scene.title}
            </button>
            <span className="scene-tools">
              <button
                type="button"
                aria-label={`Move "${scene.title}" up`}
                disabled={i === 0}
                onClick={() => moveScene(i, i - 1)}
              >
                <UpIcon />
              </button>
              <button
                type="button"
                aria-label={`Move "${scene.title}" down`}
                disabled={i === briefing.scenes.length - 1}
                onClick={() => moveScene(i, i + 1)}
              >
                <DownIcon />
              </button>
              <button
                type="button"
                aria-label={`Duplicate "${scene.title}"`}
                onClick={() =>
                  editScenes((scenes) => [
                    ...scenes.slice(0, i + 1),
                    { ...scene, title: `${scene.title} (copy)` },
                    ...scenes.slice(i + 1),
                  ])
                }
              >
                <DuplicateIcon />
              </button>
              <button
                type="button"
                aria-label={`Delete "${scene.title}"`}
                disabled={briefing.scenes.length === 1}
                onClick={() => editScenes((scenes) => scenes.filter((_, j) => j !== i))}
              >
                <CloseIcon />
              </button>
            </span>
          </li>
        ))}
      </ol>
      <div className="briefing-actions">
        <button type="button" onClick={addCurrentViewAsScene} data-testid="add-scene">
          + Add this view as a scene
        </button>
      </div>
      {current && sceneIndex !== undefined && <SceneEditor index={sceneIndex} scene={current} />}
      {notSaved && (
        <p className="storage-warning" role="alert" data-testid="draft-not-saved">
          This browser is not saving your edits (its storage is full or turned off). They are kept while this page stays
          open: use Export briefing to keep them.
        </p>
      )}
      <div className="briefing-actions">
        <button type="button" onClick={exportBriefing} data-testid="export-briefing">
          Export briefing
        </button>
        {importInput}
        {!inPack && (
          <button
            type="button"
            disabled={packStage !== ''}
            onClick={() => void downloadPack(setPackStage)}
            title="One HTML file that presents from disk, with no network"
            data-testid="download-pack"
          >
            {packStage || 'Download briefing pack'}
          </button>
        )}
      </div>
    </section>
  );
}
