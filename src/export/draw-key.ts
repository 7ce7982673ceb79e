/**
 * The key on a 2D canvas (PNG export): the same rows the layers give the React key (map/key.ts),
 * laid out in columns — one beside the map when it fits, else several under it — and never cut: a
 * key that cannot fit is an error, not a shorter key. It says what it drew, so the export can
 * report it (and tests can check every colour in it is on the map).
 */
import type { KeyRow, KeySection } from '../map/key';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface KeyStyle {
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

const largest = (row: Extract<KeyRow, { kind: 'size' }>) => Math.max(...row.circles.map((c) => c.radiusPx));
const sizesHeight = (row: Extract<KeyRow, { kind: 'size' }>, font: number) => largest(row) * 2 + 4 + font * 1.3;

/** One thing to draw: a section's title or one of its rows, measured for a column width. */
interface Item {
  section: number;
  row?: KeyRow;
  lines: string[];
  height: number;
}

const fontOf = (row: KeyRow | undefined, style: KeyStyle) =>
  row === undefined
    ? `700 ${style.font}px ${style.fontFamily}`
    : `400 ${row.kind === 'note' ? style.font * 0.92 : style.font}px ${style.fontFamily}`;

function items(ctx: CanvasRenderingContext2D, sections: KeySection[], width: number, style: KeyStyle): Item[] {
  const line = style.font * 1.3;
  return sections.flatMap((section, s) => {
    ctx.font = fontOf(undefined, style);
    const title = wrap(ctx, section.title, width);
    return [
      { section: s, lines: title, height: title.length * line + style.font * 0.3 + (s > 0 ? style.font * 0.7 : 0) },
      ...section.rows.map((row) => {
        ctx.font = fontOf(row, style);
        const indent = row.kind === 'note' || row.kind === 'size' ? 0 : style.font * (SAMPLE + 0.6);
        const lines = wrap(ctx, row.label, width - indent);
        // Circles go above their label, side by side, each value under its circle.
        const sample = row.kind === 'size' ? sizesHeight(row, style.font) : 0;
        return { section: s, row, lines, height: lines.length * line + sample + style.font * 0.35 };
      }),
    ];
  });
}

/** Items placed in `columns` columns of `height`, in order; undefined when they do not fit. */
function place(list: Item[], columns: number, height: number): { item: Item; column: number; y: number }[] | undefined {
  const placed: { item: Item; column: number; y: number }[] = [];
  let column = 0;
  let y = 0;
  for (const [i, item] of list.entries()) {
    // A section's title keeps its first row with it.
    const keep = item.row === undefined && list[i + 1] ? item.height + list[i + 1].height : item.height;
    if (y > 0 && y + keep > height) {
      column++;
      y = 0;
    }
    if (column >= columns || item.height > height) return undefined;
    placed.push({ item, column, y });
    y += item.height;
  }
  return placed;
}

export interface KeyLayout {
  /** Where the key goes, and where that leaves the map. */
  keyBox: Box;
  mapBox: Box;
  /** Whether the notes are drawn (left out only where the key would not fit with them). */
  notes: boolean;
  columns: number;
}

/**
 * Where the map and its key go in `body`: the key in a column beside the map (with its notes,
 * else without), else in columns under the map taking no more than 45 % of the height; undefined
 * when none fits.
 */
export function layoutKey(
  ctx: CanvasRenderingContext2D,
  sections: KeySection[],
  body: Box,
  style: KeyStyle,
  gap: number,
): KeyLayout | undefined {
  const fits = (notes: boolean, columns: number, width: number, height: number) =>
    place(
      items(
        ctx,
        sections.map((s) => ({ ...s, rows: s.rows.filter((r) => notes || r.kind !== 'note') })),
        width,
        style,
      ),
      columns,
      height,
    ) !== undefined;
  const side = Math.max(200, Math.min(body.w * 0.3, 380));
  for (const notes of [true, false])
    if (body.w - side - gap >= 160 && fits(notes, 1, side, body.h))
      return {
        keyBox: { x: body.x + body.w - side, y: body.y, w: side, h: body.h },
        mapBox: { x: body.x, y: body.y, w: body.w - side - gap, h: body.h },
        notes,
        columns: 1,
      };
  const columns = Math.max(1, Math.floor((body.w + gap) / (200 + gap)));
  const width = (body.w - gap * (columns - 1)) / columns;
  // Up to half the body: the map keeps the larger part (a long source or attribution can leave
  // a small article image little height for both).
  for (const notes of [true, false])
    for (let h = style.font * 4; h <= body.h * 0.5; h += style.font)
      if (fits(notes, columns, width, h))
        return {
          keyBox: { x: body.x, y: body.y + body.h - h, w: body.w, h },
          mapBox: { x: body.x, y: body.y, w: body.w, h: body.h - h - gap },
          notes,
          columns,
        };
  return undefined;
}

function drawSample(ctx: CanvasRenderingContext2D, row: KeyRow, x: number, y: number, style: KeyStyle) {
  const { font } = style;
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
    const bottom = y + largest(row) * 2 + 2;
    let left = x;
    for (const circle of row.circles) {
      ctx.fillStyle = row.colour;
      ctx.strokeStyle = row.outline;
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.arc(left + circle.radiusPx, bottom - circle.radiusPx, circle.radiusPx, 0, Math.PI * 2);
      ctx.fill();
      ctx.stroke();
      ctx.fillStyle = style.text;
      ctx.font = `400 ${font * 0.9}px ${style.fontFamily}`;
      ctx.textAlign = 'center';
      ctx.fillText(circle.value, left + circle.radiusPx, bottom + 2);
      ctx.textAlign = 'left';
      left += circle.radiusPx * 2 + font * 0.8;
    }
  }
}

/** Draws the key as laid out; returns the sections and rows drawn, which is what the export reports. */
export function drawKey(
  ctx: CanvasRenderingContext2D,
  sections: KeySection[],
  layout: KeyLayout,
  style: KeyStyle,
  gap: number,
): KeySection[] {
  const shown = sections.map((s) => ({ ...s, rows: s.rows.filter((r) => layout.notes || r.kind !== 'note') }));
  const { keyBox, columns } = layout;
  const width = (keyBox.w - gap * (columns - 1)) / columns;
  const placed = place(items(ctx, shown, width, style), columns, keyBox.h) ?? [];
  const line = style.font * 1.3;
  ctx.textBaseline = 'top';
  for (const { item, column, y: top } of placed) {
    const x = keyBox.x + column * (width + gap);
    const y = keyBox.y + top;
    const { row } = item;
    // A section's title has space above it, to set it apart from the section before.
    const titleTop = row === undefined && item.section > 0 ? y + style.font * 0.7 : y;
    if (row && row.kind !== 'note') drawSample(ctx, row, x, y, style);
    ctx.font = fontOf(row, style);
    ctx.fillStyle =
      row === undefined ? style.text : row.kind === 'note' || ('empty' in row && row.empty) ? style.muted : style.text;
    const indent = row === undefined || row.kind === 'note' || row.kind === 'size' ? 0 : style.font * (SAMPLE + 0.6);
    // Circles' label goes under them and their values; other text at the top of its row.
    const textTop = row?.kind === 'size' ? y + sizesHeight(row, style.font) : row ? y : titleTop;
    item.lines.forEach((text, i) => ctx.fillText(text, x + indent, textTop + i * line));
  }
  return shown;
}
