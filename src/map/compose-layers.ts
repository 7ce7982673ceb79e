/**
 * From state to the ordered list of deck.gl layers: areas, analysis layers, flows, circles, labels.
 * Pure: the same inputs give the same layers (an export renders with exactly what is on screen).
 */
import type { Layer } from '@deck.gl/core';
import type { FlowFilter } from '../data/analysis/network';
import { passesFilter } from '../data/analysis/network';
import type { Dataset } from '../data/schema';
import { AUTO_GROUP_BELOW_ZOOM } from '../state/analysis-slices';
import type { ViewChoices } from '../state/view-choices';
import type { Grouping } from '../state/view';
export type { ViewChoices } from '../state/view-choices';
import { placeLabels } from './label-placement';
import { buildLabels, filterRanges, prepareAreaData, prepareFlowData, type FlowLayerData } from './layer-data';
import { areasLayer } from './layers/areas';
import { areaTotalsLayer, maxNodeTotalPerPeriod, nodeTotals } from './layers/area-totals';
import { flowArcLayers } from './layers/flow-arcs';
import { flowCurveLayers, suppressedCurveLayer } from './layers/flow-curves';
import { labelsLayer } from './layers/labels';
import { FLOW_STYLE } from './theme';

export function isGrouped(grouping: Grouping, zoom: number): boolean {
  return grouping === 'grouped' || (grouping === 'auto' && zoom < AUTO_GROUP_BELOW_ZOOM);
}

export function flowFilterOf(dataset: Dataset, view: ViewChoices): FlowFilter {
  return {
    periodIndex: dataset.periods.indexOf(view.period),
    minCount: view.minCount,
    origin: view.originFilter,
    dest: view.destFilter,
    topN: view.topN,
    focus: view.selection,
  };
}

export interface Composed {
  layers: Layer[];
  flowData: FlowLayerData;
}

/** Analysis layers (choropleth, cells, density, hot spots) come in from their lazy module. */
export function composeLayers(dataset: Dataset, view: ViewChoices, analysis: { below: Layer[] } = { below: [] }): Composed {
  const flowData = prepareFlowData(dataset, isGrouped(view.grouping, view.zoom), FLOW_STYLE.maxWidthPx);
  const filter = flowFilterOf(dataset, view);
  const selected = new Set<string>();
  if (view.selection) {
    for (const [area, node] of flowData.network.nodeOf) if (node === view.selection.id) selected.add(area);
  }
  const layers: Layer[] = [areasLayer(prepareAreaData(dataset, view.period).areas, selected), ...analysis.below];
  if (view.layers.flows) {
    filterRanges(filter, flowData.nodeIndex).forEach((ranges, i) => {
      const options = { colour: view.flowColour, ranges, pass: `p${i}` };
      if (view.flowStyle === 'arcs') layers.push(...flowArcLayers(flowData, options));
      else layers.push(suppressedCurveLayer(flowData, options), ...flowCurveLayers(flowData, options));
    });
  }
  if (view.layers.totals) {
    const visible = flowData.network.flows.filter((f) => passesFilter(f, filter));
    layers.push(areaTotalsLayer(nodeTotals(visible), maxNodeTotalPerPeriod(flowData.network.flows)));
  }
  layers.push(labelsLayer(placeLabels(buildLabels(dataset), Math.floor(view.zoom * 4) / 4)));
  return { layers, flowData };
}
