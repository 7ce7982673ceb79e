/**
 * The app's one store, made of typed slices. URL state (src/state/url-state.ts) derives from it.
 */
import type { EmergingCategory } from '../data/analysis/emerging-categories';
import type { FlowChange } from '../data/analysis/change';
import { create, type StateCreator } from 'zustand';
import type { NetworkFlow } from '../data/analysis/network';
import {
  createAnalysisSlice,
  createFilterSlice,
  createSelectionSlice,
  createSettingsSlice,
  type AnalysisSlice,
  type FilterSlice,
  type SelectionSlice,
  type SettingsSlice,
} from './analysis-slices';
import type { DataProblem } from '../data/problems';
import type { Bounds } from '../data/bounds';
import type { DisclosureReport } from '../data/disclosure/report';
import type { AreaProperties, Dataset, Period } from '../data/schema';
import { datasetWith } from '../data/flow-columns';
import type { MapHandle } from './map-handle';
import { createBriefingSlice, type BriefingSlice } from './briefing-slice';
import { DEFAULT_VIEW, type View } from '../data/view';
import { datasetForMeasure } from '../derive/measure';

export interface DatasetSlice {
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** Progress of the load under way: 0–1 and what it is doing. */
  progress?: { fraction: number; stage: string };
  /** Disclosure control applied while importing raw files, shown to the user. */
  disclosure?: DisclosureReport;
  dataset?: Dataset;
  /** Where the current dataset came from (manifest URL). */
  datasetUrl?: string;
  /** Problems from the last load; the dataset already on screen stays while these are shown. */
  problems: DataProblem[];
  startLoading: (stage?: string) => void;
  setProgress: (fraction: number, stage: string) => void;
  /** Shows a new dataset; `warnings` are listed (the data loaded all the same). */
  setDataset: (dataset: Dataset, url: string, warnings?: DataProblem[], disclosure?: DisclosureReport) => void;
  /**
   * `instead`: what the map shows in place of what could not be opened (e.g. the sample, when a
   * `?data=` link fails); otherwise the data already on screen stays.
   */
  problemsInstead?: string;
  setProblems: (problems: DataProblem[], instead?: string) => void;
  /** Adds incident cells loaded later (on first use) without resetting the view. */
  attachIncidents: (dataset: Dataset, incidents: Dataset['incidents']) => void;
  /** The dataset whose incident cells could not be read (the problem is shown); not asked again. */
  incidentsUnavailable?: Dataset;
  markIncidentsUnavailable: (dataset: Dataset) => void;
  dismissProblems: () => void;
}

export interface ViewSlice extends Pick<View, 'camera' | 'frame' | 'places'> {
  /** The period on screen; undefined until a dataset arrives. */
  period: Period | undefined;
  /** Map zoom, for zoom-dependent labels. */
  zoom: number;
  setPeriod: (period: Period) => void;
  stepPeriod: (delta: number) => void;
  /** What the map shows, [west, south, east, north], as it reports it; undefined before it has drawn. */
  bounds?: Bounds;
  /**
   * What the map reports after a move (never moves the map itself): its zoom and what is on
   * screen; a move by the reader also makes that the view's frame and unpins the camera, so a
   * link copied then shows the same places at any size.
   */
  mapMoved: (zoom: number, bounds: Bounds, byReader: boolean) => void;
  /**
   * Shows a view: every field is set, defaults included, so one scene cannot leak settings into
   * the next; the camera moves through the map handle (flying when `animate`).
   */
  applyView: (view: View, options?: { animate?: boolean }) => void;
  /** Registered by the map when it is created; undefined before and after. */
  mapHandle?: MapHandle;
  setMapHandle: (handle?: MapHandle) => void;
}

export type HoverTarget =
  | { kind: 'flow'; flow: NetworkFlow; x: number; y: number }
  | { kind: 'cell'; cell: string; count: number | null; bin?: number; z?: number; x: number; y: number }
  | {
      kind: 'area';
      area: AreaProperties /** What a shading layer shows for it (the choropleth's value), if any. */;
      shaded?: string;
      x: number;
      y: number;
    }
  | { kind: 'change'; change: FlowChange; x: number; y: number }
  | {
      kind: 'emerging';
      cell: string;
      category: EmergingCategory;
      /** Gi* z-score per period, first to the one on screen. */
      z: number[];
      periods: string[];
      trendZ: number;
      trendP: number;
      x: number;
      y: number;
    };

export interface HoverSlice {
  hover?: HoverTarget;
  setHover: (hover?: HoverTarget) => void;
}

/** How the page is being used: exploring at a desk, or embedded in an article. */
export type AppMode = 'explore' | 'embed';

export interface ModeSlice {
  mode: AppMode;
  /** Alt text the reader wrote over the generated one (embeds, exports), until they go back to it. */
  altTextOverride?: string;
  setAltTextOverride: (text?: string) => void;
  /**
   * Whether period changes and filters re-filter flows on the CPU (only the shown periods
   * uploaded) rather than move the GPU filter over every period. Undefined: the renderer decides
   * (map/renderer.ts: in software, the CPU). Only a tool hook sets it: the bench's two paths
   * (row c), and the browser test of the GPU path.
   */
  filterOnCpu?: boolean;
}

/**
 * Notices about the map itself (the basemap failed to load, the graphics context was lost), by
 * key so that one fault shows once and clears when it is over. Data problems live in DatasetSlice.
 */
export interface MapNoticeSlice {
  mapNotices: Record<string, string>;
  setMapNotice: (key: string, text?: string) => void;
}

export type AtlasStore = ModeSlice &
  MapNoticeSlice &
  BriefingSlice &
  DatasetSlice &
  ViewSlice &
  HoverSlice &
  SettingsSlice &
  FilterSlice &
  SelectionSlice &
  AnalysisSlice;

const createDatasetSlice: StateCreator<AtlasStore, [], [], DatasetSlice> = (set, get) => ({
  status: 'idle',
  problems: [],
  startLoading: (stage = 'Loading') => set({ status: 'loading', progress: { fraction: 0, stage }, problems: [] }),
  setProgress: (fraction, stage) => set({ progress: { fraction, stage } }),
  setDataset: (dataset, url, warnings = [], disclosure) => {
    const current = get().period;
    // Keep the period a reader chose if the new data has it; else open on the latest.
    const period = current && dataset.periods.includes(current) ? current : dataset.periods.at(-1);
    // Filters and the selection name areas of the old data: a new dataset starts clean, unless it is
    // the first one (whose settings may have come from the URL).
    const fresh = get().dataset
      ? {
          selection: undefined,
          originFilter: undefined,
          destFilter: undefined,
          periodWindow: undefined,
          compareWith: undefined,
          playing: false,
        }
      : {};
    // A measure the new data does not carry would silently show the main count: the control says so
    // by going back to it. (The first dataset's, from a link, is checked with a notice in boot.ts.)
    const measure = get().measure;
    const keepsMeasure = !get().dataset || dataset.manifest.measures.some((m) => m.id === measure);
    set({
      status: 'ready',
      dataset,
      datasetUrl: url,
      period,
      problems: warnings,
      problemsInstead: undefined,
      disclosure,
      progress: undefined,
      hover: undefined,
      ...fresh,
      ...(keepsMeasure ? {} : { measure: undefined }),
    });
  },
  setProblems: (problems, instead) =>
    set((s) => ({ problems, problemsInstead: instead, progress: undefined, status: s.dataset ? 'ready' : 'error' })),
  dismissProblems: () => set({ problems: [], problemsInstead: undefined }),
  attachIncidents: (dataset, incidents) => {
    if (get().dataset === dataset) set({ dataset: datasetWith(dataset, { incidents }) });
  },
  markIncidentsUnavailable: (dataset) => set({ incidentsUnavailable: dataset }),
});

const createViewSlice: StateCreator<AtlasStore, [], [], ViewSlice> = (set, get) => ({
  zoom: 5,
  period: DEFAULT_VIEW.period,
  camera: DEFAULT_VIEW.camera,
  frame: DEFAULT_VIEW.frame,
  places: DEFAULT_VIEW.places,
  setPeriod: (period) => set({ period, hover: undefined }),
  stepPeriod: (delta) => {
    const { dataset, period } = get();
    if (!dataset || !period) return;
    const i = dataset.periods.indexOf(period);
    const next = dataset.periods[Math.min(dataset.periods.length - 1, Math.max(0, i + delta))];
    if (next !== period) set({ period: next, hover: undefined });
  },
  mapMoved: (zoom, bounds, byReader) =>
    set(byReader ? { zoom, bounds, frame: bounds, camera: undefined } : { zoom, bounds }),
  applyView: (view, { animate = false } = {}) => {
    const { dataset, mapHandle } = get();
    const { period, ...choices } = view;
    const known = period && dataset?.periods.includes(period) ? period : dataset?.periods.at(-1);
    set({ ...choices, period: known ?? period, hover: undefined });
    mapHandle?.show({ camera: view.camera, frame: view.frame }, animate);
  },
  setMapHandle: (mapHandle) => set({ mapHandle }),
});

const createHoverSlice: StateCreator<AtlasStore, [], [], HoverSlice> = (set) => ({
  setHover: (hover) => set({ hover }),
});

export const useAtlasStore = create<AtlasStore>()((...a) => ({
  mode: 'explore',
  setAltTextOverride: (altTextOverride) => a[0]({ altTextOverride }),
  filterOnCpu: undefined,
  mapNotices: {},
  setMapNotice: (key, text) =>
    a[0]((s) => {
      if (s.mapNotices[key] === text) return {};
      const { [key]: _, ...rest } = s.mapNotices;
      return { mapNotices: text === undefined ? rest : { ...rest, [key]: text } };
    }),
  ...createBriefingSlice(...a),
  ...createDatasetSlice(...a),
  ...createViewSlice(...a),
  ...createHoverSlice(...a),
  ...createSettingsSlice(...a),
  ...createFilterSlice(...a),
  ...createSelectionSlice(...a),
  ...createAnalysisSlice(...a),
}));

/** The loaded dataset as drawn: its counts are the chosen measure's (derive/measure.ts). */
export const selectShownDataset = (s: AtlasStore): Dataset | undefined =>
  s.dataset && datasetForMeasure(s.dataset, s.measure);
