/**
 * Briefings as files are written: the types and the writer, without the schema (zod stays out of
 * the first view; reading and checking a file is briefing.ts, in the data worker).
 */
import { DEFAULT_VIEW, LAYER_NAMES, VIEW_KEYS, type View } from './view';

export interface Scene {
  title: string;
  caption: string;
  notes: string;
  view: View;
}

export interface Briefing {
  title: string;
  author: string;
  date?: string;
  dataset: string;
  scenes: Scene[];
}

/** A scene's view as written: the fields that differ from the defaults, layers as a list. */
export type SceneViewJson = Partial<Record<keyof View, unknown>>;

/** A view as a briefing file writes it: only what differs from the defaults. */
export function sceneViewJson(view: View): SceneViewJson {
  const out: Record<string, unknown> = {};
  for (const key of VIEW_KEYS) {
    const value = view[key];
    if (JSON.stringify(value) === JSON.stringify(DEFAULT_VIEW[key]) || value === undefined) continue;
    out[key] = key === 'layers' ? LAYER_NAMES.filter((name) => view.layers[name]) : value;
  }
  return out as SceneViewJson;
}

/** A briefing as its file: the inverse of parseBriefing. */
export function briefingJson(briefing: Briefing): string {
  const scenes = briefing.scenes.map((scene) => ({ ...scene, view: sceneViewJson(scene.view) }));
  return `${JSON.stringify({ ...briefing, scenes }, null, 2)}\n`;
}
