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
import { parseJsonText } from './io/text';
import { DEFAULT_VIEW, VIEW_FIELDS, VIEW_KEYS, type View, type ViewField, type ViewKey } from './view';
import type { Briefing } from './briefing-json';

/**
 * Each view field as a scene writes it, read by the field's own rule (VIEW_FIELDS in view.ts): the
 * same values, ranges and options a link and the controls allow, so a scene cannot hold what a
 * link would refuse (a top 3 where the control offers 5, 10 or 20).
 */
const viewFieldSchemas = Object.fromEntries(
  VIEW_KEYS.map((key) => [
    key,
    z
      .unknown()
      .transform((json, ctx) => {
        const read = (VIEW_FIELDS[key] as ViewField<unknown>).fromJson(json);
        if ('value' in read) return read.value;
        ctx.addIssue({ code: 'custom', message: read.problem });
        return z.NEVER;
      })
      .optional(),
  ]),
) as unknown as Record<ViewKey, z.ZodOptional<z.ZodType>>;

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
