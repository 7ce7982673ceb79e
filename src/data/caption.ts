/**
 * Captions and notes in a tiny, safe Markdown subset: paragraphs, `- ` or `* ` lists, *emphasis*
 * and **strong**, and links written `[text](address)` shown as text, never followed. The result is
 * plain data that the UI turns into elements; no HTML from a briefing ever reaches the page.
 */
export interface Span {
  text: string;
  style?: 'em' | 'strong';
}

export type CaptionBlock = { kind: 'paragraph'; spans: Span[] } | { kind: 'list'; items: Span[][] };

const INLINE = /\*\*([^*]+)\*\*|\*([^*]+)\*|_([^_]+)_|\[([^\]]+)\]\(([^)\s]+)\)/g;

/** Inline text: emphasis, strong and links (as "text (address)"); everything else stays as written. */
export function parseSpans(text: string): Span[] {
  const spans: Span[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) spans.push({ text: text.slice(last, m.index) });
    if (m[1] !== undefined) spans.push({ text: m[1], style: 'strong' });
    else if (m[2] !== undefined || m[3] !== undefined) spans.push({ text: (m[2] ?? m[3])!, style: 'em' });
    else spans.push({ text: `${m[4]} (${m[5]})` });
    last = m.index + m[0].length;
  }
  if (last < text.length) spans.push({ text: text.slice(last) });
  return spans;
}

export function parseCaption(text: string): CaptionBlock[] {
  const blocks: CaptionBlock[] = [];
  for (const chunk of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk.split('\n').filter((line) => line.trim() !== '');
    if (lines.length === 0) continue;
    if (lines.every((line) => /^\s*[-*]\s+/.test(line))) {
      blocks.push({ kind: 'list', items: lines.map((line) => parseSpans(line.replace(/^\s*[-*]\s+/, ''))) });
    } else {
      blocks.push({ kind: 'paragraph', spans: parseSpans(lines.join(' ')) });
    }
  }
  return blocks;
}

/** The caption as plain text (for alt text, titles and the presenter's next-scene preview). */
export const captionText = (text: string) =>
  parseCaption(text)
    .map((block) =>
      block.kind === 'paragraph'
        ? block.spans.map((s) => s.text).join('')
        : block.items.map((item) => `• ${item.map((s) => s.text).join('')}`).join(' '),
    )
    .join(' ');
