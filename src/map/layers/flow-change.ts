/**
 * Change mode: each origin–destination pair drawn once, coloured by how it changed between the
 * base and the shown period (magenta for growth and new routes, green for decline and ended ones,
 * grey when a suppressed value makes the change unknowable), width by the size of the change.
 */
import { PathLayer } from '@deck.gl/layers';
import { CHANGE_KINDS, type ChangeKind, type FlowChange } from '../../data/analysis/change';
import { PROTECTED } from '../../data/format';
import { periodLabel } from '../../data/periods';
import { memoFlowChanges } from '../../derive/flow-change';
import { FLAT_PATH } from '../flow-geometry';
import { curveOfFlow } from '../layer-data';
import { drawnColour } from '../key';
import { layerModule } from '../layer-module';
import { flowInView } from './flows';
import { sliced } from '../sliced-layer';
import { withPicking, type Picking } from '../picking';
import { FLOW_CHANGE_COLOURS, hexToRgba, type MapLook } from '../theme';

/** Hovering a changed flow shows both periods' values (or why the change is not available). */
const CHANGE_PICKING: Picking<FlowChange> = { toHover: (d) => ({ kind: 'change', change: d }) };

/** Unchanged and unknowable changes recede; the others are near-opaque. */
const alphaOf = (kind: ChangeKind) => (kind === 'not-available' || kind === 'same' ? 170 : 235);

const MEANINGS: Record<ChangeKind, string> = {
  new: 'new route (none before)',
  growth: 'more than before',
  same: 'no change',
  decline: 'fewer than before',
  ended: 'route ended (none now)',
  'not-available': `not available: a value is ${PROTECTED}, and is never differenced`,
};

export function flowChangeLayer(changes: FlowChange[], pixelsPerUnit: number, look: MapLook, inSlices: boolean) {
  // Biggest last, so they are drawn on top.
  const data = [...changes].reverse();
  return withPicking(
    sliced(
      new PathLayer<FlowChange>({
        id: 'flow-change',
        data,
        pickable: true,
        ...FLAT_PATH,
        getPath: ({ flow }) => curveOfFlow(flow).path,
        getColor: (d) => hexToRgba(FLOW_CHANGE_COLOURS[d.kind], alphaOf(d.kind)),
        getWidth: (d) => (d.diff === null || d.diff === 0 ? 1 : Math.abs(d.diff) * pixelsPerUnit),
        widthUnits: 'pixels',
        widthMinPixels: look.flow.minWidthPx,
        capRounded: true,
        jointRounded: true,
        autoHighlight: true,
        highlightColor: [0, 0, 0, 90],
        updateTriggers: { getWidth: [pixelsPerUnit], getColor: [look] },
        parameters: { depthCompare: 'always' },
      }),
      inSlices,
      { prepare: (rows: readonly FlowChange[]) => rows.forEach(({ flow }) => curveOfFlow(flow)) },
    ),
    CHANGE_PICKING,
  );
}

/** Change mode: drawn in place of the flows when a period to compare with is chosen. */
export const flowChange = layerModule({
  id: 'change',
  drawn: (ctx) => ctx.view.layers.flows && ctx.baseIndex >= 0,
  data: (ctx) => {
    const { periodIndex, ...rest } = ctx.filter;
    return memoFlowChanges(ctx.allFlows.network, ctx.baseIndex, periodIndex, JSON.stringify(rest));
  },
  layers: (changes, ctx) => [flowChangeLayer(changes, ctx.allFlows.pixelsPerUnit, ctx.look, ctx.flowsInSlices)],
  key: (changes, ctx) => {
    const kinds = new Set(changes.filter((c) => flowInView(ctx, c.flow)).map((c) => c.kind));
    return {
      id: 'change',
      title: `Change from ${periodLabel(ctx.dataset.periods[ctx.baseIndex])} to ${periodLabel(ctx.view.period)}`,
      rows: [
        ...CHANGE_KINDS.map((kind) => ({
          kind: 'swatch' as const,
          label: MEANINGS[kind],
          colour: drawnColour(FLOW_CHANGE_COLOURS[kind], ctx.look, alphaOf(kind)),
          empty: !kinds.has(kind),
        })),
        {
          kind: 'note',
          method: true,
          label:
            'Line width: the size of the change, on the same scale as the counts. A merged flow (e.g. all of London) that holds a protected member has no exact total, so its change is not available; when grouping would hide more changes, areas are compared one by one.',
        },
      ],
    };
  },
});
