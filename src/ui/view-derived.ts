/** What panels derive from the store: the flow network and filter exactly as the map uses them. */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { FlowFilter } from '../data/analysis/network';
import type { Dataset } from '../data/schema';
import { flowNetworkData, type FlowNetworkData } from '../derive/flow-network';
import { groupedFor } from '../derive/grouping';
import { flowFilterOf } from '../derive/view-filter';
import { selectShownDataset, useAtlasStore } from '../state/store';
import { selectViewChoices, type ViewChoices } from '../state/view-choices';

export interface Derived {
  dataset: Dataset;
  view: ViewChoices;
  flowData: FlowNetworkData;
  filter: FlowFilter;
}

/** Memoised on the dataset and the view (useShallow keeps the view object while it is equal), so panels' own memos hit. */
export function useDerived(): Derived | undefined {
  const dataset = useAtlasStore(selectShownDataset);
  const view = useAtlasStore(useShallow(selectViewChoices));
  return useMemo(() => {
    if (!dataset || !view) return undefined;
    return {
      dataset,
      view,
      flowData: flowNetworkData(dataset, groupedFor(dataset, view)),
      filter: flowFilterOf(dataset, view),
    };
  }, [dataset, view]);
}
