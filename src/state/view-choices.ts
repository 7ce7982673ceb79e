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

let lastState: AtlasStore | undefined;
let lastChoices: ViewChoices | undefined;

/**
 * The view choices of a store state: the same object for as long as every choice is equal, so a
 * component or memo that depends on it changes only when a choice does. Every panel selects it on
 * every store change, so it is made once per state, not once per panel, and compared field by
 * field without building anything (zustand's `useShallow` built two Maps a call).
 */
export function selectViewChoices(s: AtlasStore): ViewChoices | undefined {
  if (s === lastState) return lastChoices;
  lastState = s;
  if (!s.period) return (lastChoices = undefined);
  const zoom = Math.floor(s.zoom * 4) / 4;
  const last = lastChoices;
  if (
    last &&
    last.period === s.period &&
    last.zoom === zoom &&
    CHOICE_KEYS.every((key) => Object.is(last[key], s[key]))
  )
    return last;
  const choices = Object.fromEntries(CHOICE_KEYS.map((key) => [key, s[key]])) as Omit<ViewChoices, 'period' | 'zoom'>;
  lastChoices = { ...choices, period: s.period, zoom };
  return lastChoices;
}
