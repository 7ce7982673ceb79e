/** What panels derive from the store: the flow network and filter exactly as the map uses them. */
import { useMemo } from 'react';
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

/** Memoised on the dataset and the view (selectViewChoices keeps the view object while it is equal), so panels' own memos hit. */
export function useDerived(): Derived | undefined {
  const dataset = useAtlasStore(selectShownDataset);
  const view = useAtlasStore(selectViewChoices);
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

/**
 * The flow network the map draws, for panels that list its places and nothing else (the filters):
 * it changes with the dataset and the grouping only, so they are not drawn again on every period
 * or layer change as useDerived's readers are.
 */
export function useFlowNetworkData(): FlowNetworkData | undefined {
  const dataset = useAtlasStore(selectShownDataset);
  const grouped = useAtlasStore((s) => {
    const shown = selectShownDataset(s);
    const view = selectViewChoices(s);
    return shown && view ? groupedFor(shown, view) : undefined;
  });
  return useMemo(
    () => (dataset && grouped !== undefined ? flowNetworkData(dataset, grouped) : undefined),
    [dataset, grouped],
  );
}
