/**
 * The alt text of the view on screen: generated from the flows drawn (derive/describe.ts), or
 * the reader's own words where they edited it. One source for the data panel, the export and
 * embed dialog, and the embed page.
 */
import { protectedFlowCount, type FlowFilter, type NetworkFlow } from '../data/analysis/network';
import type { Dataset } from '../data/schema';
import { altText, visibleFlows } from '../derive/describe';
import { flowNetworkData } from '../derive/flow-network';
import { groupedFor } from '../derive/grouping';
import { memoize } from '../derive/memo';
import { useAtlasStore } from '../state/store';
import { useDerived } from './view-derived';

export interface ShownFlows {
  /** The flows drawn, largest first: the table and the CSV make their rows from these (flowRows). */
  flows: NetworkFlow[];
  protectedFlows: number;
  generated: string;
  alt: string;
}

/**
 * One derivation per view for every panel that reads it (the data panel and the share panel both
 * render on a period change, each with its own useDerived): memoised on the dataset and what picks
 * the flows, not on a panel's objects.
 */
const shownFlowsOf = memoize(
  (dataset: Dataset, grouped: boolean, filterKey: string, period: string, focusId: string | undefined) => {
    const network = flowNetworkData(dataset, grouped).network;
    const flows = visibleFlows(network, JSON.parse(filterKey) as FlowFilter);
    const focus = focusId === undefined ? undefined : network.nodes.get(focusId)?.name;
    return {
      flows,
      protectedFlows: protectedFlowCount(flows),
      generated: altText(dataset, flows, period, focus),
    };
  },
  2,
);

/** The flows shown and their alt text; `enabled` false (a closed panel) skips making them. */
export function useShownFlows(enabled = true): ShownFlows | undefined {
  const derived = useDerived();
  const override = useAtlasStore((s) => s.altTextOverride);
  if (!derived || !enabled) return undefined;
  const { dataset, view, filter } = derived;
  const shown = shownFlowsOf(
    dataset,
    groupedFor(dataset, view),
    JSON.stringify(filter),
    view.period,
    view.selection?.id,
  );
  return { ...shown, alt: override ?? shown.generated };
}
