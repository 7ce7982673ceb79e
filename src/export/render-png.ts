/**
 * PNG export: the view drawn again in a separate, off-screen map sized for the export (the live
 * map keeps no drawing buffer, and its size is not the export's), then title, subtitle, legend,
 * scale, source, byline, attribution, date and, for illustrative data, the note, drawn around it
 * on a 2D canvas. The file's pixel size is checked, never silently smaller than asked.
 */
import * as maplibregl from 'maplibre-gl';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import { legendSamples } from '../data/analysis/aggregate';
import type { Dataset } from '../data/schema';
import { PROTECTED } from '../data/format';
import { LAYER_LABELS, LAYER_NAMES, wantsAnalysis } from '../data/view';
import type { EmergingHotspots, HotspotResult } from '../state/analysis-slices';
import type { ViewChoices } from '../state/view-choices';
import { BASEMAP_ATTRIBUTION, basemapStyle } from '../map/basemap-style';
import { composeLayers } from '../map/compose-layers';
import { DESK_LOOK, rgbaCss } from '../map/theme';
import { flowNetworkData } from '../derive/flow-network';
import { isGrouped } from '../derive/view-filter';
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
}

const FONT = 'system-ui, "Liberation Sans", "DejaVu Sans", Arial, sans-serif';
const TEXT = '#1b1b1b';
const MUTED = '#4b4b4b';

/** Lines of `text` no wider than `width` at the context's current font. */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (ctx.measureText(next).width > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

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

async function renderMap(request: ExportRequest, width: number, height: number): Promise<HTMLCanvasElement> {
  const { preset } = request;
  if (Math.max(width, height) * preset.pixelRatio > MAX_CANVAS_PX) {
    throw new Error(
      `the map would be ${Math.round(width * preset.pixelRatio)} × ${Math.round(height * preset.pixelRatio)} pixels; WebGL here draws at most ${MAX_CANVAS_PX} on a side. Choose a smaller size or ratio.`,
    );
  }
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
    bounds: request.bounds,
    bearing: request.bearing,
    pitch: request.pitch,
    interactive: false,
    attributionControl: false,
    pixelRatio: preset.pixelRatio,
    fadeDuration: 0,
    canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
  });
  try {
    await new Promise<void>((resolve) => map.once('load', () => resolve()));
    map.fitBounds(request.bounds, { padding: 0, animate: false, bearing: request.bearing, pitch: request.pitch });
    const wanted = request.view.layers;
    const analysis = wantsAnalysis(wanted)
      ? (await import('../map/analysis-layers')).analysisLayers({
          dataset: request.dataset,
          periodIndex: request.dataset.periods.indexOf(request.view.period),
          layers: wanted,
          hotspots: request.hotspots,
          emerging: request.emerging,
          baseIndex: request.view.compareWith ? request.dataset.periods.indexOf(request.view.compareWith) : undefined,
        })
      : [];
    const view = { ...request.view, zoom: Math.floor(map.getZoom() * 4) / 4 };
    const overlay = new MapLibreOverlay({
      interleaved: true,
      layers: composeLayers(request.dataset, view, { below: analysis }, DESK_LOOK).layers,
    });
    map.addControl(overlay);
    await settled(map);
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
    (copy as HTMLCanvasElement & { scale?: ReturnType<typeof scaleBar> }).scale = scaleBar(map, width);
    map.removeControl(overlay);
    overlay.finalize();
    return copy;
  } finally {
    map.remove();
    container.remove();
  }
}

/** The whole image: header, map with legend and scale, footer. */
export async function renderPng(request: ExportRequest): Promise<Blob> {
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
  const titleSize = Math.min(40, Math.max(18, W * 0.028));
  const small = Math.max(10, Math.min(18, W * 0.011));
  const textWidth = W - 2 * pad;

  ctx.font = `700 ${titleSize}px ${FONT}`;
  const titleLines = wrap(ctx, manifest.title, textWidth);
  ctx.font = `400 ${titleSize * 0.6}px ${FONT}`;
  const subtitleLines = manifest.subtitle ? wrap(ctx, manifest.subtitle, textWidth) : [];
  const header = pad + titleLines.length * titleSize * 1.2 + subtitleLines.length * titleSize * 0.6 * 1.3 + pad * 0.5;
  const footerText = [
    ...(manifest.synthetic ? [`Illustrative data. ${manifest.notice}`] : []),
    `Source: ${manifest.source.replace(/\.$/, '')}. Counts under ${manifest.disclosure.threshold} are never shown; others are rounded to the nearest ${manifest.disclosure.roundingBase}.`,
    [request.byline, manifest.attribution, BASEMAP_ATTRIBUTION, `Exported ${request.date}`].filter(Boolean).join(' · '),
  ];
  ctx.font = `400 ${small}px ${FONT}`;
  const footerLines = footerText.flatMap((text) => wrap(ctx, text, textWidth));
  const footer = pad * 0.5 + footerLines.length * small * 1.35 + pad * 0.5;
  const mapBox = { x: pad, y: header, w: W - 2 * pad, h: H - header - footer };
  if (mapBox.h < 120) throw new Error(`${W} × ${H} leaves no room for the map under the title and above the source`);

  const mapImage = await renderMap(request, mapBox.w, mapBox.h);

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
    y += titleSize * 1.2;
  }
  ctx.font = `400 ${titleSize * 0.6}px ${FONT}`;
  ctx.fillStyle = MUTED;
  for (const line of subtitleLines) {
    ctx.fillText(line, pad, y);
    y += titleSize * 0.6 * 1.3;
  }
  ctx.drawImage(mapImage, mapBox.x, mapBox.y, mapBox.w, mapBox.h);
  drawLegend(ctx, request, mapBox, small);
  const scale = (mapImage as HTMLCanvasElement & { scale?: { label: string; px: number } }).scale;
  if (scale) drawScale(ctx, scale, mapBox, small);
  ctx.font = `400 ${small}px ${FONT}`;
  y = mapBox.y + mapBox.h + pad * 0.5;
  footerLines.forEach((line, i) => {
    ctx.fillStyle = i === 0 && manifest.synthetic ? '#6b4e00' : MUTED;
    ctx.fillText(line, pad, y);
    y += small * 1.35;
  });
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the browser could not encode the PNG'))),
      'image/png',
    ),
  );
}

function drawLegend(
  ctx: CanvasRenderingContext2D,
  request: ExportRequest,
  box: { x: number; y: number; w: number; h: number },
  font: number,
) {
  const { dataset, view } = request;
  const look = DESK_LOOK;
  const threshold = dataset.manifest.disclosure.threshold;
  // The same scale as the map's flows: the dataset's largest (merged) flow is maxWidthPx wide.
  const maxCount = Math.max(1, flowNetworkData(dataset, isGrouped(view.grouping, view.zoom)).maxCount);
  const samples = view.layers.flows ? legendSamples(threshold, maxCount) : [];
  const analysis = LAYER_NAMES.filter((n) => n !== 'flows' && view.layers[n]).map((n) => LAYER_LABELS[n]);
  const rows = samples.length + (view.layers.flows ? 2 : 0) + 2 + analysis.length;
  const line = font * 1.6;
  ctx.font = `400 ${font}px ${FONT}`;
  const labels = [PROTECTED, 'origin → destination', 'Exporting area (origin)', ...analysis.map((a) => `Layer: ${a}`)];
  const widest = Math.max(...labels.map((label) => ctx.measureText(label).width));
  const width = Math.min(box.w * 0.5, font * 4.3 + widest + font);
  const height = font * 1.6 + rows * line + font * 0.6;
  const x = box.x + box.w - width - 8;
  let y = box.y + 8;
  ctx.fillStyle = 'rgba(255, 255, 255, 0.92)';
  ctx.fillRect(x, y, width, height);
  ctx.strokeStyle = '#9a9a9a';
  ctx.lineWidth = 1;
  ctx.strokeRect(x, y, width, height);
  const left = x + font * 0.7;
  const swatchEnd = left + font * 3;
  ctx.fillStyle = TEXT;
  ctx.font = `700 ${font}px ${FONT}`;
  ctx.textBaseline = 'middle';
  ctx.fillText(dataset.manifest.flowMeasure, left, y + font);
  y += font * 1.6;
  ctx.font = `400 ${font}px ${FONT}`;
  const pixelsPerUnit = look.flow.maxWidthPx / maxCount;
  for (const value of samples) {
    ctx.strokeStyle = rgbaCss(look.flow.source);
    ctx.lineWidth = Math.max(look.flow.minWidthPx, value * pixelsPerUnit);
    ctx.beginPath();
    ctx.moveTo(left, y + line / 2);
    ctx.lineTo(swatchEnd, y + line / 2);
    ctx.stroke();
    ctx.fillStyle = TEXT;
    ctx.fillText(String(value), swatchEnd + font * 0.6, y + line / 2);
    y += line;
  }
  if (view.layers.flows) {
    ctx.strokeStyle = rgbaCss(look.flow.suppressed);
    ctx.lineWidth = look.flow.suppressedWidthPx;
    ctx.beginPath();
    ctx.moveTo(left, y + line / 2);
    ctx.lineTo(swatchEnd, y + line / 2);
    ctx.stroke();
    ctx.fillStyle = TEXT;
    ctx.fillText(PROTECTED, swatchEnd + font * 0.6, y + line / 2);
    y += line;
    const ramp = ctx.createLinearGradient(left, 0, swatchEnd, 0);
    ramp.addColorStop(0, rgbaCss(look.flow.source));
    ramp.addColorStop(1, rgbaCss(look.flow.target));
    ctx.fillStyle = ramp;
    ctx.fillRect(left, y + line / 2 - 3, swatchEnd - left, 6);
    ctx.fillStyle = TEXT;
    ctx.fillText('origin → destination', swatchEnd + font * 0.6, y + line / 2);
    y += line;
  }
  for (const [label, style] of [
    ['Exporting area (origin)', look.area.origin],
    ['Destination area', look.area.destination],
  ] as const) {
    ctx.fillStyle = rgbaCss(style.fill);
    ctx.fillRect(left, y + line / 2 - font * 0.45, font * 1.4, font * 0.9);
    ctx.strokeStyle = rgbaCss(style.line);
    ctx.lineWidth = 1.5;
    ctx.strokeRect(left, y + line / 2 - font * 0.45, font * 1.4, font * 0.9);
    ctx.fillStyle = TEXT;
    ctx.fillText(label, left + font * 2, y + line / 2);
    y += line;
  }
  for (const label of analysis) {
    ctx.fillText(`Layer: ${label}`, left, y + line / 2);
    y += line;
  }
  ctx.textBaseline = 'top';
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
