import { ArcLayer } from '@deck.gl/layers';
import type { JoinedFlow } from '../../data/aggregate';
import { FLOW_STYLE } from '../theme';

export const FLOWS_LAYER_ID = 'flows';
export const SUPPRESSED_FLOWS_LAYER_ID = 'flows-suppressed';

/**
 * Arcs tilted flat onto the map so they read as curves from above; every arc bends the same way
 * (clockwise from origin to destination), so A→B and B→A never overlap. Colour runs from the
 * origin's blue to the destination's orange.
 */
const TILT_DEGREES = 90;
/** Bulge relative to the arc's length: enough to show the bend, not so much that arcs leave land. */
const ARC_HEIGHT = 0.25;

export function flowArcsLayer(flows: JoinedFlow[], pixelsPerUnit: number) {
  return new ArcLayer<JoinedFlow>({
    id: FLOWS_LAYER_ID,
    data: flows,
    pickable: true,
    getSourcePosition: (f) => f.originArea.centroid,
    getTargetPosition: (f) => f.destArea.centroid,
    getSourceColor: FLOW_STYLE.source,
    getTargetColor: FLOW_STYLE.target,
    widthUnits: 'pixels',
    getWidth: (f) => (f.count ?? 0) * pixelsPerUnit,
    getTilt: TILT_DEGREES,
    getHeight: ARC_HEIGHT,
    autoHighlight: true,
    highlightColor: [0, 0, 0, 90],
    parameters: { depthCompare: 'always' },
  });
}

/** Suppressed flows: a thin grey mark that says "there is a flow of fewer than N", no more. */
export function suppressedArcsLayer(flows: JoinedFlow[]) {
  return new ArcLayer<JoinedFlow>({
    id: SUPPRESSED_FLOWS_LAYER_ID,
    data: flows,
    pickable: true,
    getSourcePosition: (f) => f.originArea.centroid,
    getTargetPosition: (f) => f.destArea.centroid,
    getSourceColor: FLOW_STYLE.suppressed,
    getTargetColor: FLOW_STYLE.suppressed,
    widthUnits: 'pixels',
    getWidth: FLOW_STYLE.suppressedWidthPx,
    getTilt: TILT_DEGREES,
    getHeight: ARC_HEIGHT,
    autoHighlight: true,
    highlightColor: [0, 0, 0, 160],
    parameters: { depthCompare: 'always' },
  });
}
