/** The part of the store that decides what the map draws, selected in one place for map and panels. */
import type { ViewChoices } from '../map/compose-layers';
import type { AtlasStore } from './store';

/** Use with `useShallow`: a new object each call, equal field by field when nothing changed. */
export function selectViewChoices(s: AtlasStore): ViewChoices | undefined {
  if (!s.period) return undefined;
  return {
    period: s.period,
    // Layers depend on zoom only through label placement and auto grouping: quarter steps.
    zoom: Math.floor(s.zoom * 4) / 4,
    flowStyle: s.flowStyle,
    flowColour: s.flowColour,
    grouping: s.grouping,
    layers: s.layers,
    minCount: s.minCount,
    originFilter: s.originFilter,
    destFilter: s.destFilter,
    topN: s.topN,
    selection: s.selection,
  };
}
