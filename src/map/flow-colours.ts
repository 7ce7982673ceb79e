/** How flows are coloured: by direction (origin→destination), by exporting group, or by count. */
import { classOf } from '../data/analysis/classify';
import type { FlowColour } from '../data/view';
import type { FlowNetworkData } from '../derive/flow-network';
import type { NetworkFlow } from '../data/analysis/network';
import { DESK_LOOK, hexToRgba, PALETTE, type MapLook, type Rgba } from './theme';

/** Analysis Function categorical palette, in its order. */
export const GROUP_COLOURS = [
  PALETTE.darkBlue,
  PALETTE.turquoise,
  PALETTE.darkPink,
  PALETTE.orange,
  PALETTE.darkGrey,
  PALETTE.lightPurple,
].map((hex) => hexToRgba(hex));

/** Sequential blues (light to dark), all at least 3:1 against the land colour except the first. */
export const COUNT_COLOURS = ['#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b'].map((hex) => hexToRgba(hex));

/**
 * Exporting areas past the palette's six share one mid grey, distinct from the palette's own dark
 * grey (the fifth area's), so the key's "other exporting areas" row is true.
 */
export const OTHER_GROUP_COLOUR = hexToRgba('#8c8c8c');

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
