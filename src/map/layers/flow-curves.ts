import { PathLayer, TextLayer } from '@deck.gl/layers';
import type { FlowColour } from '../../data/view';
import { flowEndColours } from '../flow-colours';
import { flowWidthPx } from '../key';
import type { FlowDatum, FlowDrawData } from '../layer-data';
import { FLAT_PATH } from '../flow-geometry';
import type { MapLook } from '../theme';
import { sliced } from '../sliced-layer';
import { withPicking, type Picking } from '../picking';
import { gpuFilter } from './flow-filter';

/** Hovering a flow shows its ends, period and count; clicking one selects nothing. */
export const FLOW_PICKING: Picking<FlowDatum> = { toHover: (d) => ({ kind: 'flow', flow: d.flow }) };

/** A slice's curves made before its frame (sliced-layer.ts): both the line and its arrowhead read them. */
const CURVES_FIRST = {
  prepare: (rows: readonly FlowDatum[]) => {
    for (const row of rows) void row.curve;
  },
};

export interface FlowDrawOptions {
  /** Colours and widths (the desk look, or a projector theme). */
  look: MapLook;
  colour: FlowColour;
  /** One set of GPU filter ranges (see filterRanges); `pass` names the layer when there are two. */
  ranges: [number, number][];
  pass: string;
  /** Upload a slice a frame (sliced-layer.ts): the flows of the periods on screen of a large file. */
  inSlices: boolean;
}

/**
 * Flat curved flow lines with arrowheads. The line takes the origin colour and the arrowhead the
 * destination colour, so direction reads twice. Arrowheads are text glyphs ("▶") rotated to the
 * curve: drawn from a local font atlas, a constant size on screen at every zoom.
 */
export function flowCurveLayers(data: FlowDrawData, options: FlowDrawOptions) {
  const common = {
    data: data.published,
    pickable: true,
    ...gpuFilter(options.ranges),
    updateTriggers: { getColor: [options.colour, options.look], getWidth: options.look, getSize: options.look },
    parameters: { depthCompare: 'always' as const },
  };
  const width = (d: FlowDatum) => flowWidthPx(d.flow.count!, data.pixelsPerUnit, options.look);
  const layers = [
    new PathLayer<FlowDatum>({
      ...common,
      id: `flows-${options.pass}`,
      ...FLAT_PATH,
      getPath: (d) => d.curve.path,
      getWidth: width,
      widthUnits: 'pixels',
      widthMinPixels: options.look.flow.minWidthPx,
      capRounded: true,
      jointRounded: true,
      getColor: (d) => flowEndColours(options.colour, data, d.flow, options.look)[0],
      autoHighlight: true,
      highlightColor: [0, 0, 0, 90],
    }),
    new TextLayer<FlowDatum>({
      ...common,
      id: `flow-arrows-${options.pass}`,
      getText: () => '▶',
      characterSet: ['▶'],
      getPosition: (d) => d.curve.arrow.position,
      getAngle: (d) => d.curve.arrow.angle,
      getSize: (d) => 9 + width(d) * 1.4,
      getColor: (d) => flowEndColours(options.colour, data, d.flow, options.look)[1],
      fontFamily: 'DejaVu Sans, Arial Unicode MS, sans-serif',
      getTextAnchor: 'middle',
      getAlignmentBaseline: 'center',
    }),
  ];
  return layers.map((layer) => withPicking(sliced(layer, options.inSlices, CURVES_FIRST), FLOW_PICKING));
}

/** Protected flows: a thin grey line that says "there is a flow here, not shown", no more. */
export function suppressedCurveLayer(data: FlowDrawData, options: FlowDrawOptions) {
  const layer = new PathLayer<FlowDatum>({
    id: `flows-suppressed-${options.pass}`,
    data: data.suppressed,
    pickable: true,
    ...gpuFilter(options.ranges),
    ...FLAT_PATH,
    getPath: (d) => d.curve.path,
    getWidth: options.look.flow.suppressedWidthPx,
    widthUnits: 'pixels',
    getColor: options.look.flow.suppressed,
    autoHighlight: true,
    highlightColor: [0, 0, 0, 160],
    parameters: { depthCompare: 'always' },
  });
  return withPicking(sliced(layer, options.inSlices, CURVES_FIRST), FLOW_PICKING);
}
