import type { ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { selectShownDataset, useAtlasStore } from '../state/store';
import { INCIDENT_LAYERS, LAYER_LABELS, LAYER_NAMES, optionsOf, VIEW_FIELDS } from '../data/view';
import { useFlowNetworkData } from './view-derived';
import { flowEndpoints } from '../derive/flow-network';
import { AnalysisControls } from './analysis-controls';
import { AreaSelect, Select } from './select';
import { capitalise } from '../data/format';

const ANALYSIS = LAYER_NAMES.filter((name) => name !== 'flows');

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <details className="controls" open>
      <summary>{title}</summary>
      {children}
    </details>
  );
}

/** How flows are drawn, and which layers are on, each with its own key and explanation. */
export function ControlsPanel() {
  const s = useAtlasStore(
    useShallow((st) => ({
      layers: st.layers,
      flowStyle: st.flowStyle,
      flowColour: st.flowColour,
      grouping: st.grouping,
      measure: st.measure,
      mainMeasure: st.dataset?.manifest.flowMeasure ?? '',
      setMeasure: st.setMeasure,
      setLayer: st.setLayer,
      setFlowStyle: st.setFlowStyle,
      setFlowColour: st.setFlowColour,
      setGrouping: st.setGrouping,
    })),
  );
  // The dataset alone, not useDerived: these controls do not change with the period.
  const dataset = useAtlasStore(selectShownDataset);
  if (!dataset) return null;
  const hasIncidents = Boolean(dataset.manifest.files.incidents) || dataset.incidents.length > 0;
  return (
    <Section title="Flows and layers">
      <label className="check">
        <input
          type="checkbox"
          checked={s.layers.flows}
          onChange={(e) => s.setLayer('flows', e.target.checked)}
          data-testid="layer-flows"
        />{' '}
        Flows
      </label>
      {dataset.manifest.measures.length > 0 && (
        <Select
          label="Measure"
          value={s.measure ?? ''}
          options={[
            ['', capitalise(s.mainMeasure)],
            ...dataset.manifest.measures.map((m) => [m.id, capitalise(m.label)] as const),
          ]}
          onChange={(id) => s.setMeasure(id || undefined)}
          testId="measure"
        />
      )}
      <Select
        label="Flow style"
        value={s.flowStyle}
        options={optionsOf('flowStyle')}
        onChange={s.setFlowStyle}
        testId="flow-style"
      />
      <Select
        label="Colour"
        value={s.flowColour}
        options={optionsOf('flowColour')}
        onChange={s.setFlowColour}
        testId="flow-colour"
      />
      <Select
        label="Origins"
        value={s.grouping}
        options={optionsOf('grouping')}
        onChange={s.setGrouping}
        testId="grouping"
      />
      <fieldset className="layers">
        <legend>Analysis layers</legend>
        {ANALYSIS.map((name) => {
          const needsIncidents = INCIDENT_LAYERS.includes(name);
          return (
            <div key={name}>
              <label className="check">
                <input
                  type="checkbox"
                  checked={s.layers[name]}
                  disabled={needsIncidents && !hasIncidents}
                  onChange={(e) => s.setLayer(name, e.target.checked)}
                  data-testid={`layer-${name}`}
                />{' '}
                {LAYER_LABELS[name]}
                {needsIncidents && !hasIncidents && (
                  <span className="muted"> (this dataset has no incident cells)</span>
                )}
              </label>
              {s.layers[name] && <AnalysisControls layer={name} />}
            </div>
          );
        })}
      </fieldset>
    </Section>
  );
}

/** Filters by origin, destination, minimum count and top N; all applied on the GPU. */
export function FiltersPanel() {
  const s = useAtlasStore(
    useShallow((st) => ({
      originFilter: st.originFilter,
      destFilter: st.destFilter,
      minCount: st.minCount,
      topN: st.topN,
      selection: st.selection,
      setOriginFilter: st.setOriginFilter,
      setDestFilter: st.setDestFilter,
      setMinCount: st.setMinCount,
      setTopN: st.setTopN,
      select: st.select,
      clearSelection: st.clearSelection,
    })),
  );
  const flowData = useFlowNetworkData();
  if (!flowData) return null;
  const { origins, dests, endpoints } = flowEndpoints(flowData.network);
  return (
    <Section title="Filters">
      {/* The keyboard's way to what a click on the map does. */}
      <AreaSelect
        label="Isolate an area's flows"
        value={s.selection?.id ?? ''}
        none="None"
        areas={endpoints}
        onChange={(v) => (v ? s.select(v) : s.clearSelection())}
        testId="isolate"
      />
      <AreaSelect
        label="Origin"
        value={s.originFilter ?? ''}
        none="All origins"
        areas={origins}
        onChange={(v) => s.setOriginFilter(v || undefined)}
        testId="origin-filter"
      />
      <AreaSelect
        label="Destination"
        value={s.destFilter ?? ''}
        none="All destinations"
        areas={dests}
        onChange={(v) => s.setDestFilter(v || undefined)}
        testId="dest-filter"
      />
      <label className="control">
        <span>
          {VIEW_FIELDS.minCount.label}: <output>{s.minCount === 0 ? 'all (incl. protected flows)' : s.minCount}</output>
        </span>
        <input
          type="range"
          min={VIEW_FIELDS.minCount.range[0]}
          max={VIEW_FIELDS.minCount.range[1]}
          step={VIEW_FIELDS.minCount.step}
          value={s.minCount}
          onChange={(e) => s.setMinCount(Number(e.target.value))}
          data-testid="min-count"
        />
      </label>
      <Select
        label="Show"
        value={String(s.topN)}
        options={optionsOf('topN').map(([value, text]) => [String(value), text] as const)}
        onChange={(v) => s.setTopN(Number(v))}
        testId="top-n"
      />
    </Section>
  );
}
