/** What panels derive from the store: the flow data and filter exactly as the map uses them. */
import { useShallow } from 'zustand/react/shallow';
import { flowFilterOf, isGrouped, type ViewChoices } from '../map/compose-layers';
import { prepareFlowData, type FlowLayerData } from '../map/layer-data';
import { FLOW_STYLE } from '../map/theme';
import type { FlowFilter } from '../data/analysis/network';
import type { Dataset } from '../data/schema';
import { useAtlasStore } from '../state/store';
import { selectViewChoices } from '../state/view-choices';

export interface Derived {
  dataset: Dataset;
  view: ViewChoices;
  flowData: FlowLayerData;
  filter: FlowFilter;
}

export function useDerived(): Derived | undefined {
  const dataset = useAtlasStore((s) => s.dataset);
  const view = useAtlasStore(useShallow(selectViewChoices));
  if (!dataset || !view) return undefined;
  const flowData = prepareFlowData(dataset, isGrouped(view.grouping, view.zoom), FLOW_STYLE.maxWidthPx);
  return { dataset, view, flowData, filter: flowFilterOf(dataset, view) };
}
