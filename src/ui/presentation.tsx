/**
 * What the room sees while presenting: the map full screen, a caption band with the scene's title,
 * caption and progress ("3 / 7"), the legend, and the illustrative-data note where it applies.
 * B or "." blanks the screen.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import { useAtlasStore } from '../state/store';
import { Caption } from './caption';
import { KeySections, useKeySections } from './map-key';

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

interface WindowSize {
  width: number;
  height: number;
}

const windowSize = (): WindowSize => ({ width: window.innerWidth, height: window.innerHeight });

/** The window's size, for layouts that measure themselves (the same object until it changes). */
function useWindowSize(): WindowSize {
  const [size, setSize] = useState(windowSize);
  useLayoutEffect(() => {
    const onResize = () =>
      setSize((was) => (was.width === window.innerWidth && was.height === window.innerHeight ? was : windowSize()));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return size;
}

type KeyFit = 'column' | 'compact' | 'columns';

/**
 * The key of the drawn layers only (no controls on a projector), never with a scrollbar: as at
 * the desk if it fits the screen's height, else tighter and without its notes, else in two
 * columns. Measured after each change of the rows or the window, before the browser paints.
 */
export function PresentationLegend() {
  const sections = useKeySections();
  const size = useWindowSize();
  const aside = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const box = aside.current;
    const legend = box?.firstElementChild as HTMLElement | null;
    if (!box || !legend) return;
    const overflows = () =>
      legend.scrollHeight > legend.clientHeight + 1 || legend.scrollWidth > legend.clientWidth + 1;
    for (const fit of ['column', 'compact', 'columns'] as KeyFit[]) {
      box.dataset.fit = fit;
      if (!overflows()) return;
    }
  }, [sections, size]);
  if (sections.length === 0) return null;
  return (
    <aside className="presentation-legend" aria-label="Key" ref={aside} data-testid="presentation-legend">
      <section className="legend" data-testid="legend">
        <h2>Key</h2>
        <KeySections sections={sections} textPx={roomPx(24, size.height)} />
      </section>
    </aside>
  );
}

/** `px` at 1080 lines, scaled to the window's height (the CSS's --room unit). */
const roomPx = (px: number, windowHeight: number) => (px * windowHeight) / 1080;

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
