/** How flows are coloured: by direction (origin→destination), by exporting group, or by count. */
import { classOf } from '../data/analysis/classify';
import type { FlowColour } from '../data/view';
import type { FlowNetworkData } from '../derive/flow-network';
import type { NetworkFlow } from '../data/analysis/network';
import {
  COUNT_COLOURS as COUNT_HEXES,
  DESK_LOOK,
  GROUP_COLOURS as GROUP_HEXES,
  hexToRgba,
  OTHER_GROUP_COLOUR as OTHER_GROUP_HEX,
  type MapLook,
  type Rgba,
} from './theme';

/** The flow family's palettes, as the layers draw them (defined with their roles in theme.ts). */
export const GROUP_COLOURS = GROUP_HEXES.map((hex) => hexToRgba(hex));
export const COUNT_COLOURS = COUNT_HEXES.map((hex) => hexToRgba(hex));
export const OTHER_GROUP_COLOUR = hexToRgba(OTHER_GROUP_HEX);

export function groupColour(data: Pick<FlowNetworkData, 'groups'>, flow: NetworkFlow): Rgba {
  const i = data.groups.indexOf(flow.originNode.group ?? flow.originNode.name);
  return i < 0 || i >= GROUP_COLOURS.length ? OTHER_GROUP_COLOUR : GROUP_COLOURS[i];
}

export function countColour(data: Pick<FlowNetworkData, 'countBreaks'>, flow: NetworkFlow): Rgba {
  return COUNT_COLOURS[classOf(flow.count ?? 0, data.countBreaks)] ?? COUNT_COLOURS[0];
}

/** Colour at the origin end and at the destination end of a flow. */
export function flowEndColours(
  mode: FlowColour,
  data: Pick<FlowNetworkData, 'groups' | 'countBreaks'>,
  flow: NetworkFlow,
  look: MapLook = DESK_LOOK,
): [Rgba, Rgba] {
  if (mode === 'group') return [groupColour(data, flow), groupColour(data, flow)];
  if (mode === 'count') return [countColour(data, flow), countColour(data, flow)];
  return [look.flow.source, look.flow.target];
}
