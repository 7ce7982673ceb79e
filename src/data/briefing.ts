/**
 * A briefing: a titled list of scenes for presenting. A scene is a view (src/data/view.ts: the
 * same fields the URL carries, camera included) with a title, a caption and speaker notes. A
 * field a scene leaves out takes its default when the scene is shown, so scenes never leak
 * settings into each other.
 *
 * Captions are plain text with a tiny, safe Markdown subset (see caption.ts): never HTML.
 */
import { z } from 'zod';
import { DataError, type DataProblem } from './problems';
import { isPeriod } from './periods';
import { parseJsonText } from './io/text';
import { DEFAULT_VIEW, LAYER_NAMES, DIRECTIONS, optionsOf, type View, type ViewKey } from './view';
import type { Briefing } from './briefing-json';
import { MEASURE_ID } from './tokens';

const period = z.string().refine(isPeriod, 'a period such as "2024", "2024-Q3", "2024-07" or "2024-07-15"');
const enumOf = <K extends ViewKey>(key: K) =>
  z.enum(optionsOf(key).map(([value]) => value as string) as [string, ...string[]]);
const areaId = z.string().regex(/^[\w:. ,'&()-]{1,80}$/, "an area id (letters, digits and . , : ' & ( ) -)");
const whole = (min: number, max: number) => z.number().int().min(min).max(max);

/** Each view field as it is written in a briefing file; keys are checked against the view table. */
const viewFieldSchemas = {
  period: period.optional(),
  periodWindow: z
    .tuple([period, period])
    .refine(([from, to]) => from <= to, 'the window starts after it ends')
    .optional(),
  compareWith: period.optional(),
  measure: z.string().regex(MEASURE_ID, 'a measure id (lower-case letters, digits and "_")').optional(),
  flowStyle: enumOf('flowStyle').optional(),
  flowColour: enumOf('flowColour').optional(),
  grouping: enumOf('grouping').optional(),
  layers: z
    .array(z.enum(LAYER_NAMES))
    .transform((names) => Object.fromEntries(LAYER_NAMES.map((name) => [name, names.includes(name)])))
    .optional(),
  selection: z
    .object({ id: areaId, direction: z.enum(DIRECTIONS.map(([d]) => d) as [string, ...string[]]).default('both') })
    .strict()
    .optional(),
  minCount: whole(0, 10_000).optional(),
  topN: whole(0, 1000).optional(),
  originFilter: areaId.optional(),
  destFilter: areaId.optional(),
  giK: whole(1, 3).optional(),
  giFdr: z.boolean().optional(),
  camera: z
    .object({
      center: z.tuple([z.number().min(-180).max(180), z.number().min(-85).max(85)]),
      zoom: z.number().min(0).max(22),
      bearing: z.number().min(-180).max(180).default(0),
      pitch: z.number().min(0).max(85).default(0),
    })
    .strict()
    .optional(),
} satisfies Record<ViewKey, z.ZodType>;

export const sceneSchema = z
  .object({
    title: z.string().min(1).max(120),
    caption: z.string().max(600).default(''),
    notes: z.string().max(5000).default(''),
    view: z.object(viewFieldSchemas).strict().default({}),
  })
  .strict();

export const briefingSchema = z
  .object({
    title: z.string().min(1).max(120),
    author: z.string().max(120).default(''),
    /** ISO date, e.g. "2026-11-28". */
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
      .optional(),
    /** The dataset's manifest, relative to the briefing file (same site only). */
    dataset: z.string().min(1),
    scenes: z.array(sceneSchema).min(1, 'a briefing needs at least one scene').max(200),
  })
  .strict();

export type { Briefing, Scene } from './briefing-json';

/** Reads a briefing file; every problem names the scene and field. */
export function parseBriefing(text: string, file = 'briefing.json'): Briefing {
  const json = parseJsonText(text, file);
  const result = briefingSchema.safeParse(json);
  if (!result.success) {
    const problems: DataProblem[] = result.error.issues.slice(0, 50).map((issue) => {
      const [first, index, ...rest] = issue.path.map(String);
      const inScene = first === 'scenes' && index !== undefined;
      const title = inScene ? (json as { scenes?: { title?: unknown }[] })?.scenes?.[Number(index)]?.title : undefined;
      return {
        severity: 'error' as const,
        file,
        where: inScene
          ? `scene ${Number(index) + 1}${typeof title === 'string' && title ? ` ("${title}")` : ''}`
          : undefined,
        field: (inScene ? rest : issue.path.map(String)).join('.') || undefined,
        message: issue.message,
      };
    });
    throw new DataError(problems);
  }
  const { scenes, ...rest } = result.data;
  return {
    ...rest,
    scenes: scenes.map(({ view, ...scene }) => ({ ...scene, view: { ...DEFAULT_VIEW, ...view } as View })),
  };
}

export { briefingJson, sceneViewJson } from './briefing-json';
