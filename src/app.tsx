import { useEffect } from 'react';
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
import { useAtlasStore } from './state/store';

export function App() {
  // Esc clears the selection (and stops playback), from anywhere on the page.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      const s = useAtlasStore.getState();
      s.clearSelection();
      s.setPlaying(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
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
