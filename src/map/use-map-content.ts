/**
 * What the map and its key are both made from, read from the store in one place: the shown
 * dataset, the view, the look, the analysis results that match the view, and the analysis layer
 * modules (a chunk loaded only when one of them is first switched on: h3-js and the aggregation
 * layers stay out of the first view's JavaScript). `pending` says something the switched-on
 * layers need is still on its way, so the map is not yet "ready".
 */
import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { needsIncidents, wantsAnalysis } from '../data/view';
import { hotspotKey } from '../state/analysis-slices';
import { selectShownDataset, useAtlasStore } from '../state/store';
import { selectViewChoices } from '../state/view-choices';
import type { LayerInputs } from './compose-layers';
import type { LayerModule } from './layer-module';
import { lookFor } from './theme';

let analysisModules: readonly LayerModule[] | undefined;
/**
 * Before the analysis modules load: one array, not a new `[]` each render, which made every render
 * compose the layers again and wait for one more frame (on the first view, a software frame).
 */
const NO_MODULES: readonly LayerModule[] = [];
let loadingAnalysis: Promise<readonly LayerModule[]> | undefined;

/** The analysis modules, loaded once for every component that asks. */
function loadAnalysisModules(): Promise<readonly LayerModule[]> {
  loadingAnalysis ??= import('./analysis-layers').then((m) => (analysisModules = m.ANALYSIS_MODULES));
  return loadingAnalysis;
}

export interface MapContent {
  /** Undefined until there is a dataset and a period to draw. */
  inputs?: Omit<LayerInputs, 'periods'>;
  analysis: readonly LayerModule[];
  pending: boolean;
}

export function useMapContent(): MapContent {
  const s = useAtlasStore(
    useShallow((st) => ({
      dataset: st.dataset,
      shown: selectShownDataset(st),
      unavailable: st.incidentsUnavailable,
      presenting: st.presenting,
      theme: st.theme,
      hotspots: st.hotspots,
      emerging: st.emerging,
    })),
  );
  const view = useAtlasStore(selectViewChoices);
  const [analysis, setAnalysis] = useState(analysisModules);
  const layers = view?.layers;
  const wanted = layers ? wantsAnalysis(layers) : false;
  useEffect(() => {
    if (wanted && !analysis) void loadAnalysisModules().then(setAnalysis);
  }, [wanted, analysis]);
  const { dataset } = s;
  const look = lookFor(s.presenting, s.theme);
  const key = dataset && view ? hotspotKey(dataset, view.period, view.giK, view.giFdr) : '';
  const noCells = dataset?.incidents.length === 0;
  const hotspotsReady = !layers?.hotspots || noCells || s.hotspots?.key === key;
  const emergingReady = !layers?.emerging || noCells || s.emerging?.key === key;
  const incidentsMissing =
    Boolean(dataset?.manifest.files.incidents) && dataset?.incidents.length === 0 && s.unavailable !== dataset;
  const pending =
    wanted &&
    (!analysis ||
      (layers !== undefined && needsIncidents(layers) && incidentsMissing) ||
      !hotspotsReady ||
      !emergingReady);
  const inputs = useMemo(
    () =>
      s.shown && view
        ? {
            // Counts of the chosen measure (flows, choropleth); the incident cells are the same in both.
            dataset: s.shown,
            view,
            look,
            hotspots: hotspotsReady && layers?.hotspots ? s.hotspots : undefined,
            emerging: emergingReady && layers?.emerging ? s.emerging : undefined,
          }
        : undefined,
    [s.shown, view, look, hotspotsReady, emergingReady, layers, s.hotspots, s.emerging],
  );
  return { inputs, analysis: analysis ?? NO_MODULES, pending };
}
