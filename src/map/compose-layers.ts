/**
 * From state to what the map draws and what its key says, through the layer modules
 * (layer-module.ts): one context, each drawn module's deck.gl layers in drawing order, and each
 * drawn module's key section in reading order. Pure: the same inputs give the same layers and
 * keys (an export renders with exactly what is on screen).
 */
import type { Layer } from '@deck.gl/core';
import type { Bounds } from '../data/bounds';
import type { Dataset } from '../data/schema';
import { ALL_PERIODS_ON_GPU_LIMIT } from '../derive/flow-network';
import { groupedFor } from '../derive/grouping';
import { flowFilterOf } from '../derive/view-filter';
import { windowIndices, type EmergingHotspots, type HotspotResult } from '../state/analysis-slices';
import type { ViewChoices } from '../state/view-choices';
import type { KeySection } from './key';
import type { LayerContext, LayerModule } from './layer-module';
import { flowDrawData, prepareFlowData } from './layer-data';
import { areaTotals } from './layers/area-totals';
import { areas } from './layers/areas';
import { flowChange } from './layers/flow-change';
import { flows } from './layers/flows';
import { labels } from './layers/labels';
import { DESK_LOOK, type MapLook } from './theme';

export interface LayerInputs {
  dataset: Dataset;
  view: ViewChoices;
  look?: MapLook;
  hotspots?: HotspotResult;
  emerging?: EmergingHotspots;
  /** What is on screen: for the key's "none here" only (see LayerContext.bounds). */
  bounds?: Bounds;
  /**
   * `shown` uploads only the flows of the periods on screen (the first frame's work); `all` every
   * period, so that filters and period changes are GPU uniforms (up to ALL_PERIODS_ON_GPU_LIMIT).
   */
  periods?: 'all' | 'shown';
}

export function layerContext({
  dataset,
  view,
  look = DESK_LOOK,
  hotspots,
  emerging,
  bounds,
  periods = 'all',
}: LayerInputs): LayerContext {
  const allFlows = prepareFlowData(dataset, groupedFor(dataset, view), look.flow.maxWidthPx);
  const periodIndex = dataset.periods.indexOf(view.period);
  const [from, to] = view.periodWindow ? windowIndices(dataset.periods, view.periodWindow) : [periodIndex, periodIndex];
  // A network that fits on the GPU for every period is uploaded once; a larger one uploads the
  // periods on screen at every step, a slice a frame (sliced-layer.ts).
  const fitsOnGpu = allFlows.network.columns.size <= ALL_PERIODS_ON_GPU_LIMIT;
  const everyPeriod = periods === 'all' && fitsOnGpu;
  return {
    dataset,
    view,
    look,
    allFlows,
    flowsOnGpu: everyPeriod
      ? flowDrawData(allFlows, 0, dataset.periods.length - 1)
      : flowDrawData(allFlows, Math.min(from, periodIndex), Math.max(to, periodIndex)),
    flowsInSlices: !fitsOnGpu,
    filter: flowFilterOf(dataset, view),
    periodIndex,
    baseIndex: view.compareWith ? dataset.periods.indexOf(view.compareWith) : -1,
    hotspots,
    emerging,
    bounds,
  };
}

/**
 * Every layer module, in drawing order (bottom to top): areas, the analysis layers (loaded on
 * first use), change or flows, circles, labels.
 */
export const drawingOrder = (analysis: readonly LayerModule[] = []): LayerModule[] => [
  areas,
  ...analysis,
  flowChange,
  flows,
  areaTotals,
  labels,
];

/** The key in reading order: what the lines mean first, then circles, areas and shadings. */
export const keyOrder = (analysis: readonly LayerModule[] = []): LayerModule[] => [
  flows,
  flowChange,
  areaTotals,
  areas,
  ...analysis,
];

export function composeLayers(ctx: LayerContext, analysis: readonly LayerModule[] = []): Layer[] {
  return drawingOrder(analysis)
    .filter((m) => m.drawn(ctx))
    .flatMap((m) => m.layers(m.data(ctx), ctx));
}

/** The key of what is drawn: a section per drawn layer that has one, and no other. */
export function keySections(ctx: LayerContext, analysis: readonly LayerModule[] = []): KeySection[] {
  return keyOrder(analysis)
    .filter((m) => m.drawn(ctx))
    .flatMap((m) => {
      const section = m.key(m.data(ctx), ctx);
      return section && section.rows.length ? [section] : [];
    });
}
