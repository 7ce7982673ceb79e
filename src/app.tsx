import { BaseMap } from './map/base-map';
import { Header, SourceNote } from './ui/header';
import { Legend } from './ui/legend';
import { PeriodControl } from './ui/period-control';
import { DisclosureNote, ProblemsPanel } from './ui/problems-panel';
import { DropZone, LoadProgress, OpenDataButton } from './ui/open-data';
import { Tooltip } from './ui/tooltip';
import { ControlsPanel, FiltersPanel } from './ui/controls-panel';
import { SummaryPanel } from './ui/summary-panel';
import { SelectionPanel } from './ui/selection-panel';
import { useAnalysisData } from './shell/use-analysis-data';
import { useEscapeKey } from './shell/use-escape-key';
import { usePlayback } from './shell/use-playback';

export function App() {
  // App-level behaviour, whatever panels are showing.
  usePlayback();
  useEscapeKey();
  useAnalysisData();
  return (
    <div className="app">
      <aside className="panel">
        <Header />
        <OpenDataButton />
        <LoadProgress />
        <PeriodControl />
        <SelectionPanel />
        <Legend />
        <DisclosureNote />
        <ControlsPanel />
        <FiltersPanel />
        <SummaryPanel />
        <SourceNote />
      </aside>
      <main className="map-wrap">
        <DropZone>
          <BaseMap />
          <Tooltip />
          <ProblemsPanel />
        </DropZone>
      </main>
    </div>
  );
}
