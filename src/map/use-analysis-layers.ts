/**
 * The analysis layers (choropleth, incident cells, density view, hot spots) live in a module that
 * loads only when one of them is first switched on: h3-js and the aggregation layers stay out of
 * the first view's JavaScript. This hook only draws; what the layers need is fetched or computed
 * by the app shell (src/shell/use-analysis-data.ts), and `pending` says it has not arrived yet.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Layer } from '@deck.gl/core';
import { useShallow } from 'zustand/react/shallow';
import { hotspotKey } from '../state/analysis-slices';
import { selectShownDataset, useAtlasStore } from '../state/store';
import { needsIncidents, wantsAnalysis } from '../data/view';
import { lookFor } from './theme';

type AnalysisModule = typeof import('./analysis-layers');

export interface AnalysisLayers {
  /** Drawn under the flows. */
  below: Layer[];
  /** True while something the switched-on layers need is still on its way. */
  pending: boolean;
}

export function useAnalysisLayers(): AnalysisLayers {
  const s = useAtlasStore(
    useShallow((st) => ({
      dataset: st.dataset,
      shown: selectShownDataset(st),
      compareWith: st.compareWith,
      unavailable: st.incidentsUnavailable,
      period: st.period,
      layers: st.layers,
      k: st.giK,
      fdr: st.giFdr,
      hotspots: st.hotspots,
      emerging: st.emerging,
    })),
  );
  const [module, setModule] = useState<AnalysisModule>();
  const look = lookFor(
    useAtlasStore((st) => st.presenting),
    useAtlasStore((st) => st.theme),
  );
  const { dataset, period, layers } = s;
  const wanted = wantsAnalysis(layers);
  const incidentsWanted = needsIncidents(layers);
  const incidentsMissing =
    Boolean(dataset?.manifest.files.incidents) && dataset?.incidents.length === 0 && s.unavailable !== dataset;

  useEffect(() => {
    if (wanted && !module) void import('./analysis-layers').then(setModule);
  }, [wanted, module]);

  const key = dataset && period ? hotspotKey(dataset, period, s.k, s.fdr) : '';
  const hotspotsReady = !layers.hotspots || dataset?.incidents.length === 0 || s.hotspots?.key === key;
  const emergingReady = !layers.emerging || dataset?.incidents.length === 0 || s.emerging?.key === key;
  const pending = wanted && (!module || (incidentsWanted && incidentsMissing) || !hotspotsReady || !emergingReady);
  return useMemo(() => {
    if (!module || !dataset || !period || !wanted) return { below: [], pending };
    const below = module.analysisLayers({
      // Counts of the chosen measure (the choropleth); the incident cells are the same in both.
      dataset: s.shown!,
      baseIndex: s.compareWith ? dataset.periods.indexOf(s.compareWith) : undefined,
      periodIndex: dataset.periods.indexOf(period),
      layers,
      hotspots: hotspotsReady ? s.hotspots : undefined,
      emerging: emergingReady ? s.emerging : undefined,
      look,
    });
    return { below, pending };
  }, [
    module,
    dataset,
    s.shown,
    s.compareWith,
    period,
    layers,
    wanted,
    pending,
    hotspotsReady,
    s.hotspots,
    emergingReady,
    s.emerging,
    look,
  ]);
}
