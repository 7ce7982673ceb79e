import { DataFilterExtension } from '@deck.gl/extensions';
import type { FlowDatum } from '../layer-data';

/** One instance for every layer: layers with the same extension share compiled shader programs. */
export const FLOW_FILTER = new DataFilterExtension({ filterSize: 4 });

/** Props for the GPU filter (DataFilterExtension): filter changes only change uniforms. */
export function gpuFilter(ranges: [number, number][]) {
  return { extensions: [FLOW_FILTER], getFilterValue: (d: FlowDatum) => d.filterValue, filterRange: ranges };
}

/**
 * The flows' filter with a range every value passes, for the layers drawn beside the flows (area
 * outlines, place labels). It changes nothing on screen. Why: deck.gl links one shader program per
 * distinct shader source, and the filter is part of the source, so a filtered PathLayer (flows) and
 * an unfiltered one (outlines) are two programs, as are the arrowheads' and the labels' text
 * layers. In software WebGL each link blocks for 100–400 ms before the first map; sharing the
 * source saves two of them (bench/README.md, row b).
 */
export const PASS_ALL_FILTER = {
  extensions: [FLOW_FILTER],
  getFilterValue: [0, 0, 0, 0],
  filterRange: [
    [-1, 1],
    [-1, 1],
    [-1, 1],
    [-1, 1],
  ] as [number, number][],
};
