/**
 * What the analysis layers need, fetched or computed when a layer that needs it is on: incident
 * cells on first use, hot spots for the period and options on screen. Mounted by the app shell,
 * so the map only draws (and a presentation or an embed gets the same data).
 */
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { emergingRequest, hotspotRequest } from '../derive/hotspot-input';
import { hotspotKey } from '../state/analysis-slices';
import { useAtlasStore } from '../state/store';
import { needsIncidents } from '../data/view';
import { computeEmerging, computeHotspots, loadIncidents } from './data-actions';

export function useAnalysisData(): void {
  const s = useAtlasStore(
    useShallow((st) => ({
      dataset: st.dataset,
      datasetUrl: st.datasetUrl,
      unavailable: st.incidentsUnavailable,
      period: st.period,
      layers: st.layers,
      k: st.giK,
      fdr: st.giFdr,
    })),
  );
  const { dataset, period, layers } = s;
  const incidentsWanted = needsIncidents(layers);

  useEffect(() => {
    if (!incidentsWanted || !dataset || !s.datasetUrl || s.unavailable === dataset) return;
    if (dataset.manifest.files.incidents && dataset.incidents.length === 0) void loadIncidents(dataset, s.datasetUrl);
  }, [incidentsWanted, dataset, s.datasetUrl, s.unavailable]);

  useEffect(() => {
    if (!layers.hotspots || !dataset || !period || dataset.incidents.length === 0) return;
    const key = hotspotKey(dataset, period, s.k, s.fdr);
    if (useAtlasStore.getState().hotspots?.key === key) return;
    void computeHotspots(key, 'gi-star', hotspotRequest(dataset, period, s.k, s.fdr));
  }, [layers.hotspots, dataset, period, s.k, s.fdr]);

  useEffect(() => {
    if (!layers.emerging || !dataset || !period || dataset.incidents.length === 0) return;
    const key = hotspotKey(dataset, period, s.k, s.fdr);
    if (useAtlasStore.getState().emerging?.key === key) return;
    void computeEmerging(key, emergingRequest(dataset, period, s.k, s.fdr));
  }, [layers.emerging, dataset, period, s.k, s.fdr]);
}
