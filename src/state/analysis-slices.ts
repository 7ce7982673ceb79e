/**
 * Slices for what the reader chooses to see: how flows are drawn, which layers are on, filters,
 * playback and the selected area. All of it round-trips through the URL (url-state.ts).
 */
import type { StateCreator } from 'zustand';
import type { AtlasStore } from './store';

export type FlowStyle = 'curved' | 'arcs';
export type FlowColour = 'direction' | 'group' | 'count';
/** 'auto' merges exporting areas (e.g. London's boroughs) below zoom 8, where they overlap. */
export type Grouping = 'auto' | 'grouped' | 'separate';
export type LayerName = 'flows' | 'totals' | 'choropleth' | 'hexbin' | 'density' | 'hotspots';
export type Direction = 'in' | 'out' | 'both';

export const AUTO_GROUP_BELOW_ZOOM = 8;

export interface SettingsSlice {
  flowStyle: FlowStyle;
  flowColour: FlowColour;
  grouping: Grouping;
  layers: Record<LayerName, boolean>;
  /** Gi* neighbourhood: the k-ring of each cell (k = 1: the 6 touching cells). */
  giK: number;
  /** Benjamini–Hochberg false-discovery-rate correction of the Gi* bins. */
  giFdr: boolean;
  setFlowStyle: (style: FlowStyle) => void;
  setFlowColour: (colour: FlowColour) => void;
  setGrouping: (grouping: Grouping) => void;
  setLayer: (name: LayerName, on: boolean) => void;
  setGi: (k: number, fdr: boolean) => void;
}

export interface FilterSlice {
  minCount: number;
  originFilter?: string;
  destFilter?: string;
  /** Show the N largest flows only (0 = all). */
  topN: number;
  /** Playback window, as period indices (inclusive). */
  range?: [number, number];
  playing: boolean;
  /** Periods per second while playing. */
  speed: number;
  setMinCount: (n: number) => void;
  setOriginFilter: (id?: string) => void;
  setDestFilter: (id?: string) => void;
  setTopN: (n: number) => void;
  setRange: (range: [number, number]) => void;
  setPlaying: (playing: boolean) => void;
  setSpeed: (speed: number) => void;
  /** Next period within the range, wrapping to its start (playback). */
  advance: () => void;
}

/** Gi* results for one (dataset, period, k, fdr), computed in the data worker. */
export interface HotspotResult {
  key: string;
  cells: string[];
  values: number[];
  z: number[];
  bins: number[];
}

export interface AnalysisSlice {
  /** What the analysis layers are waiting for, said to the reader (e.g. "Computing hot spots…"). */
  hotspotStatus?: string;
  hotspots?: HotspotResult;
  setHotspotStatus: (status?: string) => void;
  setHotspots: (result: HotspotResult) => void;
}

export const createAnalysisSlice: StateCreator<AtlasStore, [], [], AnalysisSlice> = (set) => ({
  setHotspotStatus: (hotspotStatus) => set({ hotspotStatus }),
  setHotspots: (hotspots) => set({ hotspots, hotspotStatus: undefined }),
});

export interface SelectionSlice {
  selection?: { id: string; direction: Direction };
  select: (id: string) => void;
  setDirection: (direction: Direction) => void;
  clearSelection: () => void;
}

export const DEFAULT_LAYERS: Record<LayerName, boolean> = { flows: true, totals: false, choropleth: false, hexbin: false, density: false, hotspots: false };

export const createSettingsSlice: StateCreator<AtlasStore, [], [], SettingsSlice> = (set) => ({
  flowStyle: 'curved',
  flowColour: 'direction',
  grouping: 'auto',
  layers: { ...DEFAULT_LAYERS },
  giK: 1,
  giFdr: false,
  setFlowStyle: (flowStyle) => set({ flowStyle }),
  setFlowColour: (flowColour) => set({ flowColour }),
  setGrouping: (grouping) => set({ grouping, selection: undefined, originFilter: undefined }),
  setLayer: (name, on) => set((s) => ({ layers: { ...s.layers, [name]: on } })),
  setGi: (giK, giFdr) => set({ giK: Math.min(3, Math.max(1, Math.round(giK))), giFdr }),
});

export const createFilterSlice: StateCreator<AtlasStore, [], [], FilterSlice> = (set, get) => ({
  minCount: 0,
  topN: 0,
  playing: false,
  speed: 1,
  setMinCount: (minCount) => set({ minCount: Math.max(0, minCount) }),
  setOriginFilter: (originFilter) => set({ originFilter }),
  setDestFilter: (destFilter) => set({ destFilter }),
  setTopN: (topN) => set({ topN: Math.max(0, Math.round(topN)) }),
  setRange: (range) => {
    const [from, to] = range[0] <= range[1] ? range : [range[1], range[0]];
    const { dataset, period } = get();
    const index = dataset && period ? dataset.periods.indexOf(period) : -1;
    // Keep the current period inside the window.
    const clamped = dataset && (index < from || index > to) ? dataset.periods[Math.min(Math.max(index, from), to)] : period;
    set({ range: [from, to], period: clamped });
  },
  setPlaying: (playing) => set({ playing }),
  setSpeed: (speed) => set({ speed }),
  advance: () => {
    const { dataset, period, range } = get();
    if (!dataset || !period) return;
    const [from, to] = range ?? [0, dataset.periods.length - 1];
    const index = dataset.periods.indexOf(period);
    const next = index >= to || index < from ? from : index + 1;
    set({ period: dataset.periods[next], hover: undefined });
  },
});

export const createSelectionSlice: StateCreator<AtlasStore, [], [], SelectionSlice> = (set) => ({
  select: (id) => set((s) => ({ selection: { id, direction: s.selection?.direction ?? 'both' } })),
  setDirection: (direction) => set((s) => (s.selection ? { selection: { ...s.selection, direction } } : {})),
  clearSelection: () => set({ selection: undefined }),
});
