/**
 * One definition of "a view": every choice a reader can make, each field once, with its URL key,
 * default, parser, allowed values and label. The View type, DEFAULT_VIEW, the URL codec, the
 * store's view selector and the controls' options all derive from this table, so the URL, a
 * briefing scene and an embed cannot drift apart.
 *
 * URL form: the query carries the choices (`?period=2024-Q4&style=arcs&layers=hotspots…`), the
 * hash carries the camera (`#map=zoom/lat/lon[/bearing[/pitch]]`, MapLibre's own format). Only
 * values that differ from the defaults are written, so a plain link stays plain; unknown or
 * malformed values are ignored, never trusted.
 */
import type { Bounds } from './bounds';
import { isPeriod } from './periods';
import { MEASURE_ID } from './tokens';

/** Where the map looks. `center` is [lon, lat]; bearing in degrees; pitch 0 (flat) to 60. */
export interface Camera {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

/** The query and the hash of a URL, each as parameters. */
export interface UrlParts {
  query: URLSearchParams;
  hash: URLSearchParams;
}

export interface ViewField<T> {
  /** URL keys this field reads and writes (a leading `#` means the hash). */
  readonly url: readonly string[];
  readonly label: string;
  readonly default: T;
  /** The allowed values with what the controls call them, for enumerated fields. */
  readonly options?: readonly (readonly [T, string])[];
  /** A number field's range and step: what a slider offers (and a link or scene may hold). */
  readonly range?: readonly [number, number];
  readonly step?: number;
  /** The value in the URL, or undefined when absent or malformed. */
  read(url: UrlParts): T | undefined;
  /** Sets its URL keys to `value`, deleting them when it is the default. */
  write(value: T, url: UrlParts): void;
  /**
   * The value as a briefing scene writes it (JSON), held to the same rule as the URL: the value,
   * or why it cannot be one. A scene can hold only what a link and the controls can.
   */
  fromJson(json: unknown): { value: T } | { problem: string };
}

const ok = <T>(value: T) => ({ value });
const problem = (text: string) => ({ problem: text });

type FieldValue<F> = F extends ViewField<infer T> ? T : never;

const setOrDelete = (params: URLSearchParams, key: string, value: string | undefined) =>
  value === undefined ? params.delete(key) : params.set(key, value);

function enumField<const T extends string>(
  key: string,
  label: string,
  options: readonly (readonly [T, string])[],
): ViewField<T> {
  const fallback = options[0][0];
  return {
    url: [key],
    label,
    default: fallback,
    options,
    read: ({ query }) => options.find(([value]) => value === query.get(key))?.[0],
    write: (value, { query }) => setOrDelete(query, key, value === fallback ? undefined : value),
    fromJson: (json) => {
      const found = options.find(([value]) => value === json);
      return found ? ok(found[0]) : problem(`one of ${options.map(([value]) => `"${value}"`).join(', ')}`);
    },
  };
}

/**
 * A whole number in [min, max]: in steps of `step` (a slider's) or one of `options` (a select's),
 * so a link can hold only what the controls can show.
 */
function wholeField(
  key: string,
  label: string,
  fallback: number,
  [min, max]: [number, number],
  { step = 1, options }: { step?: number; options?: readonly (readonly [number, string])[] } = {},
): ViewField<number> & { range: readonly [number, number]; step: number } {
  return {
    url: [key],
    label,
    default: fallback,
    options,
    range: [min, max],
    step,
    read: ({ query }) => {
      const text = query.get(key);
      const n = text !== null && /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
      if (options) return options.some(([value]) => value === n) ? n : undefined;
      return n >= min && n <= max && n % step === 0 ? n : undefined;
    },
    write: (value, { query }) => setOrDelete(query, key, value === fallback ? undefined : String(value)),
    fromJson: (json) => {
      if (options)
        return options.some(([value]) => value === json)
          ? ok(json as number)
          : problem(`one of ${options.map(([value]) => value).join(', ')} (what the control offers)`);
      return typeof json === 'number' && Number.isInteger(json) && json >= min && json <= max && json % step === 0
        ? ok(json)
        : problem(`a whole number from ${min} to ${max}${step > 1 ? ` in steps of ${step}` : ''}`);
    },
  };
}

/** Area ids are codes: letters, digits and a few separators; anything else is ignored. */
const AREA_ID = /^[\w:. ,'&()-]{1,80}$/;

/** An optional text value that must pass `valid` (anything else is ignored). */
function textField(
  key: string,
  label: string,
  valid: (value: string) => boolean,
  expected: string,
): ViewField<string | undefined> {
  return {
    url: [key],
    label,
    default: undefined,
    read: ({ query }) => {
      const value = query.get(key);
      return value !== null && valid(value) ? value : undefined;
    },
    write: (value, { query }) => setOrDelete(query, key, value),
    fromJson: (json) => (typeof json === 'string' && valid(json) ? ok(json) : problem(expected)),
  };
}

const AREA_EXPECTED = "an area id (letters, digits and . , : ' & ( ) -)";
const PERIOD_EXPECTED = 'a period such as "2024", "2024-Q3", "2024-07" or "2024-07-15"';
const areaField = (key: string, label: string) => textField(key, label, (value) => AREA_ID.test(value), AREA_EXPECTED);

/** At most this many named places: a scene names the few its caption talks about. */
export const MAX_PLACES = 12;

/**
 * Places a view always labels, by area id (or "group:Name" for a merged exporting group), e.g.
 * the towns a scene's caption names (`places=E06000026,E07000113`). Other labels give way to them.
 */
const placesField: ViewField<string[]> = {
  url: ['places'],
  label: 'Places labelled',
  default: [],
  read: ({ query }) => {
    const ids = (query.get('places') ?? '').split(',').filter(Boolean);
    return ids.length && ids.length <= MAX_PLACES && ids.every((id) => AREA_ID.test(id)) ? ids : undefined;
  },
  write: (value, { query }) => setOrDelete(query, 'places', value.length ? value.join(',') : undefined),
  fromJson: (json) =>
    Array.isArray(json) &&
    json.length <= MAX_PLACES &&
    json.every((id) => typeof id === 'string' && AREA_ID.test(id) && !id.includes(','))
      ? ok(json as string[])
      : problem(`a list of up to ${MAX_PLACES} area ids, each ${AREA_EXPECTED.replace(' ,', '')}`),
};

export const LAYER_NAMES = ['flows', 'totals', 'choropleth', 'hexbin', 'density', 'hotspots', 'emerging'] as const;
export type LayerName = (typeof LAYER_NAMES)[number];
export type Layers = Record<LayerName, boolean>;

export const DEFAULT_LAYERS: Layers = {
  flows: true,
  totals: false,
  choropleth: false,
  hexbin: false,
  density: false,
  hotspots: false,
  emerging: false,
};

/** The analysis layers drawn from incident cells (loaded on first use). */
export const INCIDENT_LAYERS: readonly LayerName[] = ['hexbin', 'density', 'hotspots', 'emerging'];
/** The analysis layers, which load their code on first use. */
export const ANALYSIS_LAYERS: readonly LayerName[] = ['choropleth', ...INCIDENT_LAYERS];

export const needsIncidents = (layers: Layers) => INCIDENT_LAYERS.some((name) => layers[name]);
export const wantsAnalysis = (layers: Layers) => ANALYSIS_LAYERS.some((name) => layers[name]);

/** What the controls call each layer. */
export const LAYER_LABELS: Record<LayerName, string> = {
  flows: 'Flows',
  totals: 'Area totals (circles)',
  choropleth: 'Destination rate (choropleth)',
  hexbin: 'Incident cells (H3 hexagons)',
  density: 'Density view',
  hotspots: 'Hot spots (Getis-Ord Gi*)',
  emerging: 'Emerging hot spots (trend to this period)',
};

const layersKey = (layers: Layers) => LAYER_NAMES.filter((name) => layers[name]).join(',');

const layersField: ViewField<Layers> = {
  url: ['layers'],
  label: 'Layers',
  default: DEFAULT_LAYERS,
  options: LAYER_NAMES.map((name) => [{ ...DEFAULT_LAYERS, [name]: true }, LAYER_LABELS[name]] as const),
  read: ({ query }) => {
    const value = query.get('layers');
    if (value === null) return undefined;
    const named = value.split(',');
    // A list that names no layer at all (`layers=bogus`) is ignored, not read as "all off".
    if (value !== '' && !named.some((name) => (LAYER_NAMES as readonly string[]).includes(name))) return undefined;
    return Object.fromEntries(LAYER_NAMES.map((name) => [name, named.includes(name)])) as Layers;
  },
  write: (value, { query }) =>
    setOrDelete(query, 'layers', layersKey(value) === layersKey(DEFAULT_LAYERS) ? undefined : layersKey(value)),
  // A scene lists the layers it draws, e.g. ["flows", "hotspots"].
  fromJson: (json) => {
    const names = LAYER_NAMES as readonly string[];
    if (!Array.isArray(json) || json.some((name) => !names.includes(name as string)))
      return problem(`a list of layers, each one of ${LAYER_NAMES.map((n) => `"${n}"`).join(', ')}`);
    return ok(Object.fromEntries(LAYER_NAMES.map((name) => [name, json.includes(name)])) as Layers);
  },
};

/** Which of an isolated area's flows show, as the selection panel offers them. */
export const DIRECTIONS = [
  ['in', 'into it'],
  ['out', 'out of it'],
  ['both', 'both'],
] as const;
export type Direction = (typeof DIRECTIONS)[number][0];

/** The isolated area and which of its flows show. */
export interface Selection {
  id: string;
  direction: Direction;
}

const selectionField: ViewField<Selection | undefined> = {
  url: ['sel', 'dir'],
  label: 'Isolated area',
  default: undefined,
  read: ({ query }) => {
    const id = query.get('sel');
    if (id === null || !AREA_ID.test(id)) return undefined;
    return { id, direction: DIRECTIONS.find(([d]) => d === query.get('dir'))?.[0] ?? 'both' };
  },
  write: (value, { query }) => {
    setOrDelete(query, 'sel', value?.id);
    setOrDelete(query, 'dir', value && value.direction !== 'both' ? value.direction : undefined);
  },
  fromJson: (json) => {
    const { id, direction = 'both', ...rest } = (json ?? {}) as Record<string, unknown>;
    if (typeof json !== 'object' || json === null || Object.keys(rest).length)
      return problem('{ "id": an area id, "direction": "in", "out" or "both" }');
    if (typeof id !== 'string' || !AREA_ID.test(id)) return problem(`"id": ${AREA_EXPECTED}`);
    const known = DIRECTIONS.find(([d]) => d === direction);
    return known ? ok({ id, direction: known[0] }) : problem('"direction": "in", "out" or "both"');
  },
};

/** Undefined: the dataset's latest period. */
const periodField = textField('period', 'Period', isPeriod, PERIOD_EXPECTED);

/** The playback window: first and last period, inclusive (`window=2016-Q1..2019-Q4`). */
const windowField: ViewField<[string, string] | undefined> = {
  url: ['window'],
  label: 'Playback window',
  // Undefined: every period.
  default: undefined,
  read: ({ query }) => {
    const [from, to, ...rest] = (query.get('window') ?? '').split('..');
    return rest.length === 0 && isPeriod(from) && isPeriod(to) && from <= to ? [from, to] : undefined;
  },
  write: (value, { query }) => setOrDelete(query, 'window', value && `${value[0]}..${value[1]}`),
  fromJson: (json) => {
    if (!Array.isArray(json) || json.length !== 2 || !json.every((p) => typeof p === 'string' && isPeriod(p)))
      return problem(`[first, last]: two periods, each ${PERIOD_EXPECTED}`);
    return json[0] <= json[1] ? ok([json[0], json[1]]) : problem('the window starts after it ends');
  },
};

/** Change mode: the base period flows are compared with (`vs=2019-Q4`); none draws counts. */
const compareField = textField('vs', 'Compare with', isPeriod, PERIOD_EXPECTED);

/** Which count widths and totals show: a further measure's id (`measure=referrals`), or the main count. */
const measureField = textField(
  'measure',
  'Measure',
  (value) => MEASURE_ID.test(value),
  'a measure id (lower-case letters, digits and "_")',
);

const fdrField: ViewField<boolean> = {
  url: ['fdr'],
  label: 'False-discovery-rate correction',
  default: false,
  read: ({ query }) => (query.get('fdr') === '1' ? true : undefined),
  write: (value, { query }) => setOrDelete(query, 'fdr', value ? '1' : undefined),
  fromJson: (json) => (typeof json === 'boolean' ? ok(json) : problem('true or false')),
};

/** MapLibre's hash format: zoom/lat/lon, then bearing and pitch when either is not zero. */
export function formatCamera({ center: [lng, lat], zoom, bearing, pitch }: Camera): string {
  const z = Math.round(zoom * 100) / 100;
  // Decimals enough for a pixel at this zoom, as MapLibre writes them.
  const precision = 10 ** Math.ceil((z * Math.LN2 + Math.log(512 / 360 / 0.5)) / Math.LN10);
  let text = `${z}/${Math.round(lat * precision) / precision}/${Math.round(lng * precision) / precision}`;
  if (bearing || pitch) text += `/${Math.round(bearing * 10) / 10}`;
  if (pitch) text += `/${Math.round(pitch)}`;
  return text;
}

/** A camera within the ranges a link or a scene may hold; undefined otherwise. */
function checkedCamera(zoom: number, lat: number, lng: number, bearing: number, pitch: number): Camera | undefined {
  const inRange = (v: number, min: number, max: number) => Number.isFinite(v) && v >= min && v <= max;
  if (!inRange(zoom, 0, 22) || !inRange(lat, -85, 85) || !inRange(lng, -180, 180)) return undefined;
  if (!inRange(bearing, -180, 180) || !inRange(pitch, 0, 85)) return undefined;
  return { center: [lng, lat], zoom, bearing, pitch };
}

export function parseCamera(text: string | null): Camera | undefined {
  if (text === null) return undefined;
  const parts = text.split('/');
  if (parts.length < 3 || parts.length > 5 || parts.some((p) => !/^-?\d+(\.\d+)?$/.test(p))) return undefined;
  const [zoom, lat, lng, bearing = 0, pitch = 0] = parts.map(Number);
  return checkedCamera(zoom, lat, lng, bearing, pitch);
}

const cameraField: ViewField<Camera | undefined> = {
  url: ['#map'],
  label: 'Camera',
  // Undefined: fit Great Britain.
  default: undefined,
  read: ({ hash }) => parseCamera(hash.get('map')),
  write: (value, { hash }) => setOrDelete(hash, 'map', value && formatCamera(value)),
  fromJson: (json) => {
    const { center, zoom, bearing = 0, pitch = 0, ...rest } = (json ?? {}) as Record<string, unknown>;
    const numbers = [zoom, bearing, pitch, ...(Array.isArray(center) ? center : [])];
    const camera =
      typeof json === 'object' &&
      json !== null &&
      Object.keys(rest).length === 0 &&
      Array.isArray(center) &&
      center.length === 2 &&
      numbers.every((n) => typeof n === 'number')
        ? checkedCamera(zoom as number, center[1], center[0], bearing as number, pitch as number)
        : undefined;
    return camera
      ? ok(camera)
      : problem('{ "center": [lon −180…180, lat −85…85], "zoom": 0…22, "bearing": −180…180, "pitch": 0…85 }');
  },
};

/**
 * The area a view shows, [west, south, east, north] (`#frame=w,s,e,n`): every surface fits it to
 * its own size, so a link copied at a desk shows the same places in a 320 px embed. Undefined: the
 * dataset's routes. A pinned camera (`#map=`) wins over it.
 */
const frameField: ViewField<Bounds | undefined> = {
  url: ['#frame'],
  label: 'Area shown',
  default: undefined,
  read: ({ hash }) => parseFrame(hash.get('frame')),
  write: (value, { hash }) => setOrDelete(hash, 'frame', value && value.map((v) => Number(v.toFixed(4))).join(',')),
  fromJson: (json) => {
    const frame =
      Array.isArray(json) && json.length === 4 && json.every((v) => typeof v === 'number')
        ? parseFrame(json.join(','))
        : undefined;
    return frame ? ok(frame) : problem('[west, south, east, north] in degrees, west < east, south < north');
  },
};

/** A frame within the world, west < east and south < north; undefined otherwise. */
export function parseFrame(text: string | null): Bounds | undefined {
  if (text === null) return undefined;
  const parts = text.split(',');
  if (parts.length !== 4 || parts.some((p) => !/^-?\d+(\.\d+)?$/.test(p))) return undefined;
  const [west, south, east, north] = parts.map(Number);
  const lonOk = (v: number) => v >= -180 && v <= 180;
  const latOk = (v: number) => v >= -85 && v <= 85;
  if (!lonOk(west) || !lonOk(east) || !latOk(south) || !latOk(north) || west >= east || south >= north)
    return undefined;
  return [west, south, east, north];
}

/** Every field of a view, in URL order. */
export const VIEW_FIELDS = {
  period: periodField,
  periodWindow: windowField,
  compareWith: compareField,
  measure: measureField,
  flowStyle: enumField('style', 'Flow style', [
    ['curved', 'Curved lines with arrows'],
    ['arcs', '3D arcs (tilted view)'],
  ]),
  flowColour: enumField('colour', 'Colour flows by', [
    ['direction', 'Direction (origin → destination)'],
    ['group', 'Exporting area'],
    ['count', 'Count (sequential)'],
  ]),
  /** 'auto' merges exporting areas (e.g. London's boroughs) below zoom 8, where they overlap. */
  grouping: enumField('group', 'Exporting areas', [
    ['auto', 'Group exporting areas when zoomed out'],
    ['grouped', 'Always group (e.g. all of London)'],
    ['separate', 'Never group'],
  ]),
  layers: layersField,
  selection: selectionField,
  minCount: wholeField('min', 'Minimum count', 0, [0, 60], { step: 5 }),
  /** Show the N largest flows only (0 = all). */
  topN: wholeField('top', 'Largest flows only', 0, [0, 20], {
    options: [
      [0, 'All flows'],
      [5, 'Top 5 flows'],
      [10, 'Top 10 flows'],
      [20, 'Top 20 flows'],
    ],
  }),
  originFilter: areaField('origin', 'From'),
  destFilter: areaField('dest', 'To'),
  /** Gi* neighbourhood: the k-ring of each cell (k = 1: the 6 touching cells). */
  giK: wholeField('k', 'Gi* neighbourhood (rings)', 1, [1, 3]),
  /** Benjamini–Hochberg false-discovery-rate correction of the Gi* bins. */
  giFdr: fdrField,
  places: placesField,
  frame: frameField,
  camera: cameraField,
} as const;

/**
 * Settings of the display rather than of the view: in the URL like the view's fields, but a scene
 * never sets them (the room decides the projector theme, not the briefing).
 */
export const DISPLAY_FIELDS = {
  /** How a briefing is presented: light for lit rooms (the default), dark for dimmed ones. */
  theme: enumField('theme', 'Projector theme', [
    ['light', 'Light (lit rooms)'],
    ['dark', 'Dark (dimmed rooms)'],
  ]),
} as const;

export type Display = { -readonly [K in keyof typeof DISPLAY_FIELDS]: FieldValue<(typeof DISPLAY_FIELDS)[K]> };
export type ProjectorTheme = Display['theme'];
export const DEFAULT_DISPLAY: Display = { theme: DISPLAY_FIELDS.theme.default };

export type View = { -readonly [K in keyof typeof VIEW_FIELDS]: FieldValue<(typeof VIEW_FIELDS)[K]> };
export type ViewKey = keyof View;
export const VIEW_KEYS = Object.keys(VIEW_FIELDS) as ViewKey[];

export type FlowStyle = View['flowStyle'];
export type FlowColour = View['flowColour'];
export type Grouping = View['grouping'];

export const DEFAULT_VIEW: View = Object.fromEntries(VIEW_KEYS.map((key) => [key, VIEW_FIELDS[key].default])) as View;

/** The allowed values of an enumerated field with their labels, for a select. */
export const optionsOf = <K extends ViewKey>(key: K) =>
  (VIEW_FIELDS[key].options ?? []) as readonly (readonly [View[K], string])[];

function partsOf(url: URL): UrlParts {
  return { query: url.searchParams, hash: new URLSearchParams(url.hash.replace(/^#/, '')) };
}

/**
 * `key=value` pairs of a URL that name a view field but hold a value it cannot take (e.g.
 * `top=3` where the control offers 5, 10 or 20): ignored, and the reader is told.
 */
export function ignoredUrlValues(href: string): string[] {
  const parts = partsOf(new URL(href));
  const ignored: string[] = [];
  for (const field of [...Object.values(VIEW_FIELDS), ...Object.values(DISPLAY_FIELDS)] as ViewField<unknown>[]) {
    const present = field.url.filter((key) =>
      key.startsWith('#') ? parts.hash.has(key.slice(1)) : parts.query.has(key),
    );
    if (present.length && field.read(parts) === undefined) {
      ignored.push(
        ...present.map(
          (key) =>
            `${key.replace(/^#/, '')}=${(key.startsWith('#') ? parts.hash : parts.query).get(key.replace(/^#/, ''))}`,
        ),
      );
    }
  }
  return ignored;
}

/** The fields a URL sets (valid ones only); the rest keep their defaults when applied. */
export function readView(href: string): Partial<View> {
  return readFields(VIEW_FIELDS, href) as Partial<View>;
}

/** The display settings a URL sets. */
export function readDisplay(href: string): Partial<Display> {
  return readFields(DISPLAY_FIELDS, href) as Partial<Display>;
}

function readFields(fields: Record<string, ViewField<unknown>>, href: string): Record<string, unknown> {
  const parts = partsOf(new URL(href));
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(fields)) {
    const value = field.read(parts);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** A complete view from a URL: what it says, defaults for the rest. */
export const viewFromUrl = (href: string): View => ({ ...DEFAULT_VIEW, ...readView(href) });

/** `href` with every view field (and any display setting given) written; other parameters are kept. */
export function writeView(view: View, href: string, display?: Display): string {
  const url = new URL(href);
  const parts = partsOf(url);
  for (const key of VIEW_KEYS) (VIEW_FIELDS[key] as ViewField<unknown>).write(view[key], parts);
  if (display) DISPLAY_FIELDS.theme.write(display.theme, parts);
  // MapLibre's hash keeps its slashes readable; nothing else goes there.
  const hash = decodeURIComponent(parts.hash.toString());
  url.hash = hash ? `#${hash}` : '';
  return url.href;
}

/** The view fields of any object that holds them (the store). */
export function pickView(source: View): View {
  return Object.fromEntries(VIEW_KEYS.map((key) => [key, source[key]])) as View;
}
