/**
 * Change mode: each origin–destination pair drawn once, coloured by how it changed between the
 * base and the shown period (reds for growth and new routes, blues for decline and ended ones,
 * grey when a suppressed value makes the change unknowable), width by the size of the change.
 */
import { PathLayer } from '@deck.gl/layers';
import type { ChangeKind, FlowChange } from '../../data/analysis/change';
import { flowCurve, type FlowCurve } from '../flow-geometry';
import { withPicking, type Picking } from '../picking';
import { hexToRgba, type MapLook } from '../theme';

export const CHANGE_COLOURS: Record<ChangeKind, string> = {
  new: '#67001f',
  growth: '#d6604d',
  same: '#878787',
  decline: '#4393c3',
  ended: '#053061',
  'not-available': '#bababa',
};

const curves = new Map<string, FlowCurve>();
function curveOf(change: FlowChange): FlowCurve {
  const { flow } = change;
  const key = `${flow.originNode.centroid.join()}|${flow.destNode.centroid.join()}`;
  let curve = curves.get(key);
  if (!curve) curves.set(key, (curve = flowCurve(flow.originNode.centroid, flow.destNode.centroid)));
  return curve;
}

/** Hovering a changed flow shows both periods' values (or why the change is not available). */
const CHANGE_PICKING: Picking<FlowChange> = { toHover: (d) => ({ kind: 'change', change: d }) };

export function flowChangeLayer(changes: FlowChange[], pixelsPerUnit: number, look: MapLook) {
  // Biggest last, so they are drawn on top.
  const data = [...changes].reverse();
  return withPicking(
    new PathLayer<FlowChange>({
      id: 'flow-change',
      data,
      pickable: true,
      getPath: (d) => curveOf(d).path,
      getColor: (d) => hexToRgba(CHANGE_COLOURS[d.kind], d.kind === 'not-available' || d.kind === 'same' ? 170 : 235),
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
    CHANGE_PICKING,
  );
}
