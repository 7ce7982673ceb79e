import { BaseMap } from './map/base-map';
import { Header, SourceNote } from './ui/header';
import { Legend } from './ui/legend';
import { PeriodControl } from './ui/period-control';
import { ProblemsPanel } from './ui/problems-panel';
import { Tooltip } from './ui/tooltip';
import { useAtlasStore } from './state/store';

export function App() {
  const status = useAtlasStore((s) => s.status);
  return (
    <div className="app">
      <aside className="panel">
        <Header />
        {status === 'loading' && (
          <p className="loading" role="status">
            Loading data…
          </p>
        )}
        <PeriodControl />
        <Legend />
        <SourceNote />
      </aside>
      <main className="map-wrap">
        <BaseMap />
        <Tooltip />
        <ProblemsPanel />
      </main>
    </div>
  );
}
