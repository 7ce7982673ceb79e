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

/** Everything the map draws with, for one look: the desk (default) or a projector theme. */
export interface MapLook {
  /** Which look: memoised derivations key on it. */
  id: 'desk' | 'light' | 'dark';
  basemap: {
    sea: string;
    land: string;
    otherLand: string;
    coast: string;
    border: string;
    coastWidthPx: number;
    borderWidthPx: number;
  };
  area: {
    origin: { fill: Rgba; line: Rgba };
    destination: { fill: Rgba; line: Rgba };
    highlight: { line: Rgba };
    lineWidthPx: number;
  };
  flow: {
    source: Rgba;
    target: Rgba;
    /** Suppressed flows: one thin grey line, whatever their (unknown) size. */
    suppressed: Rgba;
    suppressedWidthPx: number;
    /** Width of the largest flow in the dataset; others scale linearly from zero. */
    maxWidthPx: number;
    /** No flow is drawn thinner than this. */
    minWidthPx: number;
  };
  label: { colour: Rgba; halo: Rgba; sizePx: number; fontFamily: string };
  /** Incident and hot-spot cells. */
  cells: {
    /** Outline width around each cell; 0 draws none (a hairline that a projector would lose). */
    outlinePx: number;
    /** Ring significant hot and cold spots in their own colour, and let the rest recede. */
    ringSignificant: boolean;
  };
  /** The destination choropleth's outline. */
  choropleth: { line: Rgba };
}

const FONT = 'system-ui, "Liberation Sans", "DejaVu Sans", Arial, sans-serif';

/** At a desk: the look the map has always had. */
export const DESK_LOOK: MapLook = {
  id: 'desk',
  basemap: {
    sea: '#cfe0ea',
    land: '#f4f2ec',
    otherLand: '#e6e3dc',
    coast: '#7f9cb0',
    border: '#8a8a8a',
    coastWidthPx: 1,
    borderWidthPx: 1,
  },
  area: {
    origin: { fill: hexToRgba(PALETTE.darkBlue, 70), line: hexToRgba(PALETTE.darkBlue, 220) },
    destination: { fill: hexToRgba(PALETTE.orange, 80), line: hexToRgba('#b5470f', 230) },
    highlight: { line: hexToRgba('#000000', 255) },
    lineWidthPx: 1,
  },
  flow: {
    source: hexToRgba(PALETTE.darkBlue),
    target: hexToRgba(PALETTE.orange),
    suppressed: hexToRgba(PALETTE.darkGrey, 140),
    suppressedWidthPx: 1,
    maxWidthPx: 14,
    minWidthPx: 1.5,
  },
  label: { colour: hexToRgba('#1b1b1b'), halo: hexToRgba('#ffffff', 230), sizePx: 13, fontFamily: FONT },
  cells: { outlinePx: 0.5, ringSignificant: false },
  choropleth: { line: [60, 60, 60, 255] },
};

/**
 * Projector looks: no line under 2 px, labels about twice the size, and every mark at least 3:1
 * against what it is drawn on (tests/unit/contrast.test.ts checks each pair in PROJECTOR_CONTRAST).
 * Light for lit rooms, dark for dimmed ones.
 */
export const PROJECTOR_LOOKS: Record<'light' | 'dark', MapLook> = {
  light: {
    id: 'light',
    basemap: {
      sea: '#cfe0ea',
      land: '#f4f2ec',
      otherLand: '#e6e3dc',
      coast: '#4f7391',
      border: '#5a5a5a',
      coastWidthPx: 2,
      borderWidthPx: 2,
    },
    area: {
      origin: { fill: hexToRgba(PALETTE.darkBlue, 60), line: hexToRgba(PALETTE.darkBlue) },
      destination: { fill: hexToRgba('#c2410c', 60), line: hexToRgba('#b5470f') },
      highlight: { line: hexToRgba('#000000') },
      lineWidthPx: 2,
    },
    flow: {
      source: hexToRgba(PALETTE.darkBlue),
      target: hexToRgba('#c2410c'),
      suppressed: hexToRgba('#5a5a5a'),
      suppressedWidthPx: 2,
      maxWidthPx: 20,
      minWidthPx: 2.5,
    },
    label: { colour: hexToRgba('#111111'), halo: hexToRgba('#ffffff'), sizePx: 24, fontFamily: FONT },
    cells: { outlinePx: 0, ringSignificant: true },
    choropleth: { line: hexToRgba('#111111') },
  },
  dark: {
    id: 'dark',
    basemap: {
      sea: '#0b1a2b',
      land: '#1f2a36',
      otherLand: '#18212b',
      coast: '#8fb3cc',
      border: '#9aa5b1',
      coastWidthPx: 2,
      borderWidthPx: 2,
    },
    area: {
      origin: { fill: hexToRgba('#7cc4ff', 50), line: hexToRgba('#7cc4ff') },
      destination: { fill: hexToRgba('#ff9a52', 55), line: hexToRgba('#ff9a52') },
      highlight: { line: hexToRgba('#ffffff') },
      lineWidthPx: 2,
    },
    flow: {
      source: hexToRgba('#7cc4ff'),
      target: hexToRgba('#ff9a52'),
      suppressed: hexToRgba('#9aa5b1'),
      suppressedWidthPx: 2,
      maxWidthPx: 20,
      minWidthPx: 2.5,
    },
    label: { colour: hexToRgba('#ffffff'), halo: hexToRgba('#0b1a2b'), sizePx: 24, fontFamily: FONT },
    cells: { outlinePx: 0, ringSignificant: true },
    choropleth: { line: hexToRgba('#ffffff') },
  },
};

/** The presentation chrome (caption band, legend, badge) per projector theme, as CSS custom properties. */
export const PROJECTOR_CHROME = {
  light: {
    bandBg: '#ffffff',
    bandText: '#111111',
    bandMuted: '#2b2b2b',
    bandRule: '#12436d',
    badgeBg: '#fff4d6',
    badgeText: '#3d2e00',
  },
  dark: {
    bandBg: '#0d1b2a',
    bandText: '#ffffff',
    bandMuted: '#e3e8ee',
    bandRule: '#ffbf47',
    badgeBg: '#3d2e00',
    badgeText: '#ffe9a8',
  },
} as const;

export type ContrastPair = { what: string; foreground: string | Rgba; background: string | Rgba; min: number };

/**
 * Every colour pair a projector theme puts side by side, with the contrast it must reach: 7:1 for
 * text (the projection target), 3:1 for graphic marks against what they are drawn on (WCAG 2.2).
 */
export function projectorContrastPairs(theme: 'light' | 'dark'): ContrastPair[] {
  const look = PROJECTOR_LOOKS[theme];
  const chrome = PROJECTOR_CHROME[theme];
  const { basemap: b } = look;
  const grounds = { land: b.land, 'other land': b.otherLand, sea: b.sea };
  const marks = {
    'flow origin end': look.flow.source,
    'flow destination end (arrowhead)': look.flow.target,
    'suppressed flow': look.flow.suppressed,
    'origin outline': look.area.origin.line,
    'destination outline': look.area.destination.line,
    'selected outline': look.area.highlight.line,
  };
  return [
    { what: 'caption text', foreground: chrome.bandText, background: chrome.bandBg, min: 7 },
    { what: 'legend notes', foreground: chrome.bandMuted, background: chrome.bandBg, min: 7 },
    { what: 'illustrative badge', foreground: chrome.badgeText, background: chrome.badgeBg, min: 7 },
    { what: 'map labels on their halo', foreground: look.label.colour, background: look.label.halo, min: 7 },
    { what: 'caption rule', foreground: chrome.bandRule, background: chrome.bandBg, min: 3 },
    ...Object.entries(marks).flatMap(([what, colour]) =>
      Object.entries(grounds).map(([ground, background]) => ({
        what: `${what} on ${ground}`,
        foreground: colour,
        background,
        min: 3,
      })),
    ),
    { what: 'coastline on sea', foreground: b.coast, background: b.sea, min: 3 },
    { what: 'coastline on land', foreground: b.coast, background: b.land, min: 3 },
    { what: 'border on land', foreground: b.border, background: b.land, min: 3 },
    { what: 'border on other land', foreground: b.border, background: b.otherLand, min: 3 },
  ];
}

/** The look the map has now: a projector theme while presenting, the desk look otherwise. */
export const lookFor = (presenting: boolean, theme: 'light' | 'dark'): MapLook =>
  presenting ? PROJECTOR_LOOKS[theme] : DESK_LOOK;

/** The desk look's parts, under the names the code used before there were looks. */
export const BASEMAP_COLOURS = DESK_LOOK.basemap;
export const AREA_STYLE = DESK_LOOK.area;
export const FLOW_STYLE = DESK_LOOK.flow;
export const LABEL_STYLE = DESK_LOOK.label;

export function rgbaCss([r, g, b, a]: Rgba): string {
  return `rgba(${r}, ${g}, ${b}, ${(a / 255).toFixed(2)})`;
}

/** Sequential palettes (ColorBrewer Blues and Oranges, 5 classes). */
export const CHOROPLETH_COLOURS = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'];
export const CELL_COLOURS = ['#feedde', '#fdbe85', '#fd8d3c', '#e6550d', '#a63603'];
/** Change in a destination's value: ColorBrewer RdBu, blues for decrease, reds for increase. */
export const CHOROPLETH_CHANGE_COLOURS = ['#2166ac', '#92c5de', '#f7f7f7', '#f4a582', '#b2182b'];
/** A change that is not available (no published value in either period). */
export const NOT_AVAILABLE_COLOUR = '#bababa';
/**
 * Emerging hot-spot categories: reds for hot, blues for cold, darkest where the pattern is
 * strongest now (intensifying, new), palest where it is past (historical). No pattern: not drawn.
 */
export const EMERGING_COLOURS: Record<string, string> = {
  // Hues as well as lightness: eight classes of one hue cannot all differ by ΔE2000 ≥ 10, the
  // least that reads as another class (tests/unit/contrast.test.ts checks every pair as drawn).
  'intensifying-hot-spot': '#5c0011',
  'persistent-hot-spot': '#c4001a',
  'new-hot-spot': '#ff5e00',
  'consecutive-hot-spot': '#e7298a',
  'diminishing-hot-spot': '#fdae61',
  'sporadic-hot-spot': '#a6611a',
  'oscillating-hot-spot': '#f7dc6f',
  'historical-hot-spot': '#d8a7c4',
  'intensifying-cold-spot': '#08306b',
  'persistent-cold-spot': '#2166ac',
  'new-cold-spot': '#00a6ca',
  'consecutive-cold-spot': '#5e3c99',
  'diminishing-cold-spot': '#92c5de',
  'sporadic-cold-spot': '#35978f',
  'oscillating-cold-spot': '#a497d8',
  'historical-cold-spot': '#bfe0c9',
  'no-pattern': '#f2f2e6',
};

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
