/**
 * The alt text of the view on screen: generated from the flows drawn (derive/describe.ts), or
 * the reader's own words where they edited it. One source for the data panel, the export and
 * embed dialog, and the embed page.
 */
import { useMemo } from 'react';
import { protectedFlowCount } from '../data/analysis/network';
import { altText, flowRows, visibleFlows, type FlowRow } from '../derive/describe';
import { useAtlasStore } from '../state/store';
import { useDerived } from './view-derived';

export function useShownFlows():
  | { rows: FlowRow[]; protectedFlows: number; generated: string; alt: string }
  | undefined {
  const derived = useDerived();
  const override = useAtlasStore((s) => s.altTextOverride);
  const shown = useMemo(() => {
    if (!derived) return undefined;
    const flows = visibleFlows(derived.flowData.network, derived.filter);
    const focus = derived.view.selection && derived.flowData.network.nodes.get(derived.view.selection.id)?.name;
    return {
      rows: flowRows(flows),
      protectedFlows: protectedFlowCount(flows),
      generated: altText(derived.dataset, flows, derived.view.period, focus),
    };
  }, [derived]);
  return shown && { ...shown, alt: override ?? shown.generated };
}
