/**
 * From state to the ordered list of deck.gl layers: areas, analysis layers, flows, circles, labels.
 * Pure: the same inputs give the same layers (an export renders with exactly what is on screen).
 */
import type { Layer } from '@deck.gl/core';
import { passesFilter } from '../data/analysis/network';
import type { Dataset } from '../data/schema';
import { maxNodeTotalPerPeriod, nodeTotals } from '../derive/area-totals';
import { filterRanges } from '../derive/flow-network';
import { memoFlowChanges } from '../derive/flow-change';
import { flowChangeLayer } from './layers/flow-change';
import { buildLabels, type LabelDatum } from '../derive/labels';
import { flowFilterOf, isGrouped } from '../derive/view-filter';
import type { ViewChoices } from '../state/view-choices';
import { placeLabels, placementFor } from './label-placement';
import { prepareFlowData, type FlowLayerData } from './layer-data';
import { areasLayer } from './layers/areas';
import { areaTotalsLayer } from './layers/area-totals';
import { flowArcLayers } from './layers/flow-arcs';
import { flowCurveLayers, suppressedCurveLayer } from './layers/flow-curves';
import { labelsLayer } from './layers/labels';
import { DESK_LOOK, type MapLook } from './theme';
import { memoize } from '../derive/memo';
import { windowIndices } from '../state/analysis-slices';

export interface Composed {
  layers: Layer[];
  flowData: FlowLayerData;
}

/**
 * The flows of the periods on screen only (the period, or the playback window): what the first
 * frame draws, before every period goes to the GPU for filtering (see BaseMap).
 */
const shownPeriodsOnly = memoize((data: FlowLayerData, from: number, to: number): FlowLayerData => {
  const shown = (d: { flow: { periodIndex: number } }) => d.flow.periodIndex >= from && d.flow.periodIndex <= to;
  return { ...data, published: data.published.filter(shown), suppressed: data.suppressed.filter(shown) };
});

/**
 * Labels placed once per zoom step and label size. New label data would make deck.gl lay out
 * every glyph again: on each period change, with hundreds of places, that was most of the work.
 */
const placedLabels = memoize((labels: LabelDatum[], zoom: number, labelSizePx: number) =>
  placeLabels(labels, zoom, placementFor(labelSizePx)),
);

/**
 * Analysis layers (choropleth, cells, density, hot spots) come in from their lazy module.
 * `periods: 'shown'` uploads only the flows of the periods on screen (the first frame's work).
 */
export function composeLayers(
  dataset: Dataset,
  view: ViewChoices,
  analysis: { below: Layer[] } = { below: [] },
  look: MapLook = DESK_LOOK,
  periods: 'all' | 'shown' = 'all',
): Composed {
  const allFlows = prepareFlowData(dataset, isGrouped(view.grouping, view.zoom), look.flow.maxWidthPx);
  const current = dataset.periods.indexOf(view.period);
  const [from, to] = view.periodWindow ? windowIndices(dataset.periods, view.periodWindow) : [current, current];
  const flowData =
    periods === 'all' ? allFlows : shownPeriodsOnly(allFlows, Math.min(from, current), Math.max(to, current));
  const filter = flowFilterOf(dataset, view);
  const selected = new Set<string>();
  if (view.selection) {
    for (const [area, node] of flowData.network.nodeOf) if (node === view.selection.id) selected.add(area);
  }
  const layers: Layer[] = [areasLayer(dataset.areas.features, selected, look), ...analysis.below];
  const baseIndex = view.compareWith ? dataset.periods.indexOf(view.compareWith) : -1;
  if (view.layers.flows && baseIndex >= 0) {
    // Change mode: one line per pair, by how it changed from the base period to this one.
    const { periodIndex, ...rest } = filter;
    const changes = memoFlowChanges(allFlows.network, baseIndex, periodIndex, JSON.stringify(rest));
    layers.push(flowChangeLayer(changes, allFlows.pixelsPerUnit, look));
  } else if (view.layers.flows) {
    filterRanges(filter, flowData).forEach((ranges, i) => {
      const options = { colour: view.flowColour, ranges, pass: `p${i}`, look };
      if (view.flowStyle === 'arcs') layers.push(...flowArcLayers(flowData, options));
      else layers.push(suppressedCurveLayer(flowData, options), ...flowCurveLayers(flowData, options));
    });
  }
  if (view.layers.totals) {
    const visible = flowData.network.flows.filter((f) => passesFilter(f, filter));
    layers.push(areaTotalsLayer(nodeTotals(visible), maxNodeTotalPerPeriod(flowData.network.flows), look));
  }
  layers.push(labelsLayer(placedLabels(buildLabels(dataset), Math.floor(view.zoom * 4) / 4, look.label.sizePx), look));
  return { layers, flowData };
}
