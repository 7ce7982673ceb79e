import { ArcLayer } from '@deck.gl/layers';
import { flowEndColours } from '../flow-colours';
import { flowWidthPx } from '../key';
import type { FlowDatum, FlowDrawData } from '../layer-data';
import { FLOW_PICKING, type FlowDrawOptions } from './flow-curves';
import { gpuFilter } from './flow-filter';
import { sliced } from '../sliced-layer';
import { withPicking } from '../picking';

/**
 * 3D arcs rising from origin to destination, for a tilted view; colour runs from the origin's end
 * to the destination's, so direction reads along the arc. Suppressed flows are thin and grey.
 */
export function flowArcLayers(data: FlowDrawData, options: FlowDrawOptions) {
  const common = {
    pickable: true,
    ...gpuFilter(options.ranges),
    getSourcePosition: (d: FlowDatum) => d.flow.originNode.centroid,
    getTargetPosition: (d: FlowDatum) => d.flow.destNode.centroid,
    widthUnits: 'pixels' as const,
    greatCircle: false,
    getHeight: 0.6,
    autoHighlight: true,
    // The basemap's depth buffer is not the arcs' business: draw them over it.
    parameters: { depthCompare: 'always' as const },
  };
  const layers = [
    new ArcLayer<FlowDatum>({
      ...common,
      // Ids differ from the curved style's: deck and MapLibre match layers by id, and a PathLayer
      // id reused by an ArcLayer is never drawn.
      id: `flow-arcs-suppressed-${options.pass}`,
      data: data.suppressed,
      getSourceColor: options.look.flow.suppressed,
      getTargetColor: options.look.flow.suppressed,
      getWidth: options.look.flow.suppressedWidthPx,
      highlightColor: [0, 0, 0, 160],
    }),
    new ArcLayer<FlowDatum>({
      ...common,
      id: `flow-arcs-${options.pass}`,
      data: data.published,
      getSourceColor: (d) => flowEndColours(options.colour, data, d.flow, options.look)[0],
      getTargetColor: (d) => flowEndColours(options.colour, data, d.flow, options.look)[1],
      getWidth: (d) => flowWidthPx(d.flow.count!, data.pixelsPerUnit, options.look),
      highlightColor: [0, 0, 0, 90],
      updateTriggers: {
        getSourceColor: [options.colour, options.look],
        getTargetColor: [options.colour, options.look],
        getWidth: options.look,
      },
    }),
  ];
  return layers.map((layer) => withPicking(sliced(layer, options.inSlices), FLOW_PICKING));
}
