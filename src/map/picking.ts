/**
 * Typed picking: each layer module says how its picked object becomes a hover (tooltip) and a
 * selection, by registering an adapter with the layer it builds. The map looks the adapter up by
 * the picked layer itself, never by matching id strings, so a new pickable layer cannot fall
 * through the cracks.
 */
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { Network } from '../data/analysis/network';
import type { HoverTarget } from '../state/store';

/** A hover target without its screen position, which comes from the pick. */
export type Hover = HoverTarget extends infer H ? (H extends unknown ? Omit<H, 'x' | 'y'> : never) : never;

export interface Picking<T> {
  /** What hovering the object shows in the tooltip. */
  toHover(object: T): Hover | undefined;
  /** The network node (area or merged group) a click selects; none for objects that select nothing. */
  toSelection?(object: T, network: Network): string | undefined;
}

const adapters = new WeakMap<Layer, Picking<unknown>>();

/** Registers how `layer`'s objects are picked; returns the layer, for use inline. */
export function withPicking<L extends Layer, T>(layer: L, picking: Picking<T>): L {
  adapters.set(layer, picking as Picking<unknown>);
  return layer;
}

/** The hover for a pick (deck reports the top-level layer, also for composite layers). */
export function hoverOf(info: PickingInfo): HoverTarget | undefined {
  const adapter = info.layer ? adapters.get(info.layer) : undefined;
  const hover = info.object === undefined || info.object === null ? undefined : adapter?.toHover(info.object);
  return hover && ({ ...hover, x: info.x, y: info.y } as HoverTarget);
}

/**
 * What a click does: `select` an area, `clear` the selection (a click on nothing), or nothing
 * (a click on an object that selects nothing, such as a flow).
 */
export function clickOf(picked: PickingInfo[], network: Network): { select: string } | 'clear' | undefined {
  const hits = picked.filter((info) => info.object);
  if (hits.length === 0) return 'clear';
  // The topmost thing that selects: a click on an arrowhead or a line over an area selects the
  // area, as the reader meant; a click on a line over nothing selects nothing.
  for (const info of hits) {
    const id = info.layer ? adapters.get(info.layer)?.toSelection?.(info.object, network) : undefined;
    if (id !== undefined) return { select: id };
  }
  return undefined;
}
