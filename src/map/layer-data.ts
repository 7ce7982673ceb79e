/**
 * The flow network (src/derive) with each flow's curve: what the flow layers draw. Memoized like
 * every derivation, so layers stay thin and filters never rebuild data.
 */
import type { NetworkFlow } from '../data/analysis/network';
import type { Dataset } from '../data/schema';
import { filterValueOf, flowNetworkData, type FlowEntry, type FlowNetworkData } from '../derive/flow-network';
import { flowsInPeriod } from '../derive/period-flows';
import { memoize } from '../derive/memo';
import { curveBetween, type FlowCurve } from './flow-geometry';

/**
 * A flow ready to draw: the network flow, its GPU filter values and its curve. Both are made when
 * a layer reads them, not when the period's flows are listed: a sliced layer (sliced-layer.ts)
 * reads a slice's in that slice's frame, and the 3D arcs never read the curves (for 68,000 flows
 * the curves were 0.4 s and the filter values 15 ms of the task that handed a large file's first
 * period to the map).
 */
export class FlowDatum implements FlowEntry {
  #curve: FlowCurve | undefined;
  constructor(
    readonly flow: NetworkFlow,
    private readonly packing: Pick<FlowNetworkData, 'nodeIndex' | 'rankStride'>,
  ) {}

  get filterValue(): FlowEntry['filterValue'] {
    return filterValueOf(this.packing, this.flow);
  }

  get curve(): FlowCurve {
    this.#curve ??= curveOfFlow(this.flow);
    return this.#curve;
  }
}

/** A flow's curve: one per origin–destination pair, shared by every period's flow and change mode. */
export const curveOfFlow = (flow: NetworkFlow): FlowCurve =>
  curveBetween(flow.originNode.centroid, flow.destNode.centroid);

/** The network for every period, with the width scale all periods share (no object per flow). */
export interface FlowLayerData extends FlowNetworkData {
  /** Pixels per counted unit: the dataset's largest (merged) flow is `maxWidthPx` wide. */
  pixelsPerUnit: number;
}

/** What the flow layers upload: the flows of some periods, each with its curve. */
export interface FlowDrawData extends FlowLayerData {
  published: FlowDatum[];
  suppressed: FlowDatum[];
}

export const prepareFlowData = memoize((dataset: Dataset, grouped: boolean, maxWidthPx: number): FlowLayerData => {
  // Marked so tools and tests can see when flow data is (re)built: filters must never rebuild it.
  performance.mark('atlas:flow-data');
  const data = flowNetworkData(dataset, grouped);
  return { ...data, pixelsPerUnit: maxWidthPx / Math.max(1, data.maxCount) };
});

/**
 * The flows of periods `from` to `to` (indices) ready to draw. Made for the periods a layer
 * uploads only: all of them when they fit on the GPU, else the periods on screen (a 2.45-million
 * flow file built curves for every period's flows: 2.4 s and a gigabyte before its first map).
 */
export const flowDrawData = memoize((data: FlowLayerData, from: number, to: number): FlowDrawData => {
  const published: FlowDatum[] = [];
  const suppressed: FlowDatum[] = [];
  for (let period = from; period <= to; period++)
    for (const flow of flowsInPeriod(data.network, period))
      (flow.count === null ? suppressed : published).push(new FlowDatum(flow, data));
  return { ...data, published, suppressed };
}, 4);
