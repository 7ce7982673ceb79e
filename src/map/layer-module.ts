/**
 * One contract for every map layer (src/map/layers/<name>.ts): whether the view draws it, the
 * data it draws (memoised in src/derive or here), the deck.gl layers, and its key rows, built from
 * that same data and look. A layer that is not drawn contributes neither layers nor key rows, so
 * the key describes exactly the map. Picking travels with the deck.gl layers (picking.ts).
 */
import type { Layer } from '@deck.gl/core';
import type { FlowFilter } from '../data/analysis/network';
import type { Bounds } from '../data/bounds';
import type { Dataset } from '../data/schema';
import type { EmergingHotspots, HotspotResult } from '../state/analysis-slices';
import type { ViewChoices } from '../state/view-choices';
import type { KeySection } from './key';
import type { FlowDrawData, FlowLayerData } from './layer-data';
import type { MapLook } from './theme';

/** Everything a layer may read: the shown dataset, the view, the look and the analysis results. */
export interface LayerContext {
  /** The dataset as shown (a further measure, when chosen, is its count). */
  dataset: Dataset;
  view: ViewChoices;
  look: MapLook;
  /** The flow network for the view's grouping, every period (see flowsOnGpu). */
  allFlows: FlowLayerData;
  /**
   * What the flow layers upload: every period, or only the periods on screen (the first frame, a
   * software renderer, an export).
   */
  flowsOnGpu: FlowDrawData;
  /**
   * Whether flow layers upload a slice a frame (sliced-layer.ts): for a network too large for
   * every period on the GPU, whose layers upload the periods on screen at every step. A network
   * that fits is uploaded once and not sliced: its period steps then draw one layer, not one per
   * slice (at 100,000 flows, 90 ms more a step in software WebGL).
   */
  flowsInSlices: boolean;
  filter: FlowFilter;
  /** Index of the period on screen, and of the period compared with (−1: none). */
  periodIndex: number;
  baseIndex: number;
  hotspots?: HotspotResult;
  emerging?: EmergingHotspots;
  /**
   * What is on screen, [west, south, east, north]: the key flags a class with no member in it as
   * empty ("none here"). Layers never depend on it, so a pan redraws nothing. Undefined: the world.
   */
  bounds?: Bounds;
  /**
   * Where a label's anchor may be: an export keeps its labels this far inside the image's edge, so
   * none is cut ("Has…" for Hastings). Undefined on screen, where the reader can pan.
   */
  labelArea?: Bounds;
}

export interface LayerModule<D = unknown> {
  id: string;
  /** Whether this view draws the layer. */
  drawn(ctx: LayerContext): boolean;
  /** What the layer draws; memoised, so the map and its key share one computation. */
  data(ctx: LayerContext): D;
  /** The deck.gl layers, each registered with its picking adapter. */
  layers(data: D, ctx: LayerContext): Layer[];
  /** The key rows for what is drawn, or undefined for a layer with no key (labels). */
  key(data: D, ctx: LayerContext): KeySection | undefined;
}

/** Declares a layer module with its data type checked against its own functions. */
export const layerModule = <D>(module: LayerModule<D>): LayerModule => module as LayerModule;
