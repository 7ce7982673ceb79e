/**
 * The analysis layers (choropleth, incident cells, density view, hot spots) live in a module that
 * loads only when one of them is first switched on: h3-js and the aggregation layers stay out of
 * the first view's JavaScript. Incident cells load on first use too, and Gi* runs in the worker.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Layer } from '@deck.gl/core';
import { useShallow } from 'zustand/react/shallow';
import { computeHotspots, loadIncidents } from '../load-in-browser';
import type { Dataset } from '../data/schema';
import { useAtlasStore } from '../state/store';

type AnalysisModule = typeof import('./analysis-layers');

export interface AnalysisLayers {
  below: Layer[];
  above: Layer[];
  /** True while something the switched-on layers need is still on its way. */
  pending: boolean;
}

/** Gi* study area: every cell seen in any period; suppressed counts imputed as threshold / 2. */
export function hotspotInput(dataset: Dataset, period: string): { cells: string[]; values: number[] } {
  const cells = [...new Set(dataset.incidents.map((c) => c.cell))].sort();
  const index = new Map(cells.map((c, i) => [c, i]));
  const values = new Array<number>(cells.length).fill(0);
  for (const c of dataset.incidents) {
    if (c.period === period) values[index.get(c.cell)!] = c.count ?? dataset.manifest.disclosure.threshold / 2;
  }
  return { cells, values };
}

export function useAnalysisLayers(): AnalysisLayers {
  const s = useAtlasStore(
    useShallow((st) => ({ dataset: st.dataset, datasetUrl: st.datasetUrl, incidentsUnavailable: st.incidentsUnavailable, period: st.period, layers: st.layers, k: st.giK, fdr: st.giFdr, hotspots: st.hotspots })),
  );
  const [module, setModule] = useState<AnalysisModule>();
  const { dataset, period, layers } = s;
  const wanted = layers.choropleth || layers.hexbin || layers.density || layers.hotspots;
  const needsIncidents = layers.hexbin || layers.density || layers.hotspots;
  const incidentsMissing = Boolean(dataset?.manifest.files.incidents) && dataset?.incidents.length === 0 && s.incidentsUnavailable !== dataset;

  useEffect(() => {
    if (wanted && !module) void import('./analysis-layers').then(setModule);
  }, [wanted, module]);

  useEffect(() => {
    if (needsIncidents && dataset && incidentsMissing && s.datasetUrl) void loadIncidents(dataset, s.datasetUrl);
  }, [needsIncidents, dataset, incidentsMissing, s.datasetUrl]);

  const hotspotKey = dataset && period ? `${period}|${s.k}|${s.fdr}|${dataset.incidents.length}|${dataset.manifest.title}` : '';
  useEffect(() => {
    if (!layers.hotspots || !dataset || !period || dataset.incidents.length === 0 || useAtlasStore.getState().hotspots?.key === hotspotKey) return;
    const { cells, values } = hotspotInput(dataset, period);
    useAtlasStore.getState().setHotspotStatus('Computing hot spots…');
    void computeHotspots(cells, values, s.k, s.fdr).then((r) => useAtlasStore.getState().setHotspots({ key: hotspotKey, cells, values, z: r.z, bins: r.bins }));
  }, [layers.hotspots, dataset, period, s.k, s.fdr, hotspotKey]);

  const hotspotsReady = !layers.hotspots || s.hotspots?.key === hotspotKey;
  const pending = wanted && (!module || (needsIncidents && incidentsMissing) || !hotspotsReady);
  return useMemo(() => {
    if (!module || !dataset || !period || !wanted) return { below: [], above: [], pending };
    const built = module.analysisLayers({ dataset, periodIndex: dataset.periods.indexOf(period), layers, hotspots: hotspotsReady ? s.hotspots : undefined });
    return { ...built, pending };
  }, [module, dataset, period, layers, wanted, pending, hotspotsReady, s.hotspots]);
}
