/** WCAG 2.2 contrast between two colours (#rrggbb or RGBA arrays; alpha is ignored: use opaque tokens). */
import type { Rgba } from './theme';

const channel = (c: number) => {
  const v = c / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
};

function rgb(colour: string | Rgba): [number, number, number] {
  if (typeof colour !== 'string') return [colour[0], colour[1], colour[2]];
  const n = Number.parseInt(colour.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function relativeLuminance(colour: string | Rgba): number {
  const [r, g, b] = rgb(colour).map(channel);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string | Rgba, b: string | Rgba): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
