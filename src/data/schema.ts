/**
 * The published dataset: what the app draws and the data CLI writes.
 *
 * Everything here has already passed disclosure control: a flow or cell count is either a
 * published number (at or above the threshold, rounded) or suppressed (`null`). A suppressed
 * value is never a number anywhere downstream.
 */
import type { NetworkColumns } from './analysis/network';
import type { FlowColumns } from './flow-columns';
import { z } from 'zod';
import { GRANULARITIES, isPeriod, type Granularity } from './periods';
import { MEASURE_ID } from './tokens';

/** A period: "2024", "2024-Q3", "2024-07" or "2024-07-15" (see periods.ts). */
export const periodSchema = z
  .string()
  .refine((value) => isPeriod(value), 'a period such as "2024", "2024-Q3", "2024-07" or "2024-07-15"');
export type Period = string;

export const disclosureSchema = z.object({
  /** Counts below this are suppressed (ONS "10-5 rule": 10). */
  threshold: z.number().int().min(1).default(10),
  /** Published counts are rounded to the nearest multiple of this (5 under the 10-5 rule). */
  roundingBase: z.number().int().min(1).default(5),
});
export type DisclosureSettings = z.infer<typeof disclosureSchema>;

/**
 * Incident cells may be no finer than H3 resolution 9 (about 0.1 km², a few streets): finer cells
 * could single out an address. The CLI refuses any other value before it writes anything.
 */
export const H3_RESOLUTION_RANGE = [0, 9] as const;

/**
 * Text shown on every map, export and slide: bounded, so a hostile or mistaken file cannot push
 * the map off the page (a 10,000-character title) — refused with the limit, never cut silently.
 */
const shownText = (max: number) => z.string().max(max, `at most ${max} characters (this text is shown on the map)`);

/**
 * Further counts a flow may carry besides its main one (e.g. young people referred, cuckooing
 * cases), each in its own column `count_<id>` of the flows CSV and under the same disclosure
 * control as the main count. The map's Measure control switches between them.
 */
export { MEASURE_COLUMN_PREFIX, measureColumn } from './tokens';
export const MAX_MEASURES = 8;

export const measureSchema = z.object({
  id: z.string().regex(MEASURE_ID, 'lower-case letters, digits and "_", starting with a letter (e.g. "referrals")'),
  /** What it counts, e.g. "young people referred": shown in the legend, totals and tooltips. */
  label: shownText(100).min(1),
});
export type Measure = z.infer<typeof measureSchema>;

export const manifestSchema = z.object({
  title: shownText(200).min(1),
  subtitle: shownText(400).default(''),
  /** Where the numbers come from, shown under the map and baked into exports. */
  source: shownText(1000).min(1),
  licence: shownText(1000).min(1),
  attribution: shownText(1000).default(''),
  /** True for illustrative data: the app then labels it so on screen. */
  synthetic: z.boolean().default(false),
  /** One sentence a reader must see, e.g. "Illustrative synthetic data, not police figures". */
  notice: shownText(600).default(''),
  periodGranularity: z.enum(GRANULARITIES as [Granularity, ...Granularity[]]).default('quarter'),
  /** What a flow count counts, e.g. "active county lines". */
  flowMeasure: shownText(100).min(1),
  /** Further counts of each flow (see measureSchema), in the order the Measure control lists them. */
  measures: z
    .array(measureSchema)
    .max(MAX_MEASURES, `at most ${MAX_MEASURES} further measures`)
    .refine((list) => new Set(list.map((m) => m.id)).size === list.length, 'each measure id at most once')
    .default([]),
  /** What an incident cell count counts. */
  incidentMeasure: shownText(100).default('incidents'),
  disclosure: disclosureSchema,
  /**
   * The area the routes cover, [west, south, east, north]: where the map opens before the data
   * has loaded (the data CLI writes it; analysis/frame.ts). Optional: computed when absent.
   */
  frame: z
    .tuple([
      z.number().min(-180).max(180),
      z.number().min(-85).max(85),
      z.number().min(-180).max(180),
      z.number().min(-85).max(85),
    ])
    .refine(([w, s, e, n]) => w < e && s < n, 'west < east and south < north')
    .optional(),
  /** H3 resolution of incident cells (coarse: 7 is ~5 km² a cell). */
  h3Resolution: z.number().int().min(H3_RESOLUTION_RANGE[0]).max(H3_RESOLUTION_RANGE[1]),
  files: z.object({
    areas: z.string().min(1),
    flows: z.string().min(1),
    incidents: z.string().optional(),
  }),
});
export type Manifest = z.infer<typeof manifestSchema>;

export const areaRoleSchema = z.enum(['origin', 'destination', 'both']);
export type AreaRole = z.infer<typeof areaRoleSchema>;

export const areaPropertiesSchema = z.object({
  /** ONS code (E09…, E07…, W06…) or any id unique in the file. */
  id: z.string().min(1),
  name: z.string().min(1),
  role: areaRoleSchema,
  /** Exporting area an origin belongs to, e.g. "London". */
  group: z.string().optional(),
  population: z.number().nonnegative().optional(),
  /** [lon, lat] where arcs start or end and labels sit: the area's public centroid (computed when absent). */
  centroid: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
});
export type AreaProperties = z.infer<typeof areaPropertiesSchema>;

/** Published positions are longitude/latitude: the same ranges raw files are checked against. */
const position = z
  .tuple([
    z.number().min(-180, 'a longitude between -180 and 180').max(180, 'a longitude between -180 and 180'),
    z.number().min(-90, 'a latitude between -90 and 90').max(90, 'a latitude between -90 and 90'),
  ])
  .rest(z.number());
const ring = z.array(position).min(4);
export const areaGeometrySchema = z.discriminatedUnion('type', [
  /** A location known only as a point (flowmap.blue locations, kepler.gl coordinates). */
  z.object({ type: z.literal('Point'), coordinates: position }),
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) }),
]);
export type AreaGeometry = z.infer<typeof areaGeometrySchema>;

export const areaFeatureSchema = z.object({
  type: z.literal('Feature'),
  properties: areaPropertiesSchema,
  geometry: areaGeometrySchema,
});

/** As published: the centroid may be left out, and is then computed from the geometry. */
export const areaInputCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    areaFeatureSchema.extend({
      properties: areaPropertiesSchema.extend({ centroid: areaPropertiesSchema.shape.centroid.optional() }),
    }),
  ),
});

/** The only area properties ever published; anything else in an input is dropped and reported. */
export const AREA_PROPERTY_ALLOW_LIST = ['id', 'name', 'role', 'group', 'population', 'centroid'] as const;
export type AreaFeature = z.infer<typeof areaFeatureSchema>;

export const areaCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(areaFeatureSchema),
});
export type AreaCollection = z.infer<typeof areaCollectionSchema>;

/** One published flow: `count` is null when suppressed (below the threshold). */
export interface FlowRecord {
  origin: string;
  dest: string;
  period: Period;
  count: number | null;
  /** Further measures by id (see measureSchema), each null when suppressed; absent when none. */
  measures?: Record<string, number | null>;
}

/** One published incident cell: `count` is null when suppressed. */
export interface IncidentCell {
  /** H3 index at the manifest's resolution. */
  cell: string;
  period: Period;
  count: number | null;
}

export { MEASURE_ID, SUPPRESSED_TOKEN } from './tokens';

export interface Dataset {
  manifest: Manifest;
  areas: AreaCollection;
  flows: FlowRecord[];
  /** The flows as columns, where they arrived so (the page): read them with flowColumnsOf. */
  flowColumns?: FlowColumns;
  /** The flow network merged where the dataset was read (network.ts: networkColumnsOf). */
  networkColumns?: { separate: NetworkColumns; grouped: NetworkColumns };
  incidents: IncidentCell[];
  /** Every period in the data, sorted oldest first. */
  periods: Period[];
}
