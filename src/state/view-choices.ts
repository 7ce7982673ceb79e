/** The part of the store that decides what the map draws, selected in one place for map and panels. */
import type { AtlasStore } from './store';
import { VIEW_KEYS, type View } from '../data/view';

/**
 * A view as the layers need it: the period known, the camera reduced to its zoom (layers depend
 * on zoom only through label placement and auto grouping, so in quarter steps).
 */
export type ViewChoices = Omit<View, 'camera' | 'frame' | 'period'> & { period: string; zoom: number };

// The camera and the frame say where the map looks, which layers never depend on (only the zoom).
const CHOICE_KEYS = VIEW_KEYS.filter((key) => key !== 'camera' && key !== 'frame' && key !== 'period');

/** Use with `useShallow`: a new object each call, equal field by field when nothing changed. */
export function selectViewChoices(s: AtlasStore): ViewChoices | undefined {
  if (!s.period) return undefined;
  const choices = Object.fromEntries(CHOICE_KEYS.map((key) => [key, s[key]])) as Omit<ViewChoices, 'period' | 'zoom'>;
  return { ...choices, period: s.period, zoom: Math.floor(s.zoom * 4) / 4 };
}
