/**
 * The flow network (src/derive) with each flow's curve: what the flow layers draw. Memoized like
 * every derivation, so layers stay thin and filters never rebuild data.
 */
import type { Dataset } from '../data/schema';
import { flowNetworkData, type FlowEntry, type FlowNetworkData } from '../derive/flow-network';
import { memoize } from '../derive/memo';
import { curveBetween, type FlowCurve } from './flow-geometry';

/** A flow ready to draw: the network flow, its GPU filter values and its curve. */
export interface FlowDatum extends FlowEntry {
  curve: FlowCurve;
}

export interface FlowLayerData extends FlowNetworkData {
  published: FlowDatum[];
  suppressed: FlowDatum[];
  /** Pixels per counted unit: the dataset's largest (merged) flow is `maxWidthPx` wide. */
  pixelsPerUnit: number;
}

export const prepareFlowData = memoize((dataset: Dataset, grouped: boolean, maxWidthPx: number): FlowLayerData => {
  // Marked so tools and tests can see when flow data is (re)built: filters must never rebuild it.
  performance.mark('atlas:flow-data');
  const data = flowNetworkData(dataset, grouped);
  const withCurve = ({ flow, filterValue }: FlowEntry): FlowDatum => ({
    flow,
    filterValue,
    // One curve per origin–destination pair, shared by every period's flow between them.
    curve: curveBetween(flow.originNode.centroid, flow.destNode.centroid),
  });
  return {
    ...data,
    published: data.published.map(withCurve),
    suppressed: data.suppressed.map(withCurve),
    pixelsPerUnit: maxWidthPx / Math.max(1, data.maxCount),
  };
});
