/**
 * The briefing in the side panel: its scenes (click one to show it), Present (F) and the presenter
 * view (P). Without a briefing, a way to open the sample one.
 */
import { SAMPLE_BRIEFING, openBriefing } from '../shell/briefing-actions';
import { openPresenterWindow } from '../shell/presenter-channel';
import { present } from '../shell/use-presentation';
import { useAtlasStore } from '../state/store';

export function BriefingPanel() {
  const briefing = useAtlasStore((s) => s.briefing);
  const sceneIndex = useAtlasStore((s) => s.sceneIndex);
  const showScene = useAtlasStore((s) => s.showScene);
  if (!briefing) {
    return (
      <section className="briefing" aria-label="Briefing">
        <button
          type="button"
          className="link-button"
          onClick={() => void openBriefing(SAMPLE_BRIEFING)}
          data-testid="open-sample-briefing"
        >
          Open the sample briefing
        </button>
      </section>
    );
  }
  return (
    <section className="briefing" aria-label={`Briefing: ${briefing.title}`} data-testid="briefing-panel">
      <h2>{briefing.title}</h2>
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
      <ol className="scene-list">
        {briefing.scenes.map((scene, i) => (
          <li key={i}>
            <button type="button" aria-current={i === sceneIndex ? 'step' : undefined} onClick={() => showScene(i)}>
              {scene.title}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
