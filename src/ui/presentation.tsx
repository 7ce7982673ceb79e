/**
 * What the room sees while presenting: the map full screen, a caption band with the scene's title,
 * caption and progress ("3 / 7"), the legend, and the illustrative-data note where it applies.
 * B or "." blanks the screen.
 */
import { useAtlasStore } from '../state/store';
import { Caption } from './caption';
import { Legend } from './map-key';

export function CaptionBand() {
  const briefing = useAtlasStore((s) => s.briefing);
  const sceneIndex = useAtlasStore((s) => s.sceneIndex);
  const synthetic = useAtlasStore((s) => s.dataset?.manifest.synthetic);
  if (!briefing || sceneIndex === undefined) return null;
  const scene = briefing.scenes[sceneIndex];
  return (
    <section className="caption-band" aria-live="polite" aria-label="Scene caption" data-testid="caption-band">
      <div className="caption-text">
        <h2 data-testid="scene-title">{scene.title}</h2>
        <Caption text={scene.caption} className="caption-body" />
      </div>
      <div className="caption-side">
        <p
          className="progress"
          data-testid="scene-progress"
          aria-label={`Scene ${sceneIndex + 1} of ${briefing.scenes.length}`}
        >
          {sceneIndex + 1} / {briefing.scenes.length}
        </p>
        {synthetic && <p className="illustrative">Illustrative data</p>}
      </div>
    </section>
  );
}

/** The key of the drawn layers only: no controls on a projector. */
export function PresentationLegend() {
  return (
    // Focusable: on a small projector resolution the legend scrolls, and a keyboard must reach it.
    <aside className="presentation-legend" aria-label="Legend" tabIndex={0} data-testid="presentation-legend">
      <Legend />
    </aside>
  );
}

export function BlankScreen() {
  const blanked = useAtlasStore((s) => s.blanked);
  if (!blanked) return null;
  return (
    <div
      className="blank-screen"
      role="img"
      aria-label="Screen blanked: press any key to return"
      data-testid="blank-screen"
    />
  );
}
