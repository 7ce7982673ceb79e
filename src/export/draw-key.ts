/**
 * The key on a 2D canvas (PNG export): the same rows the layers give the React key (map/key.ts),
 * drawn in a column beside the map. It says what it drew, so the export can report it (and tests
 * can check every colour in it is on the map).
 */
import type { KeyRow, KeySection } from '../map/key';

export interface KeyBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface KeyLayout {
  font: number;
  fontFamily: string;
  text: string;
  muted: string;
}

/** Lines of `text` no wider than `width` at the context's current font. */
export function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
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

const SAMPLE = 2.6; // sample width, in fonts

/** How tall a row is, wrapped to `width`; and its wrapped text lines. */
function measureRow(ctx: CanvasRenderingContext2D, row: KeyRow, width: number, layout: KeyLayout) {
  const indent = row.kind === 'note' ? 0 : layout.font * (SAMPLE + 0.6);
  ctx.font = `400 ${row.kind === 'note' ? layout.font * 0.92 : layout.font}px ${layout.fontFamily}`;
  const lines = wrap(ctx, row.label, width - indent);
  const sampleHeight = row.kind === 'size' ? row.radiusPx * 2 + 4 : 0;
  return { lines, indent, height: Math.max(lines.length * layout.font * 1.3, sampleHeight) + layout.font * 0.35 };
}

function drawSample(ctx: CanvasRenderingContext2D, row: KeyRow, x: number, y: number, font: number) {
  const w = font * SAMPLE;
  const mid = y + (font * 1.3) / 2;
  if (row.kind === 'width') {
    ctx.strokeStyle = row.colour;
    ctx.lineWidth = row.widthPx;
    ctx.lineCap = 'round';
    ctx.beginPath();
    ctx.moveTo(x + row.widthPx / 2, mid);
    ctx.lineTo(x + w - row.widthPx / 2, mid);
    ctx.stroke();
  } else if (row.kind === 'swatch') {
    ctx.fillStyle = row.colour;
    ctx.fillRect(x, mid - font * 0.45, w, font * 0.9);
    ctx.strokeStyle = row.outline ?? '#666666';
    ctx.lineWidth = 1;
    ctx.strokeRect(x, mid - font * 0.45, w, font * 0.9);
  } else if (row.kind === 'ramp') {
    const ramp = ctx.createLinearGradient(x, 0, x + w, 0);
    row.colours.forEach((colour, i) => ramp.addColorStop(i / Math.max(1, row.colours.length - 1), colour));
    ctx.fillStyle = ramp;
    ctx.fillRect(x, mid - font * 0.3, w, font * 0.6);
  } else if (row.kind === 'size') {
    ctx.fillStyle = row.colour;
    ctx.strokeStyle = row.outline;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.arc(x + w / 2, y + row.radiusPx + 2, row.radiusPx, 0, Math.PI * 2);
    ctx.fill();
    ctx.stroke();
  }
}

/** The height the sections need in a column `width` wide (notes left out when `notes` is false). */
export function keyHeight(
  ctx: CanvasRenderingContext2D,
  sections: KeySection[],
  width: number,
  layout: KeyLayout,
  notes = true,
): number {
  let h = 0;
  for (const section of sections) {
    ctx.font = `700 ${layout.font}px ${layout.fontFamily}`;
    h += wrap(ctx, section.title, width).length * layout.font * 1.3 + layout.font * 0.3;
    for (const row of section.rows) if (notes || row.kind !== 'note') h += measureRow(ctx, row, width, layout).height;
    h += layout.font * 0.7;
  }
  return h;
}

/**
 * Draws the sections top to bottom in `box`; rows of kind note only when `notes`. Returns the
 * rows drawn, by section, which is what the export reports.
 */
export function drawKey(
  ctx: CanvasRenderingContext2D,
  sections: KeySection[],
  box: KeyBox,
  layout: KeyLayout,
  notes = true,
): KeySection[] {
  let y = box.y;
  const drawn: KeySection[] = [];
  ctx.textBaseline = 'top';
  for (const section of sections) {
    ctx.font = `700 ${layout.font}px ${layout.fontFamily}`;
    ctx.fillStyle = layout.text;
    for (const line of wrap(ctx, section.title, box.w)) {
      ctx.fillText(line, box.x, y);
      y += layout.font * 1.3;
    }
    y += layout.font * 0.3;
    const rows = section.rows.filter((row) => notes || row.kind !== 'note');
    for (const row of rows) {
      const { lines, indent, height } = measureRow(ctx, row, box.w, layout);
      if (row.kind !== 'note') drawSample(ctx, row, box.x, y, layout.font);
      ctx.font = `400 ${row.kind === 'note' ? layout.font * 0.92 : layout.font}px ${layout.fontFamily}`;
      ctx.fillStyle = row.kind === 'note' || ('empty' in row && row.empty) ? layout.muted : layout.text;
      // A circle's label sits at its middle; other labels at the top of their row.
      const textTop = row.kind === 'size' ? y + row.radiusPx + 2 - (lines.length * layout.font * 1.3) / 2 : y;
      lines.forEach((line, i) => ctx.fillText(line, box.x + indent, textTop + i * layout.font * 1.3));
      y += height;
    }
    drawn.push({ ...section, rows });
    y += layout.font * 0.7;
  }
  return drawn;
}
