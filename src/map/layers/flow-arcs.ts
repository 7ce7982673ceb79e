import { ArcLayer } from '@deck.gl/layers';
import type { JoinedFlow } from '../../data/aggregate';
import { FLOW_STYLE } from '../theme';

export const FLOWS_LAYER_ID = 'flows';
export const SUPPRESSED_FLOWS_LAYER_ID = 'flows-suppressed';

/**
 * Arcs tilted flat onto the map so they read as curves from above; every arc bends the same way
 * (clockwise from origin to destination), so A→B and B→A never overlap.
 */
const ARC_SHAPE = {
  pickable: true,
  getSourcePosition: (f: JoinedFlow) => f.originArea.centroid,
  getTargetPosition: (f: JoinedFlow) => f.destArea.centroid,
  widthUnits: 'pixels',
  getTilt: 90,
  /** Bulge relative to the arc's length: enough to show the bend, not so much that arcs leave land. */
  getHeight: 0.25,
  autoHighlight: true,
  parameters: { depthCompare: 'always' },
} as const;

/** Published flows: width proportional to count, colour from the origin's blue to the destination's orange. */
export function flowArcsLayer(flows: JoinedFlow[], pixelsPerUnit: number) {
  return new ArcLayer<JoinedFlow>({
    ...ARC_SHAPE,
    id: FLOWS_LAYER_ID,
    data: flows,
    getSourceColor: FLOW_STYLE.source,
    getTargetColor: FLOW_STYLE.target,
    getWidth: (f) => (f.count ?? 0) * pixelsPerUnit,
    highlightColor: [0, 0, 0, 90],
  });
}

/** Suppressed flows: a thin grey mark that says "there is a flow of fewer than N", no more. */
export function suppressedArcsLayer(flows: JoinedFlow[]) {
  return new ArcLayer<JoinedFlow>({
    ...ARC_SHAPE,
    id: SUPPRESSED_FLOWS_LAYER_ID,
    data: flows,
    getSourceColor: FLOW_STYLE.suppressed,
    getTargetColor: FLOW_STYLE.suppressed,
    getWidth: FLOW_STYLE.suppressedWidthPx,
    highlightColor: [0, 0, 0, 160],
  });
}
