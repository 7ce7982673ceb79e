/**
 * The flows: curved lines with arrowheads (flow-curves.ts) or 3D arcs (flow-arcs.ts), filtered on
 * the GPU, coloured by direction, exporting area or count (flow-colours.ts). Its key is built from
 * the same scale and colours: widths at sample counts, the protected-flow line, and what the
 * colour means in the style drawn.
 */
import type { Layer } from '@deck.gl/core';
import { legendSamples } from '../../data/analysis/aggregate';
import type { NetworkFlow } from '../../data/analysis/network';
import { visibleFlows } from '../../derive/describe';
import { boxMeets, boxOf } from '../../data/bounds';
import { formatNumber, PROTECTED } from '../../data/format';
import { filterRanges } from '../../derive/flow-network';
import {
  COUNT_COLOURS,
  countColour,
  flowEndColours,
  GROUP_COLOURS,
  groupColour,
  OTHER_GROUP_COLOUR,
} from '../flow-colours';
import { drawnColour, flowWidthPx, hex, type KeyRow } from '../key';
import { layerModule, type LayerContext } from '../layer-module';
import { flowArcLayers } from './flow-arcs';
import { flowCurveLayers, suppressedCurveLayer } from './flow-curves';

/** The flows drawn in this view (the GPU filter's test, on the CPU): what the key's classes count. */
const visible = (ctx: LayerContext) => visibleFlows(ctx.allFlows.network, ctx.filter);

/** A flow is in view when the box of its two ends meets what is on screen. */
export const flowInView = (ctx: LayerContext, flow: NetworkFlow) =>
  boxMeets(ctx.bounds, boxOf([flow.originNode.centroid, flow.destNode.centroid]));

function colourRows(ctx: LayerContext, flows: NetworkFlow[]): KeyRow[] {
  const { look, view, allFlows } = ctx;
  // Only the classed styles ask which classes are on screen: the direction key has no empty rows.
  const published = () => flows.filter((f) => f.count !== null && flowInView(ctx, f));
  if (view.flowColour === 'group') {
    const shown = new Set(published().map((f) => hex(groupColour(allFlows, f))));
    const rows: KeyRow[] = allFlows.groups.slice(0, GROUP_COLOURS.length).map((group, i) => {
      const colour = hex(GROUP_COLOURS[i]);
      return { kind: 'swatch', label: group, colour, empty: !shown.has(colour) };
    });
    if (allFlows.groups.length > GROUP_COLOURS.length) {
      const colour = hex(OTHER_GROUP_COLOUR);
      rows.push({ kind: 'swatch', label: 'Other exporting areas', colour, empty: !shown.has(colour) });
    }
    return rows;
  }
  if (view.flowColour === 'count') {
    const shown = new Set(published().map((f) => hex(countColour(allFlows, f))));
    return allFlows.countBreaks.map((upper, i) => {
      const colour = hex(COUNT_COLOURS[i]);
      const label = i === 0 ? `up to ${upper}` : `${allFlows.countBreaks[i - 1]}–${upper}`;
      return { kind: 'swatch', label, colour, empty: !shown.has(colour) };
    });
  }
  const [source, target] = [hex(look.flow.source), hex(look.flow.target)];
  if (view.flowStyle === 'arcs')
    return [
      {
        kind: 'ramp',
        label: 'from the origin to the destination',
        colours: [source, target],
        ends: ['origin', 'destination'],
      },
    ];
  return [
    { kind: 'swatch', label: 'line: leaves the origin', colour: source },
    { kind: 'swatch', label: 'arrowhead: at the destination', colour: target },
  ];
}

export const flows = layerModule({
  id: 'flows',
  drawn: (ctx) => ctx.view.layers.flows && ctx.baseIndex < 0,
  data: visible,
  layers: (_visible, ctx) =>
    filterRanges(ctx.filter, ctx.flowsOnGpu).flatMap((ranges, i): Layer[] => {
      const options = {
        colour: ctx.view.flowColour,
        ranges,
        pass: `p${i}`,
        look: ctx.look,
        inSlices: ctx.flowsInSlices,
      };
      if (ctx.view.flowStyle === 'arcs') return flowArcLayers(ctx.flowsOnGpu, options);
      return [suppressedCurveLayer(ctx.flowsOnGpu, options), ...flowCurveLayers(ctx.flowsOnGpu, options)];
    }),
  key: (shown, ctx) => {
    const { dataset, look, allFlows } = ctx;
    const { threshold, roundingBase } = dataset.manifest.disclosure;
    // Width samples take the colour the largest flow on screen is drawn in: a colour on the map.
    const largest = shown.find((f) => f.count !== null);
    const sampleColour = hex(
      largest ? flowEndColours(ctx.view.flowColour, allFlows, largest, look)[0] : look.flow.source,
    );
    const widths: KeyRow[] = legendSamples(threshold, allFlows.maxCount).map((value) => ({
      kind: 'width',
      label: formatNumber(value),
      colour: sampleColour,
      widthPx: flowWidthPx(value, allFlows.pixelsPerUnit, look),
    }));
    return {
      id: 'flows',
      title: `Flows: ${dataset.manifest.flowMeasure}`,
      rows: [
        ...widths,
        {
          kind: 'width',
          label: PROTECTED,
          colour: drawnColour(look.flow.suppressed, look),
          widthPx: look.flow.suppressedWidthPx,
        },
        ...colourRows(ctx, shown),
        {
          kind: 'note',
          method: true,
          label: `Counts under ${threshold} are not shown, nor any other count a total could give one back from; the rest are rounded to the nearest ${roundingBase}. Merged flows (e.g. all of London) add published counts only and say how many protected flows they also hold.`,
        },
      ],
    };
  },
});
