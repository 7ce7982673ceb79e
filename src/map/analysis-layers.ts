/**
 * The analysis layers, loaded on first use: destination choropleth, incident cells (H3 hexagons),
 * the density view, Gi* hot spots and emerging hot spots. h3-js and the aggregation layers come
 * with them, so the first view's JavaScript goes without. Each is a layer module of its own.
 */
import type { LayerModule } from './layer-module';
import { choropleth } from './layers/choropleth';
import { density } from './layers/density';
import { emerging } from './layers/emerging';
import { hotspots } from './layers/hotspots';
import { incidentCells } from './layers/incident-cells';

/** In drawing order, bottom to top (all under the flows). */
export const ANALYSIS_MODULES: readonly LayerModule[] = [choropleth, incidentCells, density, hotspots, emerging];
