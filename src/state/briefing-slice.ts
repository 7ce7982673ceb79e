/**
 * The briefing on screen and where it stands: which scene shows, whether it is being presented,
 * whether the screen is blanked. Showing a scene applies its whole view (every field, defaults
 * included) and moves the camera through the map handle: flying while presenting.
 */
import type { StateCreator } from 'zustand';
import type { Briefing, Scene } from '../data/briefing';
import type { AtlasStore } from './store';

export interface BriefingSlice {
  briefing?: Briefing;
  /** Where the briefing came from (its URL), for resolving its dataset and for links. */
  briefingUrl?: string;
  /** The scene shown (zero-based); undefined until one is. */
  sceneIndex?: number;
  presenting: boolean;
  /** The briefing on screen has edits saved in this browser (not in its file). */
  briefingEdited: boolean;
  /** The last save of the edits to this browser failed (storage full or turned off). */
  draftNotSaved: boolean;
  /** Presenting with the screen blanked (B or "."): nothing of the map shows. */
  blanked: boolean;
  setBriefing: (briefing: Briefing | undefined, url?: string) => void;
  showScene: (index: number) => void;
  /** Next (+1) or previous (−1) scene, stopping at the ends. */
  stepScene: (delta: number) => void;
  setPresenting: (presenting: boolean) => void;
  setBlanked: (blanked: boolean) => void;
  /** Replaces the scenes (authoring), keeping the scene shown in range. */
  setScenes: (scenes: Scene[]) => void;
}

export const createBriefingSlice: StateCreator<AtlasStore, [], [], BriefingSlice> = (set, get) => ({
  presenting: false,
  briefingEdited: false,
  draftNotSaved: false,
  blanked: false,
  setBriefing: (briefing, briefingUrl) =>
    set({ briefing, briefingUrl, sceneIndex: undefined, blanked: false, briefingEdited: false }),
  showScene: (index) => {
    const { briefing, presenting } = get();
    if (!briefing || briefing.scenes.length === 0) return;
    const sceneIndex = Math.max(0, Math.min(briefing.scenes.length - 1, index));
    set({ sceneIndex, blanked: false, playing: false });
    get().applyView(briefing.scenes[sceneIndex].view, { animate: presenting });
  },
  stepScene: (delta) => {
    const { briefing, sceneIndex } = get();
    if (!briefing) return;
    const next = Math.max(0, Math.min(briefing.scenes.length - 1, (sceneIndex ?? -1) + delta));
    if (next !== sceneIndex) get().showScene(next);
  },
  setPresenting: (presenting) => set({ presenting, blanked: false }),
  setBlanked: (blanked) => set({ blanked }),
  setScenes: (scenes) => {
    const { briefing, sceneIndex } = get();
    if (!briefing) return;
    const index = sceneIndex === undefined || scenes.length === 0 ? undefined : Math.min(sceneIndex, scenes.length - 1);
    set({ briefing: { ...briefing, scenes }, sceneIndex: index });
  },
});
