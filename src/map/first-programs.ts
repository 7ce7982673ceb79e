/**
 * Layers with no rows, of the kinds the first map draws, given to the overlay as soon as the map
 * is made: deck.gl links their shader programs then, while the sample is still on its way, rather
 * than once its layers arrive a second later. In software WebGL the GPU process compiles each
 * program for hundreds of milliseconds, and MapLibre's own programs waited behind deck.gl's
 * (bench/README.md, "The first view's programs, counted, then linked early").
 *
 * Each must have the same shader source as the layers it stands for, or it adds a program instead
 * of linking one early: the same layer kind, with the flows' filter (PASS_ALL_FILTER, which every
 * first-view layer carries). deck.gl shares a program between layers of one source, and the real
 * layers take it over before these are dropped.
 */
import type { Layer } from '@deck.gl/core';
import { PathLayer, SolidPolygonLayer, TextLayer } from '@deck.gl/layers';
import { PASS_ALL_FILTER } from './layers/flow-filter';

export const firstViewPrograms = (): Layer[] => [
  // The areas' fills (a GeoJsonLayer's polygons), their outlines and the flows, labels and arrowheads.
  new SolidPolygonLayer({ id: 'first-programs-fill', data: [], ...PASS_ALL_FILTER }),
  new PathLayer({ id: 'first-programs-path', data: [], ...PASS_ALL_FILTER }),
  new TextLayer({ id: 'first-programs-text', data: [], characterSet: '', ...PASS_ALL_FILTER }),
];
