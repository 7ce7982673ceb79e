/**
 * PNG export presets, as journalists and officials use them (CONVENTIONS "Embeds and exports"):
 * article widths at 2×, a 16:9 slide, A4 landscape at 300 dpi, or a size of one's own.
 */
export interface ExportPreset {
  id: string;
  label: string;
  /** Size of the whole image in CSS pixels; the file is `pixelRatio` times that. */
  width: number;
  height: number;
  pixelRatio: number;
}

export const EXPORT_PRESETS: ExportPreset[] = [
  { id: '600@2x', label: 'Article, 600 px wide (2×)', width: 600, height: 600, pixelRatio: 2 },
  { id: '1200@2x', label: 'Article, 1200 px wide (2×)', width: 1200, height: 900, pixelRatio: 2 },
  { id: 'slides', label: 'Slide, 1920 × 1080', width: 1920, height: 1080, pixelRatio: 1 },
  // 297 × 210 mm at 300 dpi is 3508 × 2480 pixels: drawn at 1169 × 827 CSS px, 3×.
  { id: 'a4', label: 'Print, A4 landscape at 300 dpi', width: 1169.33, height: 826.67, pixelRatio: 3 },
];

/** The largest side MapLibre draws without lowering its pixel ratio (its default maxCanvasSize). */
export const MAX_CANVAS_PX = 4096;

/** A preset by id, or a custom `WIDTHxHEIGHT[@Nx]` such as "800x600@2x". */
export function presetById(id: string): ExportPreset | undefined {
  const known = EXPORT_PRESETS.find((p) => p.id === id);
  if (known) return known;
  const m = /^(\d{3,4})x(\d{3,4})(?:@([1-4])x)?$/.exec(id);
  if (!m) return undefined;
  const [width, height, ratio] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 1)];
  return { id, label: `Custom, ${width} × ${height} at ${ratio}×`, width, height, pixelRatio: ratio };
}

/** The file's size in pixels. */
export const pixelSize = (preset: ExportPreset) => ({
  width: Math.round(preset.width * preset.pixelRatio),
  height: Math.round(preset.height * preset.pixelRatio),
});
