/**
 * Exporting the view on screen: gathers what the PNG needs from the store and the map handle and
 * renders it off-screen (render-png.ts). Also where tools (the snapshot CLI) ask for an export.
 */
import { preflight } from '../data/disclosure/preflight';
import { selectShownDataset, useAtlasStore } from '../state/store';
import { selectViewChoices } from '../state/view-choices';
import { presetById } from './presets';
import { renderPng, type DrawnExport } from './render-png';

export interface ExportOptions {
  byline?: string;
  transparent?: boolean;
  /** YYYY-MM-DD; today when left out. */
  date?: string;
  /** Print the scene on screen's title and caption under the title (a briefing's images). */
  sceneText?: boolean;
}

const today = () => new Date().toISOString().slice(0, 10);

export async function exportViewPng(
  presetId: string,
  options: ExportOptions = {},
): Promise<{ blob: Blob; drawn: DrawnExport }> {
  const preset = presetById(presetId);
  if (!preset)
    throw new Error(`"${presetId}" is not an export size: use 600@2x, 1200@2x, slides, a4 or WIDTHxHEIGHT[@Nx]`);
  // The live view first: every layer it asks for computed and drawn (hot spots, cells…).
  await useAtlasStore.getState().mapHandle?.whenReady();
  const s = useAtlasStore.getState();
  const view = selectViewChoices(s);
  const dataset = selectShownDataset(s);
  if (!dataset || !view || !s.mapHandle) throw new Error('there is no map to export yet');
  preflight('the PNG', dataset);
  return renderPng({
    preset,
    dataset,
    view,
    bounds: s.mapHandle.getBounds(),
    bearing: s.mapHandle.getCamera().bearing,
    pitch: s.mapHandle.getCamera().pitch,
    hotspots: s.layers.hotspots ? s.hotspots : undefined,
    emerging: s.layers.emerging ? s.emerging : undefined,
    byline: options.byline,
    transparent: options.transparent,
    date: options.date ?? today(),
    scene: options.sceneText && s.briefing && s.sceneIndex !== undefined ? s.briefing.scenes[s.sceneIndex] : undefined,
  });
}
