/**
 * Colours and sizes in one place. Categorical colours are the Government Analysis Function
 * palette (see shared CONVENTIONS): origins dark blue, destinations orange, as its two-series pair.
 */
export type Rgba = [number, number, number, number];

export function hexToRgba(hex: string, alpha = 255): Rgba {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, alpha];
}

export const PALETTE = {
  darkBlue: '#12436D',
  turquoise: '#28A197',
  darkPink: '#801650',
  orange: '#F46A25',
  darkGrey: '#3D3D3D',
  lightPurple: '#A285D1',
} as const;

export const BASEMAP_COLOURS = {
  sea: '#cfe0ea',
  land: '#f4f2ec',
  otherLand: '#e6e3dc',
  coast: '#7f9cb0',
  border: '#8a8a8a',
} as const;

export const AREA_STYLE = {
  origin: { fill: hexToRgba(PALETTE.darkBlue, 70), line: hexToRgba(PALETTE.darkBlue, 220) },
  destination: { fill: hexToRgba(PALETTE.orange, 80), line: hexToRgba('#b5470f', 230) },
  highlight: { line: hexToRgba('#000000', 255) },
} as const;

export const FLOW_STYLE = {
  source: hexToRgba(PALETTE.darkBlue),
  target: hexToRgba(PALETTE.orange),
  /** Suppressed flows: one thin grey line, whatever their (unknown) size. */
  suppressed: hexToRgba(PALETTE.darkGrey, 140),
  suppressedWidthPx: 1,
  /** Width of the largest flow in the dataset; others scale linearly from zero. */
  maxWidthPx: 14,
} as const;

export const LABEL_STYLE = {
  colour: hexToRgba('#1b1b1b'),
  halo: hexToRgba('#ffffff', 230),
  sizePx: 13,
  fontFamily: 'system-ui, "Liberation Sans", "DejaVu Sans", Arial, sans-serif',
} as const;

export function rgbaCss([r, g, b, a]: Rgba): string {
  return `rgba(${r}, ${g}, ${b}, ${(a / 255).toFixed(2)})`;
}

/** Sequential palettes (ColorBrewer Blues and Oranges, 5 classes). */
export const CHOROPLETH_COLOURS = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'];
export const CELL_COLOURS = ['#feedde', '#fdbe85', '#fd8d3c', '#e6550d', '#a63603'];
/** Gi* bins −3…3: cold blues, neutral, hot reds (the ArcGIS Hot Spot Analysis ramp). */
export const GI_COLOURS: Record<number, string> = {
  [-3]: '#4575b5',
  [-2]: '#849eba',
  [-1]: '#c0ccbe',
  0: '#f2f2e6',
  1: '#fab984',
  2: '#ed7551',
  3: '#d62f27',
};
