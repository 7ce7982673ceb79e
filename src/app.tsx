import { BaseMap } from './map/base-map';
import { Header, SourceNote } from './ui/header';
import { Legend } from './ui/map-key';
import { PeriodControl } from './ui/period-control';
import { DisclosureNote, ProblemsPanel } from './ui/problems-panel';
import { DropZone, LoadProgress, OpenDataButton } from './ui/open-data';
import { Tooltip } from './ui/tooltip';
import { ControlsPanel, FiltersPanel } from './ui/controls-panel';
import { SummaryPanel } from './ui/summary-panel';
import { DataPanel } from './ui/data-panel';
import { SharePanel } from './ui/share-panel';
import { SelectionPanel } from './ui/selection-panel';
import { useAnalysisData } from './shell/use-analysis-data';
import { useEscapeKey } from './shell/use-escape-key';
import { usePlayback } from './shell/use-playback';
import { usePresentation, presentationKey } from './shell/use-presentation';
import { serveThePresenter } from './shell/presenter-channel';
import { BriefingPanel } from './ui/briefing-panel';
import { BlankScreen, CaptionBand, PresentationLegend } from './ui/presentation';
import { PresentControls, PresentHint } from './ui/present-controls';
import { useAtlasStore } from './state/store';
import { useEffect, type CSSProperties } from 'react';
import { PROJECTOR_CHROME } from './map/theme';
import type { ProjectorTheme } from './data/view';

/** The projector chrome colours as the CSS custom properties the stylesheet reads. */
function chromeStyle(theme: ProjectorTheme): CSSProperties {
  const c = PROJECTOR_CHROME[theme];
  return {
    '--band-bg': c.bandBg,
    '--band-text': c.bandText,
    '--band-muted': c.bandMuted,
    '--band-rule': c.bandRule,
    '--badge-bg': c.badgeBg,
    '--badge-text': c.badgeText,
  } as CSSProperties;
}

/**
 * App-level behaviour, whatever panels are showing. A component of its own that draws nothing:
 * these hooks follow the period (analysis data) and the scene, and in App they would re-render
 * every panel on each period change (most of a change's JavaScript).
 */
function AppBehaviour() {
  usePlayback();
  useEscapeKey();
  useAnalysisData();
  usePresentation();
  useEffect(() => {
    const digits = { value: '' };
    return serveThePresenter((key, shiftKey) => presentationKey(key, shiftKey, digits));
  }, []);
  return null;
}

export function App() {
  const presenting = useAtlasStore((s) => s.presenting);
  const theme = useAtlasStore((s) => s.theme);
  return (
    <div
      className={presenting ? `app presenting theme-${theme}` : 'app'}
      style={presenting ? chromeStyle(theme) : undefined}
    >
      <AppBehaviour />
      <aside className="panel" hidden={presenting}>
        <Header />
        <LoadProgress />
        <PeriodControl />
        <SelectionPanel />
        {/*
          The key right under the period, before opening data and the briefing's tools: at
          1440 × 900 it shows without scrolling, an analysis layer's classes included.
        */}
        <Legend foldMethod />
        <OpenDataButton />
        <BriefingPanel />
        <DisclosureNote />
        <ControlsPanel />
        <FiltersPanel />
        <SummaryPanel />
        <DataPanel />
        <SharePanel />
        <SourceNote />
      </aside>
      <main className="map-wrap">
        <DropZone>
          <BaseMap />
          <Tooltip />
          <ProblemsPanel />
        </DropZone>
        {presenting && <PresentControls />}
        {presenting && <PresentHint />}
      </main>
      {presenting && <PresentationLegend />}
      {presenting && <CaptionBand />}
      <BlankScreen />
    </div>
  );
}
