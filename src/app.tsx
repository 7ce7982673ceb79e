import { BaseMap } from './map/base-map';
import { Header, SourceNote } from './ui/header';
import { Legend } from './ui/legend';
import { PeriodControl } from './ui/period-control';
import { DisclosureNote, ProblemsPanel } from './ui/problems-panel';
import { DropZone, LoadProgress, OpenDataButton } from './ui/open-data';
import { Tooltip } from './ui/tooltip';

export function App() {
  return (
    <div className="app">
      <aside className="panel">
        <Header />
        <OpenDataButton />
        <LoadProgress />
        <PeriodControl />
        <Legend />
        <DisclosureNote />
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
