/**
 * Slices for what the reader chooses to see: how flows are drawn, which layers are on, filters,
 * playback and the selected area. All of it round-trips through the URL (url-state.ts).
 */
import type { StateCreator } from 'zustand';
import type { EmergingResult } from '../data/analysis/emerging';
import type { Clustering } from '../data/analysis/hotspots';
import type { AtlasStore } from './store';
import {
  DEFAULT_DISPLAY,
  DEFAULT_VIEW,
  type Display,
  type ProjectorTheme,
  type Direction,
  type FlowColour,
  type FlowStyle,
  type Grouping,
  type LayerName,
  type View,
} from '../data/view';

export interface SettingsSlice
  extends Pick<View, 'flowStyle' | 'flowColour' | 'grouping' | 'layers' | 'giK' | 'giFdr' | 'measure'>,
    Display {
  /** A further measure's id, or undefined for the main count (see derive/measure.ts). */
  setMeasure: (measure?: string) => void;
  setTheme: (theme: ProjectorTheme) => void;
  setFlowStyle: (style: FlowStyle) => void;
  setFlowColour: (colour: FlowColour) => void;
  setGrouping: (grouping: Grouping) => void;
  setLayer: (name: LayerName, on: boolean) => void;
  setGi: (k: number, fdr: boolean) => void;
}

export interface FilterSlice
  extends Pick<View, 'minCount' | 'originFilter' | 'destFilter' | 'topN' | 'periodWindow' | 'compareWith'> {
  /** Change mode: compare the period shown with this base period (undefined: off). */
  setCompareWith: (period?: string) => void;
  playing: boolean;
  /** Periods per second while playing. */
  speed: number;
  setMinCount: (n: number) => void;
  setOriginFilter: (id?: string) => void;
  setDestFilter: (id?: string) => void;
  setTopN: (n: number) => void;
  /** Sets the playback window by period indices (inclusive, either order). */
  setRange: (range: [number, number]) => void;
  setPlaying: (playing: boolean) => void;
  setSpeed: (speed: number) => void;
  /** Next period within the range, wrapping to its start (playback). */
  advance: () => void;
}

/**
 * The playback window as indices into `periods` (inclusive); every period when there is none, or
 * when the window names periods the dataset does not have.
 */
export function windowIndices(
  periods: readonly string[],
  periodWindow: [string, string] | undefined,
): [number, number] {
  const from = periodWindow ? periods.indexOf(periodWindow[0]) : -1;
  const to = periodWindow ? periods.indexOf(periodWindow[1]) : -1;
  return from >= 0 && to >= from ? [from, to] : [0, periods.length - 1];
}

const datasetIds = new WeakMap<object, number>();
let nextDatasetId = 1;

/**
 * Which hot-spot result the view needs: by dataset identity (two local imports are both titled
 * "Your data"; incident cells attached later make a new dataset object), period and options.
 */
export function hotspotKey(dataset: object, period: string, k: number, fdr: boolean): string {
  if (!datasetIds.has(dataset)) datasetIds.set(dataset, nextDatasetId++);
  return `${datasetIds.get(dataset)}|${period}|${k}|${fdr}`;
}

/** Gi* results for one (dataset, period, k, fdr), computed in the data worker. */
export interface HotspotResult {
  key: string;
  cells: string[];
  /** Each cell's published count this period (null: suppressed; 0: none): what readers are shown. */
  counts: (number | null)[];
  z: number[];
  bins: number[];
  clustering?: Clustering;
}

/** Emerging hot spots up to one period, for one (dataset, period, k, fdr). */
export interface EmergingHotspots {
  key: string;
  cells: string[];
  /** The periods analysed: the first to the one on screen. */
  periods: string[];
  results: EmergingResult[];
}

export interface AnalysisSlice {
  emerging?: EmergingHotspots;
  setEmerging: (result: EmergingHotspots) => void;
  /** What the analysis layers are waiting for, said to the reader (e.g. "Computing hot spots…"). */
  hotspotStatus?: string;
  hotspots?: HotspotResult;
  setHotspotStatus: (status?: string) => void;
  setHotspots: (result: HotspotResult) => void;
}

export const createAnalysisSlice: StateCreator<AtlasStore, [], [], AnalysisSlice> = (set) => ({
  setHotspotStatus: (hotspotStatus) => set({ hotspotStatus }),
  setHotspots: (hotspots) => set({ hotspots, hotspotStatus: undefined }),
  setEmerging: (emerging) => set({ emerging, hotspotStatus: undefined }),
});

export interface SelectionSlice extends Pick<View, 'selection'> {
  select: (id: string) => void;
  setDirection: (direction: Direction) => void;
  clearSelection: () => void;
}

export const createSettingsSlice: StateCreator<AtlasStore, [], [], SettingsSlice> = (set) => ({
  flowStyle: DEFAULT_VIEW.flowStyle,
  flowColour: DEFAULT_VIEW.flowColour,
  grouping: DEFAULT_VIEW.grouping,
  layers: { ...DEFAULT_VIEW.layers },
  giK: DEFAULT_VIEW.giK,
  giFdr: DEFAULT_VIEW.giFdr,
  measure: DEFAULT_VIEW.measure,
  setMeasure: (measure) => set({ measure }),
  theme: DEFAULT_DISPLAY.theme,
  setTheme: (theme) => set({ theme }),
  setFlowStyle: (flowStyle) => set({ flowStyle }),
  setFlowColour: (flowColour) => set({ flowColour }),
  setGrouping: (grouping) => set({ grouping, selection: undefined, originFilter: undefined }),
  setLayer: (name, on) => set((s) => ({ layers: { ...s.layers, [name]: on } })),
  setGi: (giK, giFdr) => set({ giK: Math.min(3, Math.max(1, Math.round(giK))), giFdr }),
});

export const createFilterSlice: StateCreator<AtlasStore, [], [], FilterSlice> = (set, get) => ({
  minCount: DEFAULT_VIEW.minCount,
  periodWindow: DEFAULT_VIEW.periodWindow,
  compareWith: DEFAULT_VIEW.compareWith,
  setCompareWith: (compareWith) => set({ compareWith }),
  topN: DEFAULT_VIEW.topN,
  originFilter: DEFAULT_VIEW.originFilter,
  destFilter: DEFAULT_VIEW.destFilter,
  playing: false,
  speed: 1,
  setMinCount: (minCount) => set({ minCount: Math.max(0, minCount) }),
  setOriginFilter: (originFilter) => set({ originFilter }),
  setDestFilter: (destFilter) => set({ destFilter }),
  setTopN: (topN) => set({ topN: Math.max(0, Math.round(topN)) }),
  setRange: (range) => {
    const [from, to] = range[0] <= range[1] ? range : [range[1], range[0]];
    const { dataset, period } = get();
    if (!dataset) return;
    const index = period ? dataset.periods.indexOf(period) : -1;
    // Keep the current period inside the window.
    const clamped = index < from || index > to ? dataset.periods[Math.min(Math.max(index, from), to)] : period;
    set({ periodWindow: [dataset.periods[from], dataset.periods[to]], period: clamped });
  },
  setPlaying: (playing) => set({ playing }),
  setSpeed: (speed) => set({ speed }),
  advance: () => {
    const { dataset, period, periodWindow } = get();
    if (!dataset || !period) return;
    const [from, to] = windowIndices(dataset.periods, periodWindow);
    const index = dataset.periods.indexOf(period);
    const next = index >= to || index < from ? from : index + 1;
    set({ period: dataset.periods[next], hover: undefined });
  },
});

export const createSelectionSlice: StateCreator<AtlasStore, [], [], SelectionSlice> = (set) => ({
  selection: DEFAULT_VIEW.selection,
  select: (id) => set((s) => ({ selection: { id, direction: s.selection?.direction ?? 'both' } })),
  setDirection: (direction) => set((s) => (s.selection ? { selection: { ...s.selection, direction } } : {})),
  clearSelection: () => set({ selection: undefined }),
});
