import { ScatterplotLayer } from '@deck.gl/layers';
import type { NetworkFlow } from '../../data/analysis/network';
import type { AreaProperties } from '../../data/schema';
import { AREA_STYLE } from '../theme';
import { withPicking, type Picking } from '../picking';

export interface NodeTotal {
  node: AreaProperties;
  inbound: number;
  outbound: number;
  suppressed: number;
}

/** Published in+out totals per node for the flows on screen. */
export function nodeTotals(flows: NetworkFlow[]): NodeTotal[] {
  const totals = new Map<string, NodeTotal>();
  const get = (node: AreaProperties) => totals.get(node.id) ?? totals.set(node.id, { node, inbound: 0, outbound: 0, suppressed: 0 }).get(node.id)!;
  for (const f of flows) {
    get(f.originNode).outbound += f.count ?? 0;
    get(f.destNode).inbound += f.count ?? 0;
    get(f.originNode).suppressed += f.suppressedMembers;
    get(f.destNode).suppressed += f.suppressedMembers;
  }
  return [...totals.values()].sort((a, b) => b.inbound + b.outbound - (a.inbound + a.outbound));
}

const maxCache = new WeakMap<NetworkFlow[], number>();

/** The largest single-period node total: circles are scaled to it so sizes compare across periods. */
export function maxNodeTotalPerPeriod(flows: NetworkFlow[]): number {
  const cached = maxCache.get(flows);
  if (cached !== undefined) return cached;
  const byPeriod = new Map<number, NetworkFlow[]>();
  for (const f of flows) byPeriod.set(f.periodIndex, [...(byPeriod.get(f.periodIndex) ?? []), f]);
  let max = 1;
  for (const list of byPeriod.values()) for (const t of nodeTotals(list)) max = Math.max(max, t.inbound + t.outbound);
  maxCache.set(flows, max);
  return max;
}

/** Circle area ∝ total (radius ∝ √total), so the eye compares sizes fairly. */
export const totalRadius = (total: number, maxTotal: number, maxRadiusPx = 28) => (maxTotal > 0 ? Math.sqrt(total / maxTotal) * maxRadiusPx : 0);

const TOTAL_PICKING: Picking<NodeTotal> = {
  toHover: (total) => ({ kind: 'area', area: total.node }),
  toSelection: (total) => total.node.id,
};

export function areaTotalsLayer(totals: NodeTotal[], maxTotal: number) {
  const layer = new ScatterplotLayer<NodeTotal>({
    id: 'area-totals',
    data: totals,
    pickable: true,
    getPosition: (t) => t.node.centroid,
    getRadius: (t) => Math.max(3, totalRadius(t.inbound + t.outbound, maxTotal)),
    radiusUnits: 'pixels',
    stroked: true,
    getFillColor: (t) => (t.node.role === 'destination' ? [...AREA_STYLE.destination.fill.slice(0, 3), 150] : [...AREA_STYLE.origin.fill.slice(0, 3), 150]) as [number, number, number, number],
    getLineColor: (t) => (t.node.role === 'destination' ? AREA_STYLE.destination.line : AREA_STYLE.origin.line),
    lineWidthUnits: 'pixels',
    getLineWidth: 1.5,
    parameters: { depthCompare: 'always' },
  });
  return withPicking(layer, TOTAL_PICKING);
}
