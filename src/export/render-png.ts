/**
 * PNG export: the view drawn again in a separate, off-screen map sized for the export (the live
 * map keeps no drawing buffer, and its size is not the export's), then title, subtitle, legend,
 * scale, source, byline, attribution, date and, for illustrative data, the note, drawn around it
 * on a 2D canvas. The file's pixel size is checked, never silently smaller than asked.
 */
import * as maplibregl from 'maplibre-gl';
import type { MapLibreOverlay } from '@deck.gl/maplibre';
import { interleavedOverlay } from '../map/interleaved-overlay';
import type { Bounds } from '../data/bounds';
import type { Dataset } from '../data/schema';
import { parseCaption } from '../data/caption';
import { periodLabel } from '../data/periods';
import { capitalise } from '../data/format';
import { wantsAnalysis } from '../data/view';
import type { EmergingHotspots, HotspotResult } from '../state/analysis-slices';
import type { ViewChoices } from '../state/view-choices';
import { BASEMAP_ATTRIBUTION, basemapStyle } from '../map/basemap-style';
import { composeLayers, keySections, layerContext } from '../map/compose-layers';
import type { KeySection } from '../map/key';
import type { LayerModule } from '../map/layer-module';
import { DESK_LOOK } from '../map/theme';
import { drawKey, layoutKey, wrap, type Box } from './draw-key';
import { MAX_CANVAS_PX, pixelSize, type ExportPreset } from './presets';

export interface ExportRequest {
  preset: ExportPreset;
  dataset: Dataset;
  /** The view as the layers take it; its zoom is replaced by the export map's. */
  view: ViewChoices;
  /** What the live map shows: the export frames the same area. */
  bounds: [[number, number], [number, number]];
  bearing: number;
  pitch: number;
  hotspots?: HotspotResult;
  emerging?: EmergingHotspots;
  byline?: string;
  /** Shown as "Exported <date>"; fixed by the snapshot CLI so the same input gives the same file. */
  date: string;
  transparent?: boolean;
  /** A scene whose title and caption go under the title. */
  scene?: { title: string; caption: string };
}

const FONT = 'system-ui, "Liberation Sans", "DejaVu Sans", Arial, sans-serif';
const TEXT = '#1b1b1b';
const MUTED = '#4b4b4b';

/** A round distance about a fifth of the map's width, and its length in CSS pixels. */
function scaleBar(map: maplibregl.Map, mapWidth: number): { label: string; px: number } {
  const y = map.getCanvas().clientHeight / 2;
  const a = map.unproject([0, y]);
  const b = map.unproject([100, y]);
  const metresPer100px = a.distanceTo(b);
  const target = (metresPer100px / 100) * (mapWidth / 5);
  const nice =
    [1, 2, 5]
      .flatMap((n) => [1, 10, 100, 1000, 10_000, 100_000].map((p) => n * p))
      .filter((m) => m <= target)
      .pop() ?? 1;
  return { label: nice >= 1000 ? `${nice / 1000} km` : `${nice} m`, px: (nice / metresPer100px) * 100 };
}

/** Resolves once the map has drawn everything (sources loaded, no frame pending), twice over. */
const settled = (map: maplibregl.Map) =>
  new Promise<void>((resolve) => {
    map.once('idle', () => {
      map.triggerRepaint();
      map.once('idle', () => resolve());
    });
  });

/**
 * The layers' context for an export: the desk look and the export map's zoom. Only the shown
 * periods' flows are uploaded: an export draws its view once, so a GPU filter over every period
 * saves nothing and costs each frame the vertices of every period (seconds in software WebGL).
 */
const exportContext = (request: ExportRequest, view: ViewChoices) =>
  layerContext({
    dataset: request.dataset,
    view,
    look: DESK_LOOK,
    hotspots: request.hotspots,
    emerging: request.emerging,
    periods: 'shown',
  });

/** The off-screen map exports draw in: kept between exports of one size, so its shaders, tiles and font atlases are made once. */
interface ExportMap {
  key: string;
  container: HTMLDivElement;
  map: maplibregl.Map;
  overlay: MapLibreOverlay;
  /** Frames deck.gl has drawn into it. */
  frames: number;
}

let exportMap: Promise<ExportMap> | undefined;

function disposeExportMap(done: ExportMap): void {
  done.map.removeControl(done.overlay);
  done.overlay.finalize();
  done.map.remove();
  done.container.remove();
}

/** The export map for a size: the one kept from the last export when the size is the same. */
async function exportMapFor(width: number, height: number, pixelRatio: number): Promise<ExportMap> {
  const key = `${Math.round(width)}x${Math.round(height)}@${pixelRatio}`;
  const kept = await exportMap?.catch(() => undefined);
  if (kept?.key === key) return kept;
  if (kept) disposeExportMap(kept);
  exportMap = (async () => {
    const container = document.createElement('div');
    container.setAttribute('aria-hidden', 'true');
    Object.assign(container.style, {
      position: 'fixed',
      left: '-20000px',
      top: '0',
      width: `${width}px`,
      height: `${height}px`,
      pointerEvents: 'none',
    });
    document.body.append(container);
    const map = new maplibregl.Map({
      container,
      style: basemapStyle(document.baseURI),
      interactive: false,
      attributionControl: false,
      pixelRatio,
      fadeDuration: 0,
      canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
    });
    await new Promise<void>((resolve) => map.once('load', () => resolve()));
    const made: ExportMap = {
      key,
      container,
      map,
      overlay: interleavedOverlay(),
      frames: 0,
    };
    made.overlay.setProps({ onAfterRender: () => made.frames++ });
    map.addControl(made.overlay);
    return made;
  })();
  return exportMap;
}

async function renderMap(
  request: ExportRequest,
  analysis: readonly LayerModule[],
  width: number,
  height: number,
): Promise<{ image: HTMLCanvasElement; scale: { label: string; px: number }; bounds: Bounds }> {
  const { preset } = request;
  if (Math.max(width, height) * preset.pixelRatio > MAX_CANVAS_PX) {
    throw new Error(
      `the map would be ${Math.round(width * preset.pixelRatio)} × ${Math.round(height * preset.pixelRatio)} pixels; WebGL here draws at most ${MAX_CANVAS_PX} on a side. Choose a smaller size or ratio.`,
    );
  }
  const target = await exportMapFor(width, height, preset.pixelRatio);
  const { map, overlay } = target;
  try {
    map.fitBounds(request.bounds, { padding: 0, animate: false, bearing: request.bearing, pitch: request.pitch });
    const view = { ...request.view, zoom: Math.floor(map.getZoom() * 4) / 4 };
    // Labels whose text would run off the image are left out (a name is about 90 px wide).
    const inset = { x: Math.min(60, width / 6), y: Math.min(22, height / 6) };
    const [a, b] = [map.unproject([inset.x, height - inset.y]), map.unproject([width - inset.x, inset.y])];
    const labelArea: Bounds = [a.lng, a.lat, b.lng, b.lat];
    const layers = composeLayers({ ...exportContext(request, view), labelArea }, analysis);
    const before = target.frames;
    overlay.setProps({ layers });
    map.triggerRepaint();
    await settled(map);
    // Proof that it drew: a frame with these layers, each with its data loaded (a font atlas, a
    // lazy attribute); until then it waits, and past a minute it says so instead of encoding a
    // map without them.
    const deadline = performance.now() + 60_000;
    const missing = () => layers.filter((layer) => !layer.isLoaded).map((layer) => layer.id);
    while (target.frames === before || missing().length) {
      if (performance.now() > deadline)
        throw new Error(
          `the export could not finish drawing (${target.frames === before ? 'no frame was drawn' : `still loading: ${missing().join(', ')}`}); nothing was written`,
        );
      map.triggerRepaint();
      await settled(map);
    }
    const canvas = map.getCanvas();
    const expected = { width: Math.round(width * preset.pixelRatio), height: Math.round(height * preset.pixelRatio) };
    if (Math.abs(canvas.width - expected.width) > 1 || Math.abs(canvas.height - expected.height) > 1) {
      throw new Error(
        `the map was drawn at ${canvas.width} × ${canvas.height} pixels instead of ${expected.width} × ${expected.height}; choose a smaller size`,
      );
    }
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    copy.getContext('2d')!.drawImage(canvas, 0, 0);
    return { image: copy, scale: scaleBar(map, width), bounds: map.getBounds().toArray().flat() as Bounds };
  } catch (error) {
    // A map that failed to draw is not kept for the next export.
    exportMap = undefined;
    disposeExportMap(target);
    throw error;
  }
}

/** What an export drew, in CSS pixels of the image: for the snapshot CLI's report and for tests. */
export interface DrawnExport {
  mapBox: Box;
  keyBox: Box;
  /** The key's sections and rows as drawn (notes may be left out when space is short). */
  key: KeySection[];
  /** Every line of text drawn outside the map: title, what it shows, footer. */
  texts: string[];
}

/** "Oct–Dec 2024 (Q4), compared with Oct–Dec 2019 (Q4) · active county lines": what the image shows. */
export function viewLine(dataset: Dataset, view: ViewChoices): string {
  const compare =
    view.compareWith && dataset.periods.includes(view.compareWith)
      ? `, compared with ${periodLabel(view.compareWith)}`
      : '';
  return `${periodLabel(view.period)}${compare} · ${capitalise(dataset.manifest.flowMeasure)}`;
}

/** The whole image: header, what it shows, map with scale, its key beside it, footer. */
export async function renderPng(request: ExportRequest): Promise<{ blob: Blob; drawn: DrawnExport }> {
  const { preset, dataset } = request;
  const manifest = dataset.manifest;
  const { width: W, height: H } = preset;
  const size = pixelSize(preset);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const ctx = canvas.getContext('2d')!;
  ctx.scale(size.width / W, size.height / H);
  const pad = Math.max(14, W * 0.02);
  const titleSize = Math.min(40, Math.max(20, W * 0.028));
  // Text is at least 12 CSS pixels at 1× whatever the preset: the size the image is shown at.
  const small = Math.max(12, Math.min(18, W * 0.011));
  const textWidth = W - 2 * pad;
  const texts: string[] = [];

  ctx.font = `700 ${titleSize}px ${FONT}`;
  const titleLines = wrap(ctx, manifest.title, textWidth);
  ctx.font = `400 ${titleSize * 0.6}px ${FONT}`;
  const sceneText = request.scene
    ? `${request.scene.title}. ${parseCaption(request.scene.caption)
        .flatMap((block) => (block.kind === 'paragraph' ? [block.spans] : block.items))
        .map((spans) => spans.map((span) => span.text).join(''))
        .join(' ')}`.trim()
    : '';
  const subtitleLines = [
    ...(sceneText ? wrap(ctx, sceneText, textWidth) : []),
    ...wrap(ctx, [manifest.subtitle, viewLine(dataset, request.view)].filter(Boolean).join(' — '), textWidth),
  ];
  const header = pad + titleLines.length * titleSize * 1.2 + subtitleLines.length * titleSize * 0.6 * 1.3 + pad * 0.5;
  // The notice says it is illustrative in its own words; otherwise the footer says so.
  const illustrative = manifest.synthetic
    ? /^illustrative/i.test(manifest.notice)
      ? manifest.notice
      : `Illustrative data. ${manifest.notice}`.trim()
    : undefined;
  const footerText = [
    ...(illustrative ? [illustrative] : []),
    `Source: ${manifest.source.replace(/\.$/, '')}. Counts under ${manifest.disclosure.threshold} are never shown; others are rounded to the nearest ${manifest.disclosure.roundingBase}.`,
    [request.byline, manifest.attribution, BASEMAP_ATTRIBUTION, `Exported ${request.date}`].filter(Boolean).join(' · '),
  ];
  ctx.font = `400 ${small}px ${FONT}`;
  const footerLines = footerText.flatMap((text) => wrap(ctx, text, textWidth));
  const footer = pad * 0.5 + footerLines.length * small * 1.35 + pad * 0.5;

  // The key, from the layers' own rows: beside the map, or under it in columns.
  const analysis = wantsAnalysis(request.view.layers) ? (await import('../map/analysis-layers')).ANALYSIS_MODULES : [];
  const sections = keySections(exportContext(request, request.view), analysis);
  const style = { font: small, fontFamily: FONT, text: TEXT, muted: MUTED };
  const layout = layoutKey(ctx, sections, { x: pad, y: header, w: textWidth, h: H - header - footer }, style, pad);
  if (!layout) throw new Error(`${W} × ${H} leaves no room for the map and its whole key; choose a larger size`);
  const { mapBox, keyBox } = layout;
  if (mapBox.h < 120 || mapBox.w < 160)
    throw new Error(`${W} × ${H} leaves no room for the map beside its key, under the title and above the source`);

  const drawnMap = await renderMap(request, analysis, mapBox.w, mapBox.h);
  // The key again, now that the export's own frame is known: "none here" means none in this image.
  const framed = keySections({ ...exportContext(request, request.view), bounds: drawnMap.bounds }, analysis);

  if (!request.transparent) {
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, W, H);
  }
  ctx.fillStyle = TEXT;
  ctx.textBaseline = 'top';
  let y = pad;
  ctx.font = `700 ${titleSize}px ${FONT}`;
  for (const line of titleLines) {
    ctx.fillText(line, pad, y);
    texts.push(line);
    y += titleSize * 1.2;
  }
  ctx.font = `400 ${titleSize * 0.6}px ${FONT}`;
  ctx.fillStyle = MUTED;
  for (const line of subtitleLines) {
    ctx.fillText(line, pad, y);
    texts.push(line);
    y += titleSize * 0.6 * 1.3;
  }
  ctx.drawImage(drawnMap.image, mapBox.x, mapBox.y, mapBox.w, mapBox.h);
  const key = drawKey(ctx, framed, layout, style, pad);
  drawScale(ctx, drawnMap.scale, mapBox, small);
  ctx.font = `400 ${small}px ${FONT}`;
  y = mapBox.y + mapBox.h + pad * 0.5;
  footerLines.forEach((line, i) => {
    ctx.fillStyle = i === 0 && illustrative ? '#6b4e00' : MUTED;
    ctx.fillText(line, pad, y);
    texts.push(line);
    y += small * 1.35;
  });
  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob(
      (png) => (png ? resolve(png) : reject(new Error('the browser could not encode the PNG'))),
      'image/png',
    ),
  );
  return { blob, drawn: { mapBox, keyBox, key, texts } };
}

function drawScale(
  ctx: CanvasRenderingContext2D,
  scale: { label: string; px: number },
  box: { x: number; y: number; h: number },
  font: number,
) {
  const x = box.x + 12;
  const y = box.y + box.h - 14;
  ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
  ctx.fillRect(x - 6, y - font * 1.4 - 10, Math.max(scale.px, font * 4) + 12, font * 1.4 + 16);
  ctx.strokeStyle = TEXT;
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(x, y - 6);
  ctx.lineTo(x, y);
  ctx.lineTo(x + scale.px, y);
  ctx.lineTo(x + scale.px, y - 6);
  ctx.stroke();
  ctx.fillStyle = TEXT;
  ctx.font = `400 ${font}px ${FONT}`;
  ctx.textBaseline = 'bottom';
  ctx.fillText(scale.label, x + 4, y - 8);
  ctx.textBaseline = 'top';
}

/** Where a pinned camera looks, as an area an export can fit (export's callers may not read map/). */
export { cameraBounds } from '../map/mercator';

/**
 * The map alone, as the export draws it (same layers, same proof that they drew), at the
 * request's preset size and no title, key or footer: the presenter's picture of a scene.
 */
export async function renderMapPicture(request: ExportRequest): Promise<Blob> {
  const analysis = wantsAnalysis(request.view.layers) ? (await import('../map/analysis-layers')).ANALYSIS_MODULES : [];
  const { image } = await renderMap(request, analysis, request.preset.width, request.preset.height);
  return new Promise<Blob>((resolve, reject) =>
    image.toBlob(
      (jpeg) => (jpeg ? resolve(jpeg) : reject(new Error('the browser could not encode the picture'))),
      'image/jpeg',
      0.85,
    ),
  );
}
