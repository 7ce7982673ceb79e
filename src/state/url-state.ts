/**
 * Shareable view state lives in the URL's query (`?period=2024-Q4&style=arcs&layers=hotspots…`);
 * the camera lives in the hash (`#map=zoom/lat/lon`, kept by MapLibre). Only values that differ
 * from the defaults are written, so a plain link stays plain. Unknown or malformed values are
 * ignored, never trusted.
 */
import { isPeriod } from '../data/periods';
import { DEFAULT_LAYERS, type Direction, type FlowColour, type FlowStyle, type Grouping, type LayerName } from './analysis-slices';
import { useAtlasStore, type AtlasStore } from './store';

export interface UrlState {
  period?: string;
  flowStyle?: FlowStyle;
  flowColour?: FlowColour;
  grouping?: Grouping;
  layers?: Record<LayerName, boolean>;
  selection?: { id: string; direction: Direction };
  minCount?: number;
  topN?: number;
  originFilter?: string;
  destFilter?: string;
  giK?: number;
  giFdr?: boolean;
}

const oneOf = <T extends string>(value: string | null, options: readonly T[]): T | undefined => (value !== null && (options as readonly string[]).includes(value) ? (value as T) : undefined);
const wholeNumber = (value: string | null, max: number) => (value !== null && /^\d{1,4}$/.test(value) && Number(value) <= max ? Number(value) : undefined);
/** Area ids are codes: letters, digits and a few separators; anything else is ignored. */
const areaId = (value: string | null) => (value !== null && /^[\w:. ,'&()-]{1,80}$/.test(value) ? value : undefined);

export function readUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const period = params.get('period');
  const layerNames = Object.keys(DEFAULT_LAYERS) as LayerName[];
  const layersParam = params.get('layers');
  const sel = areaId(params.get('sel'));
  const state: UrlState = {
    period: period && isPeriod(period) ? period : undefined,
    flowStyle: oneOf(params.get('style'), ['curved', 'arcs'] as const),
    flowColour: oneOf(params.get('colour'), ['direction', 'group', 'count'] as const),
    grouping: oneOf(params.get('group'), ['auto', 'grouped', 'separate'] as const),
    layers: layersParam === null ? undefined : (Object.fromEntries(layerNames.map((n) => [n, layersParam.split(',').includes(n)])) as Record<LayerName, boolean>),
    selection: sel ? { id: sel, direction: oneOf(params.get('dir'), ['in', 'out', 'both'] as const) ?? 'both' } : undefined,
    minCount: wholeNumber(params.get('min'), 10_000),
    topN: wholeNumber(params.get('top'), 1000),
    originFilter: areaId(params.get('origin')),
    destFilter: areaId(params.get('dest')),
    giK: wholeNumber(params.get('k'), 3),
    giFdr: params.get('fdr') === '1' ? true : undefined,
  };
  return Object.fromEntries(Object.entries(state).filter(([, v]) => v !== undefined)) as UrlState;
}

export function writeUrlState(state: UrlState, href: string): string {
  const url = new URL(href);
  const set = (key: string, value: string | undefined) => (value === undefined ? url.searchParams.delete(key) : url.searchParams.set(key, value));
  set('period', state.period);
  set('style', state.flowStyle && state.flowStyle !== 'curved' ? state.flowStyle : undefined);
  set('colour', state.flowColour && state.flowColour !== 'direction' ? state.flowColour : undefined);
  set('group', state.grouping && state.grouping !== 'auto' ? state.grouping : undefined);
  const layers = state.layers && Object.entries(state.layers).filter(([, on]) => on).map(([n]) => n);
  const defaults = Object.entries(DEFAULT_LAYERS).filter(([, on]) => on).map(([n]) => n);
  set('layers', layers && layers.join(',') !== defaults.join(',') ? layers.join(',') : undefined);
  set('sel', state.selection?.id);
  set('dir', state.selection && state.selection.direction !== 'both' ? state.selection.direction : undefined);
  set('min', state.minCount ? String(state.minCount) : undefined);
  set('top', state.topN ? String(state.topN) : undefined);
  set('origin', state.originFilter);
  set('dest', state.destFilter);
  set('k', state.giK && state.giK !== 1 ? String(state.giK) : undefined);
  set('fdr', state.giFdr ? '1' : undefined);
  return url.href;
}

const pick = (s: AtlasStore): UrlState => ({
  period: s.period,
  flowStyle: s.flowStyle,
  flowColour: s.flowColour,
  grouping: s.grouping,
  layers: s.layers,
  selection: s.selection,
  minCount: s.minCount,
  topN: s.topN,
  originFilter: s.originFilter,
  destFilter: s.destFilter,
  giK: s.giK,
  giFdr: s.giFdr,
});

/** Applies the URL to the store, then keeps the URL in step (replaceState: no history spam). */
export function syncUrlWithStore(): () => void {
  useAtlasStore.setState(readUrlState(window.location.search));
  return useAtlasStore.subscribe((state) => {
    const next = writeUrlState(pick(state), window.location.href);
    if (next !== window.location.href) window.history.replaceState(window.history.state, '', next);
  });
}
